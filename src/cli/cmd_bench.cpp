// `lrlab bench [--workload W1|W2|W3|W4|W3t|W4s]`: training throughput (forward + backward +
// update) in samples per second, the median of several timed repeats, heap allocations per step
// and the SIMD level used (math/simd.hpp; LRLAB_SIMD=sse2 forces the 128-bit path).
#include <algorithm>
#include <chrono>
#include <ctime>
#include <memory>
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include "cli/alloc_counter.hpp"
#include "cli/commands.hpp"
#include "core/config/json.hpp"
#include "core/math/simd.hpp"
#include "core/train/experiment.hpp"

namespace lrlab::cli
{
namespace
{

struct Workload
{
    const char* name;
    const char* net;
    const char* config;  // JSON
};

// The workloads of the engine issue: W1 is TensorFlow Playground's default net, W4 a 64-input
// softmax net on digits8x8. train.steps (within the work budget) exceeds what a measurement
// takes, and eval_every is the end, so that only training is timed.
const std::vector<Workload>& workloads()
{
    static const std::vector<Workload> list = {
        {"W1", "2-[4,2]-1 tanh, 250 train points, batch 10",
         R"({"data":{"dataset":"circle","samples":500},"model":{"hidden":[4,2]},
             "train":{"steps":20000,"batch_size":10,"eval_every":20000},
             "runs":[{"optimizer":{"type":"sgd"}}]})"},
        {"W2", "2-[8,8,8,8,8,8]-1 tanh, 250 train points, batch 10",
         R"({"data":{"dataset":"spiral","samples":500},"model":{"hidden":[8,8,8,8,8,8]},
             "train":{"steps":20000,"batch_size":10,"eval_every":20000},
             "runs":[{"optimizer":{"type":"sgd"}}]})"},
        {"W3", "2-[64,64]-1 relu, 1000 train points, batch 32",
         R"({"data":{"dataset":"spiral","samples":2000},"model":{"hidden":[64,64],
             "activation":"relu"},"train":{"steps":20000,"batch_size":32,
             "eval_every":20000},"runs":[{"optimizer":{"type":"sgd"}}]})"},
        {"W4", "64-[128,64]-10 tanh softmax, digits8x8, 2000 train points, batch 64",
         R"({"data":{"dataset":"digits8x8","samples":4000},"model":{"hidden":[128,64]},
             "train":{"steps":20000,"batch_size":64,"eval_every":20000},
             "runs":[{"optimizer":{"type":"adam"}}]})"},
        // The variants the peers run (bench/peers/): W3 with tanh, W4 with plain SGD. What
        // still differs from the peers: lrlab's data order, and its per-step bookkeeping (the
        // gradient norm, the divergence check) that the peers do not do.
        {"W3t", "2-[64,64]-1 tanh, 1000 train points, batch 32",
         R"({"data":{"dataset":"spiral","samples":2000},"model":{"hidden":[64,64],
             "activation":"tanh"},"train":{"steps":20000,"batch_size":32,
             "eval_every":20000},"runs":[{"optimizer":{"type":"sgd"}}]})"},
        {"W4s", "64-[128,64]-10 tanh softmax, digits8x8, 2000 train points, batch 64, SGD",
         R"({"data":{"dataset":"digits8x8","samples":4000},"model":{"hidden":[128,64]},
             "train":{"steps":20000,"batch_size":64,"eval_every":20000},
             "runs":[{"optimizer":{"type":"sgd","lr":0.01}}]})"},
    };
    return list;
}

struct Measurement
{
    double samples_per_s;      // wall clock
    double cpu_samples_per_s;  // process CPU time: what a loaded machine distorts least
    double allocations_per_step;
};

// Process CPU time in seconds. Emscripten's clock() is wall time in coarse steps, so under node
// ask node itself (every thread, as std::clock does natively).
double cpu_seconds()
{
#ifdef __EMSCRIPTEN__
    return EM_ASM_DOUBLE({
        const u = process.cpuUsage();
        return (u.user + u.system) / 1e6;
    });
#else
    return double(std::clock()) / CLOCKS_PER_SEC;
#endif
}

Measurement measure(Experiment& e, int batch, std::int64_t steps)
{
    e.step_all(steps / 10 + 1);  // warm up (first epoch buffers, caches)
    const std::size_t allocs_before = allocation_count();
    const double c0 = cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    // Driven by repeated calls, as the page does (V8 optimizes between calls).
    for (std::int64_t done = 0; done < steps; done += 10)
        e.step_all(10);
    const auto t1 = std::chrono::steady_clock::now();
    const double c1 = cpu_seconds();
    const double seconds = std::chrono::duration<double>(t1 - t0).count();
    return {double(steps) * batch / seconds, double(steps) * batch / (c1 - c0),
            double(allocation_count() - allocs_before) / double(steps)};
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

int bench_command(const std::string& only, int repeats)
{
    std::printf("workload,net,samples_per_s,allocations_per_step,cpu_samples_per_s,simd\n");
    for (const Workload& w : workloads())
    {
        if (!only.empty() && only != w.name)
            continue;
        const ConfigResult parsed = parse_config_text(w.config);
        if (!parsed.ok())
            return report_errors(parsed.errors);
        const int batch = parsed.config.train.batch_size;
        // About 0.3 s per repeat on a small machine.
        const std::int64_t steps = std::max<std::int64_t>(200, 3000000 / (batch * 100));
        if (steps / 10 + 1 + steps + 10 > parsed.config.train.steps)
        {
            std::fprintf(stderr, "lrlab: bench %s: train.steps is too small\n", w.name);
            return exit_internal;
        }
        std::vector<double> rates, cpu_rates;
        double allocs = 0.0;
        for (int r = 0; r < repeats; ++r)
        {
            Experiment e(parsed.config);
            const Measurement m = measure(e, batch, steps);
            rates.push_back(m.samples_per_s);
            cpu_rates.push_back(m.cpu_samples_per_s);
            allocs = std::max(allocs, m.allocations_per_step);
        }
        std::printf("%s,\"%s\",%.0f,%g,%.0f,%s\n", w.name, w.net, median(rates), allocs,
                    median(cpu_rates), simd_level_name(simd_level()));
        std::fflush(stdout);
    }
    return exit_ok;
}

}  // namespace

void add_bench_command(CLI::App& app, Action& action)
{
    auto only = std::make_shared<std::string>();
    auto repeats = std::make_shared<int>(5);
    CLI::App* cmd = app.add_subcommand("bench", "Training throughput (median samples/s)");
    cmd->add_option("--workload", *only, "Only this workload")
        ->check(CLI::IsMember({"W1", "W2", "W3", "W4", "W3t", "W4s"}));
    cmd->add_option("--repeats", *repeats, "Timed repeats per workload (median reported)")
        ->check(CLI::Range(1, 100));
    cmd->callback([only, repeats, &action] {
        action = [only, repeats] { return bench_command(*only, *repeats); };
    });
}

}  // namespace lrlab::cli
