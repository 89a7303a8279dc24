// SequentialLR as PyTorch 1.13 really runs it, and a placeholder for reduce_on_plateau inside
// one.
//
// What torch 1.13 does (lr_scheduler.py, SequentialLR.__init__ and step), and why the model in
// schedules/steppers.hpp keeps the optimizer's param group:
// 1. The user constructs every child first, in list order, on the same optimizer. Each child's
//    constructor runs its initial step, so each changes group['lr'] in turn; the first one also
//    sets group['initial_lr'] = lr (setdefault), and every later child takes base_lrs from that
//    initial_lr, i.e. from optimizer.lr. A chainable child constructed on top of the LR an
//    earlier child left behind returns that LR at last_epoch 0 (LinearLR multiplies it by its
//    start_factor once more; CosineAnnealingLR keeps it).
//    Exceptions: CyclicLR sets group['lr'] = base_lr first (so when it is the first child,
//    initial_lr and every later child's base LR is cyclic's base_lr), and OneCycleLR overwrites
//    group['initial_lr'] = max_lr / div_factor (so every child constructed after it, and the
//    reset in step 2, use that).
// 2. SequentialLR.__init__ sets last_epoch = 0, resets group['lr'] = group['initial_lr'],
//    decrements every child's last_epoch (to -1 for a fresh child), and re-runs only the first
//    child's _initial_step. Row 0 is therefore the first child's own row 0 on optimizer.lr:
//    whatever the other constructors did to group['lr'] is undone.
// 3. step(): last_epoch += 1; idx = bisect_right(milestones, last_epoch). At a milestone
//    (milestones[idx-1] == last_epoch) the child is stepped with step(0): the closed form at
//    epoch 0 where it has one (base_lrs, not the current LR: e.g. CosineAnnealingLR restarts at
//    eta_min + (base - eta_min) * (1 + cos 0) / 2 = optimizer.lr), get_lr() at epoch 0 for
//    CyclicLR/OneCycleLR, a restart for CosineAnnealingWarmRestarts. Between milestones the
//    active child is stepped normally, so a chainable child continues from the LR the previous
//    step left (its recursion runs on group['lr']) with its local epoch = last_epoch - milestone.
//    Example, [LinearLR(start 1/3, total_iters 5), CosineAnnealingLR(T_max 10)], milestones [5],
//    lr L: rows 0..4 are LinearLR's L/3 .. L*13/15, rows 5.. are the cosine from L (row 5 = L,
//    row 15 = 0, then rising again). A milestone 0 is never "reached" (last_epoch starts at 1
//    in step), so the second child is then stepped normally from its construction state.
//
// Deliberate differences (torch raises in these cases; we keep going):
// - reduce_on_plateau inside a sequential (not an _LRScheduler; it needs a metric) leaves the
//   LR as it is.
// - A nested sequential stepped with step(0) (torch: TypeError) restarts its first child at 0.
// - More children than milestones + 1, or fewer: the last child (index clamped) is used.
#include <algorithm>

#include "core/config/json.hpp"
#include "core/schedules/schedule_keys.hpp"

namespace lrlab::sched
{
namespace
{

class SequentialLR final : public Stepper
{
public:
    SequentialLR(const ScheduleConfig& c, std::vector<StepperPtr> children)
        : milestones_(c.milestones), children_(std::move(children)) {}

    // SequentialLR.__init__ (it does not call the base class constructor).
    void construct(Group& g) override
    {
        last_epoch = 0;
        if (children_.empty())
            return;
        if (g.has_initial_lr)
            g.lr = g.initial_lr;
        for (const StepperPtr& s : children_)
            s->last_epoch -= 1;
        children_[0]->initial_step(g);
    }

    void step(Group& g) override
    {
        ++last_epoch;
        if (children_.empty())
            return;
        const std::size_t idx = bisect_right(milestones_, last_epoch);
        Stepper& s = *children_[std::min(idx, children_.size() - 1)];
        if (idx > 0 && milestones_[idx - 1] == last_epoch)
            s.step_to(g, 0);
        else
            s.step(g);
    }

    void step_to(Group& g, std::int64_t) override
    {
        last_epoch = 0;
        if (!children_.empty())
            children_[0]->step_to(g, 0);
    }

    bool cycles_momentum() const override
    {
        for (const StepperPtr& s : children_)
            if (s->cycles_momentum())
                return true;
        return false;
    }

private:
    double get_lr(Group& g) override { return g.lr; }
    std::vector<std::int64_t> milestones_;
    std::vector<StepperPtr> children_;
};

}  // namespace

}  // namespace lrlab::sched

namespace lrlab
{
namespace
{

using namespace config_detail;
using namespace schedule_keys;
using S = ScheduleConfig;

json schedules_json(const S& c)
{
    json out = json::array();
    for (const ScheduleConfig& child : c.schedules)
        out.push_back(to_json(child));
    return out;
}

ScheduleKey schedules_key()
{
    ScheduleKey k = key<S>("schedules", Kind::schedules,
                           Accessor<S>{schedules_json, nullptr, [](const S& a, const S& b)
                                       { return same_settings(a.schedules, b.schedules); }},
                           json::array({json{{"type", "linear"}}, json{{"type", "cosine"}}}), any(),
                           "the schedules, 1 to 8 (no sequential or reduce_on_plateau inside)");
    k.default_doc = "[{\"type\": \"linear\"}, {\"type\": \"cosine\"}]";
    k.parse = parse_sequential_children;
    return k;
}

ScheduleKey milestones_key()
{
    return key<S>("milestones", Kind::int_list, LRLAB_FIELD(S, milestones), json::array(),
                  closed(1, max_period), "steps at which the next schedule starts; strictly "
                  "increasing, one fewer than schedules")
        .computed([](const DefaultCtx& c, const S& s)
                  {
                      json m = json::array();
                      for (std::size_t k = 1; k < s.schedules.size(); ++k)
                          m.push_back(static_cast<std::int64_t>(k) * at_least_one(c.steps / 10));
                      return m;
                  },
                  "k * max(1, S/10) for k = 1 .. n-1")
        .at_most(limits::max_sequential - 1);
}

void check_sequential(const S& s, const std::string& path, Errors& errors)
{
    if (s.milestones.size() + 1 != s.schedules.size())
    {
        errors.push_back({join(path, "milestones"),
                          "must have one entry fewer than schedules (" +
                              std::to_string(s.schedules.size() - 1) + "), got " +
                              std::to_string(s.milestones.size())});
    }
    check_milestone_order(s, path, true, errors);
}

// Children first, each constructed on g in order (as a torch user builds them), then SequentialLR.
sched::StepperPtr make_sequential(const S& c, sched::Group& g)
{
    std::vector<sched::StepperPtr> children;
    for (const ScheduleConfig& child : c.schedules)
        children.push_back(sched::build_stepper(child, g));
    return std::make_unique<sched::SequentialLR>(c, std::move(children));
}

}  // namespace

ScheduleDescriptor sequential_schedule_descriptor()
{
    ScheduleDescriptor d;
    d.type = "sequential";
    d.label = "Sequential (e.g. warmup, then another)";
    d.doc = "torch SequentialLR: schedules[i] from milestones[i-1] on (restarted at 0)";
    d.keys = {schedules_key(), milestones_key()};
    d.make = make_sequential;
    d.nestable = false;
    d.check = check_sequential;
    d.torch_class = "lr_scheduler.SequentialLR";
    d.torch_renamed = {{"schedules", "schedulers"}};
    return d;
}

}  // namespace lrlab
