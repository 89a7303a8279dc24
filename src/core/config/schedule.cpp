// Schedule objects: reading (with sequential's children, recursively; keys, capabilities and
// checks from the type's descriptor), and writing back.
#include <algorithm>

#include "core/config/json.hpp"
#include "core/config/keys.hpp"
#include "core/schedules/schedule.hpp"

namespace lrlab::config_detail
{
namespace
{

// Schedule defaults depend on S and on the optimizer's LR (L).
DefaultCtx schedule_ctx(const OptimizerConfig& opt, std::int64_t steps)
{
    DefaultCtx ctx;
    ctx.steps = steps;
    ctx.lr = opt.lr;
    ctx.optimizer = opt.type;
    return ctx;
}

void read_schedule(const json& j, const std::string& path, const DefaultCtx& ctx,
                   ScheduleConfig& out, Errors& errors, bool nested);

// torch CyclicLR/OneCycleLR: "optimizer must support momentum with `cycle_momentum` option
// enabled"; momentum means SGD's or RMSprop's momentum, or beta1 of the Adam family and Lion.
void check_cycle_momentum(const ScheduleConfig& s, const std::string& path,
                          const DefaultCtx& ctx, Errors& errors)
{
    const OptimizerDescriptor* opt = find_optimizer_descriptor(ctx.optimizer);
    if (!s.cycle_momentum || !opt || opt->momentum != MomentumSlot::none)
        return;
    std::vector<std::string> able;
    for (const OptimizerDescriptor& o : optimizer_descriptors())
    {
        if (o.momentum != MomentumSlot::none)
            able.push_back(o.type);
    }
    errors.push_back({join(path, "cycle_momentum"),
                      "needs an optimizer with momentum or betas (" + join_names(able) + "); " +
                          ctx.optimizer + " has neither"});
}

void read_schedule(const json& j, const std::string& path, const DefaultCtx& ctx,
                   ScheduleConfig& out, Errors& errors, bool nested)
{
    const std::size_t before = errors.size();
    const ScheduleDescriptor* d = read_typed(j, path, schedule_descriptors(), "schedule",
                                             "constant", ctx, out, errors);
    if (!d)
        return;
    if (nested && !d->nestable)
    {
        errors.push_back({join(path, "type"), "\"" + out.type + "\" is not allowed inside "
                                                                 "sequential"});
        return;
    }
    if (errors.size() != before)
        return;
    if (d->check)
        d->check(out, path, errors);
    if (d->cycles_momentum)
        check_cycle_momentum(out, path, ctx, errors);
}

bool takes_key(const ScheduleConfig& s, const char* name)
{
    const ScheduleDescriptor* d = find_schedule_descriptor(s.type);
    if (!d)
        return false;
    for (const ScheduleKey& k : d->keys)
        if (std::string(k.name) == name)
            return true;
    return false;
}

// The key to blame for a non-finite LR at `row`: a growing gamma (exponential, step, multistep,
// cyclic exp_range), inside a sequential the child active at that row, else the schedule.
std::string overflow_path(const ScheduleConfig& s, const std::string& path, std::int64_t row)
{
    if (s.type == "sequential" && !s.schedules.empty())
    {
        const std::size_t i =
            std::min(sched::bisect_right(s.milestones, row), s.schedules.size() - 1);
        return overflow_path(s.schedules[i], index_path(join(path, "schedules"), i), row);
    }
    if (takes_key(s, "gamma") && s.gamma > 1.0)
        return join(path, "gamma");
    return path;
}

// Every LR a run can use, rows 0..steps, must be finite: PyTorch raises on an overflowing
// scheduler, and an inf or nan LR is no experiment. The check runs the schedule's steppers over
// the run's rows (steps are bounded by limits::max_steps), the very table make_schedule builds
// when the run starts, so the rule is exact and costs no more than starting the run.
void check_finite_lr(const ScheduleConfig& s, const std::string& path, const OptimizerConfig& opt,
                     std::int64_t steps, Errors& errors)
{
    double value = 0.0;
    const std::int64_t row = first_non_finite_row(s, opt, steps + 1, &value);
    if (row < 0)
        return;
    errors.push_back({overflow_path(s, path, row),
                      "gives a non-finite LR (" + format_double(value) + ") at step " +
                          std::to_string(row) + "; the LR must be finite at every step 0.." +
                          std::to_string(steps)});
}

}  // namespace

void parse_sequential_children(const json& v, const std::string& path, const DefaultCtx& ctx,
                               ScheduleConfig& out, Errors& errors)
{
    out.schedules.clear();
    if (!v.is_array())
    {
        errors.push_back({path, "must be an array of schedules, got " + json_type_name(v)});
        return;
    }
    if (v.empty() || v.size() > static_cast<std::size_t>(limits::max_sequential))
    {
        errors.push_back({path, "must have 1 to " + std::to_string(limits::max_sequential) +
                                    " schedules, got " + std::to_string(v.size())});
        return;
    }
    for (std::size_t i = 0; i < v.size(); ++i)
    {
        ScheduleConfig child;
        read_schedule(v[i], index_path(path, i), ctx, child, errors, true);
        out.schedules.push_back(child);
    }
}

}  // namespace lrlab::config_detail

namespace lrlab
{

using namespace config_detail;

std::vector<ConfigError> parse_schedule(const nlohmann::json& j, const std::string& path,
                                        const OptimizerConfig& opt, std::int64_t steps,
                                        ScheduleConfig& out, bool check_lr)
{
    Errors errors;
    read_schedule(j, path, schedule_ctx(opt, steps), out, errors, false);
    if (errors.empty() && check_lr)
        check_finite_lr(out, path, opt, steps, errors);
    return errors;
}

nlohmann::json to_json(const ScheduleConfig& c)
{
    return typed_json(c, find_schedule_descriptor(c.type));
}

}  // namespace lrlab
