// ReduceLROnPlateau's state machine, as PyTorch 1.13's step(metrics) runs it: a metric that is
// not better than the best by the threshold is a bad evaluation; more than `patience` bad ones
// in a row reduce the LR by `factor` (not below min_lr, and not by less than eps), then
// `cooldown` evaluations are ignored. A NaN metric is never better (Python's comparisons).
#include <limits>

#include "core/schedules/schedule.hpp"
#include "core/schedules/schedule_keys.hpp"

namespace lrlab
{
namespace sched
{
namespace
{

// ReduceLROnPlateau inside a sequential: __init__ sets last_epoch = 0 and touches nothing else;
// stepping it leaves the LR alone.
class PlateauPlaceholder final : public Stepper
{
public:
    void construct(Group&) override { last_epoch = 0; }
    void step(Group&) override { ++last_epoch; }
    void step_to(Group&, std::int64_t epoch) override { last_epoch = epoch; }

private:
    double get_lr(Group& g) override { return g.lr; }
};

}  // namespace
}  // namespace sched

namespace
{

// is_better(a, best) for mode min/max and threshold_mode rel/abs; anything but "max" is min
// and anything but "abs" is rel (the validator allows only those).
bool is_better(const ScheduleConfig& c, double a, double best)
{
    const bool max_mode = c.mode == "max";
    const bool abs_mode = c.threshold_mode == "abs";
    if (!max_mode && !abs_mode)
        return a < best * (1.0 - c.threshold);
    if (!max_mode)
        return a < best - c.threshold;
    if (!abs_mode)
        return a > best * (c.threshold + 1.0);
    return a > best + c.threshold;
}

}  // namespace

void Plateau::observe(double metric)
{
    if (!started)  // best = mode_worse
    {
        const double inf = std::numeric_limits<double>::infinity();
        best = c.mode == "max" ? -inf : inf;
        started = true;
    }
    if (is_better(c, metric, best))
    {
        best = metric;
        num_bad = 0;
    }
    else
    {
        ++num_bad;
    }
    if (cooldown_counter > 0)  // ignore any bad evaluations in cooldown
    {
        --cooldown_counter;
        num_bad = 0;
    }
    if (num_bad > c.patience)
    {
        const double old_lr = lr;
        const double reduced = old_lr * c.factor;
        const double new_lr = c.min_lr > reduced ? c.min_lr : reduced;  // Python's max()
        if (old_lr - new_lr > c.eps)
            lr = new_lr;
        cooldown_counter = c.cooldown;
        num_bad = 0;
    }
}

namespace
{
std::vector<std::string> plateau_modes() { return {"min", "max"}; }
std::vector<std::string> threshold_modes() { return {"rel", "abs"}; }
}  // namespace

// Its LR comes from observe() (make_schedule); inside a sequential (which the validator rejects,
// but make_schedule accepts) it is the placeholder above.
ScheduleDescriptor reduce_on_plateau_schedule_descriptor()
{
    using namespace config_detail;
    using schedule_keys::max_period;
    using S = ScheduleConfig;
    ScheduleDescriptor d;
    d.type = "reduce_on_plateau";
    d.label = "Reduce on plateau";
    d.doc = "torch ReduceLROnPlateau, fed test_loss at every evaluation";
    d.keys = {key<S>("mode", Kind::choice, LRLAB_FIELD(S, mode), "min", any(),
                     "min: lower is better; max: higher is better").one_of(plateau_modes),
              key<S>("factor", Kind::number, LRLAB_FIELD(S, factor), 0.1, right_open(0, 1),
                     "multiplier on a plateau"),
              key<S>("patience", Kind::integer, LRLAB_FIELD(S, patience), 10,
                     closed(0, max_period), "evaluations without improvement before reducing"),
              key<S>("threshold", Kind::number, LRLAB_FIELD(S, threshold), 1e-4, at_least(0),
                     "what counts as an improvement"),
              key<S>("threshold_mode", Kind::choice, LRLAB_FIELD(S, threshold_mode), "rel", any(),
                     "rel: relative to the best; abs: absolute").one_of(threshold_modes),
              key<S>("cooldown", Kind::integer, LRLAB_FIELD(S, cooldown), 0,
                     closed(0, max_period), "evaluations to wait after a reduction"),
              key<S>("min_lr", Kind::number, LRLAB_FIELD(S, min_lr), 0.0, at_least(0),
                     "the LR never falls below this"),
              key<S>("eps", Kind::number, LRLAB_FIELD(S, eps), 1e-8, at_least(0),
                     "reductions smaller than eps are skipped")};
    d.make = [](const ScheduleConfig&, sched::Group&) -> sched::StepperPtr
    { return std::make_unique<sched::PlateauPlaceholder>(); };
    d.observes_metric = true;
    d.nestable = false;
    d.torch_class = "lr_scheduler.ReduceLROnPlateau";
    return d;
}

}  // namespace lrlab
