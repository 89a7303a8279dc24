// The decaying schedules, as torch.optim.lr_scheduler (PyTorch 1.13) computes them: ConstantLR,
// StepLR, MultiStepLR, ExponentialLR, PolynomialLR and LinearLR (chainable get_lr, recursive in
// group['lr']; _get_closed_form_lr for step(epoch)), and Keras' InverseTimeDecay.
//
// Integer parameters are >= 1 (or >= 0) in a valid config; they are clamped here only so that
// nothing can divide by zero. Where torch itself would raise (a ZeroDivisionError in a corner
// of the recursion) we use the closed form instead; each place says so.
#include <algorithm>
#include <cmath>
#include <map>

#include "core/schedules/steppers.hpp"

namespace lrlab::sched
{
namespace
{

// ConstantLR(factor, total_iters): lr * factor until total_iters, then back (lr * (1 / factor)).
// Quirk kept: with total_iters 0 the LR stays at factor * lr (step 0 multiplies, and the
// restoring branch needs last_epoch == total_iters, which never comes again).
class ConstantLR final : public Stepper
{
public:
    explicit ConstantLR(const ScheduleConfig& c) : factor_(c.factor), total_(c.total_iters) {}

private:
    double get_lr(Group& g) override
    {
        if (last_epoch == 0)
            return g.lr * factor_;
        if (last_epoch != total_)
            return g.lr;
        if (factor_ == 0.0)  // torch: 0 * (1.0 / 0) raises ZeroDivisionError
            return closed_form_lr(g);
        return g.lr * (1.0 / factor_);
    }
    double closed_form_lr(Group&) override
    {
        return base_lr * (factor_ + (last_epoch >= total_ ? 1.0 - factor_ : 0.0));
    }
    double factor_;
    std::int64_t total_;
};

// StepLR(step_size, gamma): lr * gamma at every multiple of step_size.
class StepLR final : public Stepper
{
public:
    explicit StepLR(const ScheduleConfig& c) : size_(std::max<std::int64_t>(1, c.step_size)),
                                               gamma_(c.gamma) {}

private:
    double get_lr(Group& g) override
    {
        if (last_epoch == 0 || last_epoch % size_ != 0)
            return g.lr;
        return g.lr * gamma_;
    }
    double closed_form_lr(Group&) override
    {
        return base_lr * py_pow(gamma_, static_cast<double>(last_epoch / size_));
    }
    std::int64_t size_;
    double gamma_;
};

// MultiStepLR(milestones, gamma): lr * gamma ** count at a milestone listed count times. A
// milestone 0 applies at construction (last_epoch 0 is in the Counter).
class MultiStepLR final : public Stepper
{
public:
    explicit MultiStepLR(const ScheduleConfig& c) : gamma_(c.gamma), sorted_(c.milestones)
    {
        for (const std::int64_t m : c.milestones)
            ++count_[m];
        std::sort(sorted_.begin(), sorted_.end());
    }

private:
    double get_lr(Group& g) override
    {
        const auto it = count_.find(last_epoch);
        if (it == count_.end())
            return g.lr;
        return g.lr * py_pow(gamma_, static_cast<double>(it->second));
    }
    double closed_form_lr(Group&) override
    {
        const std::size_t n = bisect_right(sorted_, last_epoch);
        return base_lr * py_pow(gamma_, static_cast<double>(n));
    }
    double gamma_;
    std::vector<std::int64_t> sorted_;
    std::map<std::int64_t, int> count_;
};

// ExponentialLR(gamma): lr * gamma every step after the first.
class ExponentialLR final : public Stepper
{
public:
    explicit ExponentialLR(const ScheduleConfig& c) : gamma_(c.gamma) {}

private:
    double get_lr(Group& g) override { return last_epoch == 0 ? g.lr : g.lr * gamma_; }
    double closed_form_lr(Group&) override
    {
        return base_lr * py_pow(gamma_, static_cast<double>(last_epoch));
    }
    double gamma_;
};

// Keras InverseTimeDecay (not in torch): lr = L / (1 + decay_rate * p), p = t / decay_steps,
// floored when staircase; computed in double (Keras: the variable's dtype), not recursive.
class InverseTime final : public Stepper
{
public:
    explicit InverseTime(const ScheduleConfig& c)
        : rate_(c.decay_rate), steps_(static_cast<double>(std::max<std::int64_t>(1, c.decay_steps))),
          staircase_(c.staircase) {}

private:
    double get_lr(Group&) override
    {
        double p = static_cast<double>(last_epoch) / steps_;
        if (staircase_)
            p = std::floor(p);
        return base_lr / (1.0 + rate_ * p);
    }
    double rate_;
    double steps_;
    bool staircase_;
};

// PolynomialLR(total_iters, power): lr * ((1 - t/T) / (1 - (t-1)/T)) ** power up to T, then
// unchanged (0 for power > 0). total_iters 0 never changes the LR.
class PolynomialLR final : public Stepper
{
public:
    explicit PolynomialLR(const ScheduleConfig& c) : total_(c.total_iters), power_(c.power) {}

private:
    double get_lr(Group& g) override
    {
        if (last_epoch == 0 || last_epoch > total_)
            return g.lr;
        const double t = static_cast<double>(total_);
        const double num = 1.0 - static_cast<double>(last_epoch) / t;
        const double den = 1.0 - static_cast<double>(last_epoch - 1) / t;
        return g.lr * py_pow(num / den, power_);
    }
    double closed_form_lr(Group&) override
    {
        if (total_ <= 0)  // torch: 0 / 0 raises ZeroDivisionError; nothing decays
            return base_lr;
        const double frac = static_cast<double>(std::min(total_, last_epoch)) /
                            static_cast<double>(total_);
        return base_lr * py_pow(1.0 - frac, power_);
    }
    std::int64_t total_;
    double power_;
};

// LinearLR(start_factor, end_factor, total_iters): the factor moves linearly from start to end
// over total_iters steps, applied recursively:
//   lr * (1 + (e - s) / (T*s + (t-1)*(e - s))).
// Quirk kept: total_iters 0 leaves the LR at start_factor * lr. Where the denominator is 0
// (start_factor 0 at t = 1) torch raises ZeroDivisionError; we take the closed form there,
// so a warmup from 0 works.
class LinearLR final : public Stepper
{
public:
    explicit LinearLR(const ScheduleConfig& c)
        : start_(c.start_factor), end_(c.end_factor), total_(c.total_iters) {}

private:
    double get_lr(Group& g) override
    {
        if (last_epoch == 0)
            return g.lr * start_;
        if (last_epoch > total_)
            return g.lr;
        const double diff = end_ - start_;
        const double den = static_cast<double>(total_) * start_ +
                           static_cast<double>(last_epoch - 1) * diff;
        if (den == 0.0)
            return closed_form_lr(g);
        return g.lr * (1.0 + diff / den);
    }
    double closed_form_lr(Group&) override
    {
        const double diff = end_ - start_;
        if (total_ <= 0)  // torch: ZeroDivisionError; the ramp is complete
            return base_lr * (start_ + diff);
        const double done = static_cast<double>(std::min(total_, last_epoch));
        return base_lr * (start_ + diff * done / static_cast<double>(total_));
    }
    double start_;
    double end_;
    std::int64_t total_;
};

}  // namespace

StepperPtr new_constant(const ScheduleConfig& c) { return std::make_unique<ConstantLR>(c); }
StepperPtr new_step(const ScheduleConfig& c) { return std::make_unique<StepLR>(c); }
StepperPtr new_multistep(const ScheduleConfig& c) { return std::make_unique<MultiStepLR>(c); }
StepperPtr new_exponential(const ScheduleConfig& c) { return std::make_unique<ExponentialLR>(c); }
StepperPtr new_inverse_time(const ScheduleConfig& c) { return std::make_unique<InverseTime>(c); }
StepperPtr new_polynomial(const ScheduleConfig& c) { return std::make_unique<PolynomialLR>(c); }
StepperPtr new_linear(const ScheduleConfig& c) { return std::make_unique<LinearLR>(c); }

}  // namespace lrlab::sched
