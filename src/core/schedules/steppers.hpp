// Internal to schedules/*.cpp: a step-by-step model of torch.optim.lr_scheduler
// (PyTorch 1.13) that make_schedule runs to tabulate a schedule.
//
// Most of PyTorch's schedulers are *chainable*: get_lr() reads the LR the optimizer currently
// holds (group['lr']) and returns a new one, and their constructors read and write keys of the
// optimizer's param group (initial_lr, and for OneCycleLR max_lr/min_lr/momentum keys). The LR
// sequence therefore depends on the recursion and on construction order (SequentialLR!). Rather
// than re-deriving closed forms, which differ from torch in the last bits and in the quirks, we
// model the param group (Group) and each scheduler (Stepper) with the same fields and the same
// floating-point operations, in the same order, as lr_scheduler.py.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "core/config/config.hpp"
#include "core/math/detmath.hpp"

namespace lrlab::sched
{

// The keys of torch's optimizer.param_groups[0] that schedulers read and write.
struct Group
{
    double lr = 0.0;               // group['lr']
    bool has_initial_lr = false;   // 'initial_lr' in group
    double initial_lr = 0.0;
    bool momentum_ok = false;      // the optimizer has group['momentum'] or betas
    double momentum = 0.0;         // group['momentum'] or group['betas'][0]
    // OneCycleLR's keys (group['max_lr'], ...)
    double max_lr = 0.0;
    double min_lr = 0.0;
    double max_momentum = 0.0;
    double base_momentum = 0.0;
};

// One torch scheduler. construct() is its __init__ (which performs the initial step), step()
// is scheduler.step(), step_to(e) is scheduler.step(e) (the deprecated epoch form that
// SequentialLR uses with e = 0 at a milestone: the closed form where torch has one).
class Stepper
{
public:
    virtual ~Stepper() = default;
    virtual void construct(Group& g);
    void initial_step(Group& g)  // _LRScheduler._initial_step
    {
        step_count = 0;
        step(g);
    }
    virtual void step(Group& g);
    virtual void step_to(Group& g, std::int64_t epoch);
    virtual bool cycles_momentum() const { return false; }

    std::int64_t last_epoch = -1;
    std::int64_t step_count = 0;   // _step_count
    double base_lr = 0.0;          // base_lrs[0]

protected:
    // _LRScheduler.__init__ before the initial step: group.setdefault('initial_lr', lr).
    void attach(Group& g);
    virtual double get_lr(Group& g) = 0;
    virtual double closed_form_lr(Group& g) { return get_lr(g); }
};

using StepperPtr = std::unique_ptr<Stepper>;

// Builds the stepper for `c` from its descriptor (schedules/descriptor.hpp) and constructs it on
// `g` (children of a sequential first, in order, as a torch user would).
StepperPtr build_stepper(const ScheduleConfig& c, Group& g);

// Python's float ** float for the cases schedules use, through detmath::pow (libm differs
// between glibc and musl). pow(x, 1) = x and pow(1, y) = 1 exactly, as in C's pow.
inline double py_pow(double x, double y)
{
    if (y == 0.0)
        return 1.0;
    if (y == 1.0)
        return x;
    if (x == 1.0)
        return 1.0;
    if (x == 0.0)  // Python raises ZeroDivisionError for y < 0; we return +inf
        return y > 0.0 ? 0.0 : std::numeric_limits<double>::infinity();
    return detmath::pow(x, y);
}

// Python's a % b for b > 0 (the result has the sign of b).
inline std::int64_t py_mod(std::int64_t a, std::int64_t b)
{
    const std::int64_t r = a % b;
    return r < 0 ? r + b : r;
}

// Python's bisect.bisect_right, step for step (also for unsorted lists, like Python's).
inline std::size_t bisect_right(const std::vector<std::int64_t>& a, std::int64_t x)
{
    std::size_t lo = 0;
    std::size_t hi = a.size();
    while (lo < hi)
    {
        const std::size_t mid = (lo + hi) / 2;
        if (x < a[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

constexpr double pi = 3.141592653589793;  // math.pi

}  // namespace lrlab::sched
