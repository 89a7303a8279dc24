// `lrlab lr-find CONFIG [--run NAME] [--start-lr 1e-7] [--end-lr 10] [--num-iter 100]
//  [--mode exp|linear] [--smooth 0.98] [--diverge-th 4] [--on train|test] [--suggest-json FILE]
//  [--out FILE]`: the LR range test of one run (DESIGN.md, "Choosing the LR";
//  core/tuning/lr_finder.hpp). CSV `iter,lr,loss,smoothed_loss`.
#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "cli/config_source.hpp"
#include "cli/io.hpp"
#include "core/tuning/base_run.hpp"
#include "core/tuning/lr_finder.hpp"

namespace lrlab::cli
{
namespace
{

struct LrFindOptions
{
    ConfigSource config;
    std::string run;
    LrFinderOptions finder;
    std::string mode = "exp";
    std::string on = "train";
    std::string suggest_json;
    std::string out;
};

std::string points_csv(const LrFinderResult& r)
{
    std::string s = "iter,lr,loss,smoothed_loss\n";
    for (const LrFinderPoint& p : r.points)
        s += std::to_string(p.iter) + "," + format_number(p.lr) + "," + format_number(p.loss) +
             "," + format_number(p.smoothed_loss) + "\n";
    return s;
}

int lr_find_command(LrFindOptions o)
{
    const ConfigResult parsed = load_config(o.config);
    if (!parsed.ok())
        return report_errors(parsed.errors);
    o.finder.linear = o.mode == "linear";
    o.finder.on_test = o.on == "test";
    std::vector<ConfigError> errors = check_lr_finder_options(o.finder);
    std::size_t run = 0;
    ConfigError run_error;
    if (!find_base_run(parsed.config, o.run, run, run_error))
        errors.push_back(run_error);
    if (!errors.empty())
        return report_errors(errors);
    std::string error;
    Output out;
    if (!out.open(o.out, error))
        return report_errors({{"--out", error}});
    Output suggestions;  // opened before the test runs: a bad path costs nothing
    if (!o.suggest_json.empty() && !suggestions.open(o.suggest_json, error))
        return report_errors({{"--suggest-json", error}});

    const Experiment e(parsed.config);
    LrFinder finder(e, run, o.finder);
    while (!finder.done())
        finder.step(o.finder.num_iter);
    bool ok = out.write(points_csv(finder.result()));
    if (!o.suggest_json.empty())
        ok = suggestions.write(suggestion_json(finder.result()).dump(2) + "\n") && ok;
    return ok ? exit_ok : exit_internal;
}

}  // namespace

void add_lr_find_command(CLI::App& app, Action& action)
{
    auto o = std::make_shared<LrFindOptions>();
    CLI::App* cmd = app.add_subcommand(
        "lr-find", "The LR range test of one run: one step per iteration with the LR swept from "
                   "--start-lr to --end-lr; prints iter,lr,loss,smoothed_loss");
    add_config_source(cmd, o->config);
    cmd->add_option("--run", o->run, "The run to test (default: the first)");
    cmd->add_option("--start-lr", o->finder.start_lr, "First LR (default 1e-7)");
    cmd->add_option("--end-lr", o->finder.end_lr, "Last LR (default 10)");
    cmd->add_option("--num-iter", o->finder.num_iter, "Iterations (default 100)");
    cmd->add_option("--mode", o->mode, "LR sweep: exp (geometric, default) or linear")
        ->check(CLI::IsMember({"exp", "linear"}));
    cmd->add_option("--smooth", o->finder.smooth,
                    "Beta of the debiased EMA of the loss, in [0, 1) (default 0.98)");
    cmd->add_option("--diverge-th", o->finder.diverge_th,
                    "Stop once the smoothed loss exceeds this x its minimum (default 4)");
    cmd->add_option("--on", o->on, "Loss of each iteration: train (its batch, default) or test "
                                   "(the test set after the step)")
        ->check(CLI::IsMember({"train", "test"}));
    cmd->add_option("--suggest-json", o->suggest_json,
                    "Write the suggestions (steepest, minimum, valley) as JSON to FILE");
    cmd->add_option("--out", o->out, "Write the CSV to FILE instead of standard output");
    cmd->callback([o, &action] { action = [o] { return lr_find_command(*o); }; });
}

}  // namespace lrlab::cli
