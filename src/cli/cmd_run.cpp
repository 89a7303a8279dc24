// `lrlab run CONFIG.json [--out FILE] [--format csv|jsonl]`: the metrics of every run, rows
// ordered by step, then by run order (DESIGN.md, CLI).
#include <algorithm>
#include <cstdio>
#include <memory>

#include <unistd.h>
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include "cli/commands.hpp"
#include "core/config/json.hpp"
#include "core/train/experiment.hpp"
#include "core/train/metrics_writer.hpp"
#include "cli/config_source.hpp"
#include "cli/io.hpp"

namespace lrlab::cli
{
namespace
{

struct RunOptions
{
    ConfigSource config;
    std::string out;
    std::string format = "csv";
};

// Under node, isatty() of Emscripten's file layer always says yes: ask node itself.
bool stderr_is_terminal()
{
#ifdef __EMSCRIPTEN__
    return EM_ASM_INT({ return process.stderr.isTTY ? 1 : 0; }) != 0;
#else
    return isatty(2) == 1;
#endif
}

void show_progress(std::int64_t step, std::int64_t steps)
{
    const int width = 40;
    const int filled = static_cast<int>(width * step / steps);
    std::fprintf(stderr, "\r[%s%s] %lld/%lld", std::string(filled, '#').c_str(),
                 std::string(width - filled, ' ').c_str(), static_cast<long long>(step),
                 static_cast<long long>(steps));
    if (step == steps)
        std::fprintf(stderr, "\n");
}

int run_command(const RunOptions& o)
{
    const ConfigResult parsed = load_config(o.config);
    if (!parsed.ok())
        return report_errors(parsed.errors);
    std::string error;
    Output out;
    if (!out.open(o.out, error))
        return report_errors({{"", error}});

    Experiment e(parsed.config);
    const bool progress = stderr_is_terminal();
    const std::int64_t chunk = std::max<std::int64_t>(1, e.steps() / 200);
    while (!e.finished())
    {
        e.step_all(chunk);
        if (progress)
            show_progress(e.step(), e.steps());
    }
    const std::string table =
        metrics_table(e, o.format == "csv" ? MetricsFormat::csv : MetricsFormat::jsonl);
    std::fwrite(table.data(), 1, table.size(), out.file());
    return std::ferror(out.file()) ? exit_internal : exit_ok;
}

}  // namespace

void add_run_command(CLI::App& app, Action& action)
{
    auto o = std::make_shared<RunOptions>();
    CLI::App* cmd = app.add_subcommand("run", "Train every run of a config; print the metrics of "
                                              "every evaluation");
    add_config_source(cmd, o->config);
    cmd->add_option("--out", o->out, "Write to FILE instead of standard output");
    cmd->add_option("--format", o->format, "Output format")
        ->check(CLI::IsMember({"csv", "jsonl"}));
    cmd->callback([o, &action] { action = [o] { return run_command(*o); }; });
}

}  // namespace lrlab::cli
