// Schedule objects: reading (with sequential's children, recursively), the checks that involve
// several keys, and writing back.
#include "core/config/json.hpp"
#include "core/config/keys.hpp"
#include "core/optim/optimizers.hpp"
#include "core/schedules/schedule.hpp"

namespace lrlab::config_detail
{
namespace
{

bool registered_schedule(const std::string& type) { return find_schedule(type) != nullptr; }

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

// multistep: non-decreasing (PyTorch counts repeats); sequential: strictly increasing.
void check_order(const ScheduleConfig& s, const std::string& path, bool strict, Errors& errors)
{
    for (std::size_t i = 1; i < s.milestones.size(); ++i)
    {
        const std::int64_t before = s.milestones[i - 1];
        if (s.milestones[i] > before || (!strict && s.milestones[i] == before))
            continue;
        errors.push_back({index_path(join(path, "milestones"), i),
                          std::string("must be ") + (strict ? "> " : ">= ") +
                              "the milestone before (" + std::to_string(before) + "), got " +
                              std::to_string(s.milestones[i])});
    }
}

// torch CyclicLR/OneCycleLR: "optimizer must support momentum with `cycle_momentum` option
// enabled"; momentum means SGD's or RMSprop's momentum, or beta1 of the Adam family and Lion.
void check_cycle_momentum(const ScheduleConfig& s, const std::string& path,
                          const DefaultCtx& ctx, Errors& errors)
{
    const OptimizerInfo* info = find_optimizer(ctx.optimizer);
    if (!s.cycle_momentum || !info || info->has_momentum || info->has_betas)
        return;
    std::vector<std::string> able;
    for (const OptimizerInfo& o : optimizer_registry())
    {
        if (o.has_momentum || o.has_betas)
            able.push_back(o.type);
    }
    errors.push_back({join(path, "cycle_momentum"),
                      "needs an optimizer with momentum or betas (" + join_names(able) + "); " +
                          ctx.optimizer + " has neither"});
}

void check_schedule(const ScheduleConfig& s, const std::string& path, const DefaultCtx& ctx,
                    Errors& errors)
{
    if (s.type == "multistep")
        check_order(s, path, false, errors);
    if (s.type == "cyclic" || s.type == "one_cycle")
        check_cycle_momentum(s, path, ctx, errors);
    if (s.type != "sequential")
        return;
    if (s.milestones.size() + 1 != s.schedules.size())
    {
        errors.push_back({join(path, "milestones"),
                          "must have one entry fewer than schedules (" +
                              std::to_string(s.schedules.size() - 1) + "), got " +
                              std::to_string(s.milestones.size())});
    }
    check_order(s, path, true, errors);
}

void read_schedule(const json& j, const std::string& path, const DefaultCtx& ctx,
                   ScheduleConfig& out, Errors& errors, bool nested)
{
    const std::size_t before = errors.size();
    const TypeTable<ScheduleConfig>* table = read_typed(
        j, path, schedule_tables(), "schedule", "constant", registered_schedule, ctx, out, errors);
    if (!table)
        return;
    if (nested && (out.type == "sequential" || out.type == "reduce_on_plateau"))
    {
        errors.push_back({join(path, "type"), "\"" + out.type + "\" is not allowed inside "
                                                                 "sequential"});
        return;
    }
    if (errors.size() == before)
        check_schedule(out, path, ctx, errors);
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
                                        ScheduleConfig& out)
{
    Errors errors;
    read_schedule(j, path, schedule_ctx(opt, steps), out, errors, false);
    return errors;
}

nlohmann::json to_json(const ScheduleConfig& c)
{
    json out{{"type", c.type}};
    if (const TypeTable<ScheduleConfig>* t = find_table(schedule_tables(), c.type))
        write_keys(t->keys, c, out);
    return out;
}

}  // namespace lrlab
