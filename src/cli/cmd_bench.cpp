// `lrlab bench [--workload W1|W2|W3|W4|W3t|W4s]`: training throughput (forward + backward +
// update) in samples per second, the median of several timed repeats (about 0.25 s each, after
// half a second of warm-up), heap allocations per step
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
// takes (measure() stops earlier, by time), and eval_every is the end, so that only training is
// timed. train.steps is only that bound: a step's work is what it always was.
const std::vector<Workload>& workloads()
{
    static const std::vector<Workload> list = {
        {"W1", "2-[4,2]-1 tanh, 250 train points, batch 10",
         R"({"data":{"dataset":"circle","samples":500},"model":{"hidden":[4,2]},
             "train":{"steps":1000000,"batch_size":10,"eval_every":1000000},
             "runs":[{"optimizer":{"type":"sgd"}}]})"},
        {"W2", "2-[8,8,8,8,8,8]-1 tanh, 250 train points, batch 10",
         R"({"data":{"dataset":"spiral","samples":500},"model":{"hidden":[8,8,8,8,8,8]},
             "train":{"steps":1000000,"batch_size":10,"eval_every":1000000},
             "runs":[{"optimizer":{"type":"sgd"}}]})"},
        {"W3", "2-[64,64]-1 relu, 1000 train points, batch 32",
         R"({"data":{"dataset":"spiral","samples":2000},"model":{"hidden":[64,64],
             "activation":"relu"},"train":{"steps":200000,"batch_size":32,
             "eval_every":200000},"runs":[{"optimizer":{"type":"sgd"}}]})"},
        {"W4", "64-[128,64]-10 tanh softmax, digits8x8, 2000 train points, batch 64",
         R"({"data":{"dataset":"digits8x8","samples":4000},"model":{"hidden":[128,64]},
             "train":{"steps":50000,"batch_size":64,"eval_every":50000},
             "runs":[{"optimizer":{"type":"adam"}}]})"},
        // The variants the peers run (bench/peers/): W3 with tanh, W4 with plain SGD. What
        // still differs from the peers: lrlab's data order, and its per-step bookkeeping (the
        // gradient norm, the divergence check) that the peers do not do.
        {"W3t", "2-[64,64]-1 tanh, 1000 train points, batch 32",
         R"({"data":{"dataset":"spiral","samples":2000},"model":{"hidden":[64,64],
             "activation":"tanh"},"train":{"steps":200000,"batch_size":32,
             "eval_every":200000},"runs":[{"optimizer":{"type":"sgd"}}]})"},
        {"W4s", "64-[128,64]-10 tanh softmax, digits8x8, 2000 train points, batch 64, SGD",
         R"({"data":{"dataset":"digits8x8","samples":4000},"model":{"hidden":[128,64]},
             "train":{"steps":50000,"batch_size":64,"eval_every":50000},
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

double wall_seconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Steps of 10 (as the page calls it: V8 optimizes between calls) until `seconds` have passed or
// the config's steps run out; the steps done.
std::int64_t step_for(Experiment& e, double seconds)
{
    const double until = wall_seconds() + seconds;
    std::int64_t done = 0;
    while (wall_seconds() < until && e.step() + 10 <= e.steps())
    {
        e.step_all(10);
        done += 10;
    }
    return done;
}

// A repeat: the first epochs' buffers warmed up, then about `seconds` of timed training.
Measurement measure(Experiment& e, int batch, double seconds)
{
    step_for(e, seconds / 10);
    const std::size_t allocs_before = allocation_count();
    const double c0 = cpu_seconds();
    const double t0 = wall_seconds();
    const std::int64_t steps = step_for(e, seconds);
    const double t1 = wall_seconds();
    const double c1 = cpu_seconds();
    return {double(steps) * batch / (t1 - t0), double(steps) * batch / (c1 - c0),
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
        // WebAssembly starts in V8's baseline compiler and moves to the optimizing one after a
        // while (dynamic tiering): half a second of training first, so that the timed repeats
        // run the code the page runs after its first second (a 10 ms repeat measured Liftoff,
        // 4.5x slower on W1). Natively this only warms the caches.
        {
            Experiment warm(parsed.config);
            step_for(warm, 0.5);
        }
        std::vector<double> rates, cpu_rates;
        double allocs = 0.0;
        for (int r = 0; r < repeats; ++r)
        {
            Experiment e(parsed.config);
            const Measurement m = measure(e, batch, 0.25);
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
