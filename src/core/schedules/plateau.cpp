// ReduceLROnPlateau's state machine, as PyTorch 1.13's step(metrics) runs it: a metric that is
// not better than the best by the threshold is a bad evaluation; more than `patience` bad ones
// in a row reduce the LR by `factor` (not below min_lr, and not by less than eps), then
// `cooldown` evaluations are ignored. A NaN metric is never better (Python's comparisons).
#include <limits>

#include "core/schedules/schedule.hpp"

namespace lrlab
{
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

}  // namespace lrlab
