// `lrlab run CONFIG.json [--out FILE] [--format csv|jsonl]`: the metrics of every run, rows
// ordered by step, then by run order (DESIGN.md, CLI).
#include <algorithm>
#include <cmath>
#include <memory>

#include <unistd.h>
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include "cli/commands.hpp"
#include "core/config/json.hpp"
#include "core/train/experiment.hpp"
#include "cli/io.hpp"

namespace lrlab::cli
{
namespace
{

struct RunOptions
{
    std::string config;
    std::string out;
    std::string format = "csv";
};

std::string csv_row(const std::string& name, const MetricsRow& r)
{
    std::string s = csv_field(name);
    for (const std::string& v :
         {std::to_string(r.step), format_number(r.epoch), format_number(r.lr),
          format_number(r.train_loss), format_number(r.test_loss),
          r.has_accuracy ? format_number(r.train_acc) : "",
          r.has_accuracy ? format_number(r.test_acc) : "",
          r.has_grad ? format_number(r.grad_norm) : "",
          r.has_grad ? format_number(r.clipped_grad_norm) : "", std::string(r.diverged ? "1" : "0")})
        s += "," + v;
    return s + "\n";
}

// JSON has no nan or inf: those, and empty columns, are null.
std::string json_number(bool present, double v)
{
    return present && std::isfinite(v) ? format_number(v) : "null";
}

std::string jsonl_row(const std::string& name, const MetricsRow& r)
{
    return "{\"run\":" + json_string(name) + ",\"step\":" + std::to_string(r.step) +
           ",\"epoch\":" + json_number(true, r.epoch) + ",\"lr\":" + json_number(true, r.lr) +
           ",\"train_loss\":" + json_number(true, r.train_loss) +
           ",\"test_loss\":" + json_number(true, r.test_loss) +
           ",\"train_acc\":" + json_number(r.has_accuracy, r.train_acc) +
           ",\"test_acc\":" + json_number(r.has_accuracy, r.test_acc) +
           ",\"grad_norm\":" + json_number(r.has_grad, r.grad_norm) +
           ",\"clipped_grad_norm\":" + json_number(r.has_grad, r.clipped_grad_norm) +
           ",\"diverged\":" + (r.diverged ? "true" : "false") + "}\n";
}

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
    std::string text, error;
    if (!read_input(o.config, text, error))
        return report_errors({{"", error}});
    const ConfigResult parsed = parse_config_text(text);
    if (!parsed.ok())
        return report_errors(parsed.errors);
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
    if (o.format == "csv")
    {
        std::string header;
        for (const std::string& c : metrics_columns())
            header += (header.empty() ? "" : ",") + c;
        std::fputs((header + "\n").c_str(), out.file());
    }
    const std::size_t evaluations = e.run(0).history().size();
    for (std::size_t k = 0; k < evaluations; ++k)
        for (std::size_t i = 0; i < e.size(); ++i)
        {
            const std::string& name = e.config().runs[i].name;
            const MetricsRow& row = e.run(i).history()[k];
            std::fputs((o.format == "csv" ? csv_row(name, row) : jsonl_row(name, row)).c_str(),
                       out.file());
        }
    return std::ferror(out.file()) ? exit_internal : exit_ok;
}

}  // namespace

void add_run_command(CLI::App& app, Action& action)
{
    auto o = std::make_shared<RunOptions>();
    CLI::App* cmd = app.add_subcommand("run", "Train every run of a config; print the metrics of "
                                              "every evaluation");
    cmd->add_option("config", o->config, "Experiment config (JSON file, or - for stdin)")
        ->required();
    cmd->add_option("--out", o->out, "Write to FILE instead of standard output");
    cmd->add_option("--format", o->format, "Output format")
        ->check(CLI::IsMember({"csv", "jsonl"}));
    cmd->callback([o, &action] { action = [o] { return run_command(*o); }; });
}

}  // namespace lrlab::cli
