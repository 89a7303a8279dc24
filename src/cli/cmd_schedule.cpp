// `lrlab schedule 'SCHEDULE_JSON' --lr BASE_LR --steps N`: the LR for steps 0..N-1.
#include <cmath>
#include <memory>

#include "cli/commands.hpp"
#include "core/config/json.hpp"
#include "core/schedules/schedule.hpp"
#include "cli/io.hpp"

namespace lrlab::cli
{
namespace
{

struct ScheduleOptions
{
    std::string schedule;
    double lr = 0.03;
    std::int64_t steps = 100;
    std::string optimizer = "sgd";
    bool momentum = false;
    std::string out;
};

int schedule_command(const ScheduleOptions& o)
{
    nlohmann::json j;
    ConfigError syntax;
    if (!parse_json_text(o.schedule, j, syntax))
        return report_errors({{"schedule", to_string(syntax)}});
    OptimizerConfig opt;
    std::vector<ConfigError> errors;
    if (!(o.lr > 0.0) || !std::isfinite(o.lr))
        errors.push_back({"--lr", "must be a finite number > 0, got " + format_double(o.lr)});
    else
        for (ConfigError& e : parse_optimizer({{"type", o.optimizer}, {"lr", o.lr}}, "", opt))
            errors.push_back({e.path == "type" ? "--optimizer" : "--" + e.path, e.message});
    if (o.steps < 1 || o.steps > limits::max_steps)
        errors.push_back({"--steps", "must be in [1, " + std::to_string(limits::max_steps) +
                                         "], got " + std::to_string(o.steps)});
    ScheduleConfig sched;
    if (errors.empty())
        errors = parse_schedule(j, "schedule", opt, o.steps, sched);
    if (!errors.empty())
        return report_errors(errors);
    if (sched.type == "reduce_on_plateau")
        std::fprintf(stderr, "lrlab: reduce_on_plateau needs a metric; printing the base LR\n");
    std::string error;
    Output out;
    if (!out.open(o.out, error))
        return report_errors({{"", error}});

    const Schedule s = make_schedule(sched, opt, o.steps);
    const bool momentum = o.momentum && s.has_momentum();
    std::fputs(momentum ? "step,lr,momentum\n" : "step,lr\n", out.file());
    for (std::int64_t k = 0; k < o.steps; ++k)
    {
        std::string row = std::to_string(k) + "," + format_number(s.lr(k));
        if (momentum)
            row += "," + format_number(s.momentum(k));
        std::fputs((row + "\n").c_str(), out.file());
    }
    return exit_ok;
}

}  // namespace

void add_schedule_command(CLI::App& app, Action& action)
{
    auto o = std::make_shared<ScheduleOptions>();
    CLI::App* cmd = app.add_subcommand("schedule", "Print a schedule's LR for steps 0..N-1");
    cmd->add_option("schedule", o->schedule,
                    "Schedule JSON, e.g. '{\"type\": \"cosine\", \"T_max\": 100}'")
        ->required();
    cmd->add_option("--lr", o->lr, "Base LR (optimizer.lr)")->required();
    cmd->add_option("--steps", o->steps, "Number of steps (train.steps)")->required();
    cmd->add_option("--optimizer", o->optimizer,
                    "Optimizer type, for cycle_momentum (default sgd)");
    cmd->add_flag("--momentum", o->momentum,
                  "Add a momentum column when the schedule cycles momentum");
    cmd->add_option("--out", o->out, "Write to FILE instead of standard output");
    cmd->callback([o, &action] { action = [o] { return schedule_command(*o); }; });
}

}  // namespace lrlab::cli
