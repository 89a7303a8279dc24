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

#include "core/config/json.hpp"
#include "core/schedules/schedule_keys.hpp"

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

}  // namespace lrlab::sched

namespace lrlab
{

using namespace config_detail;
using namespace schedule_keys;
using S = ScheduleConfig;

namespace
{

// InverseTime (Keras' InverseTimeDecay) is not in torch: a LambdaLR whose lambda is the divisor,
// in InverseTime::get_lr's operations and order.
const char* const inverse_time_torch_source = R"py(class InverseTimeLR(lr_scheduler.LambdaLR):
    """Keras' InverseTimeDecay, which torch does not have: a LambdaLR whose lr_lambda(t) is the
    divisor, lr = base_lr / lr_lambda(t). Divided, as Keras does: base_lr * (1 / x) differs
    from base_lr / x in the last bit."""

    def get_lr(self):
        return [base_lr / f(self.last_epoch) for f, base_lr in zip(self.lr_lambdas, self.base_lrs)]
)py";

std::string inverse_time_lambda(const S& c)
{
    const std::string rate = format_double(c.decay_rate);
    const std::string steps = std::to_string(at_least_one(c.decay_steps));
    const std::string rate_lit = rate.find_first_of(".en") == std::string::npos ? rate + ".0"
                                                                                 : rate;
    return c.staircase ? "lambda t: 1.0 + " + rate_lit + " * math.floor(t / " + steps + ")"
                       : "lambda t: 1.0 + " + rate_lit + " * (t / " + steps + ")";
}

}  // namespace

ScheduleDescriptor constant_schedule_descriptor()
{
    ScheduleDescriptor d;
    d.type = "constant";
    d.label = "Constant";
    d.doc = "torch ConstantLR: factor * L until total_iters, then L";
    d.keys = {key<S>("factor", Kind::number, LRLAB_FIELD(S, factor), 1.0, {0, 1, true, false},
                     "multiplier of the LR before total_iters"),
              key<S>("total_iters", Kind::integer, LRLAB_FIELD(S, total_iters), 0,
                     closed(0, max_period), "steps at which factor applies")};
    d.make = [](const ScheduleConfig& c, sched::Group&) -> sched::StepperPtr
              { return std::make_unique<sched::ConstantLR>(c); };
    d.torch_class = "lr_scheduler.ConstantLR";
    return d;
}

ScheduleDescriptor step_schedule_descriptor()
{
    ScheduleDescriptor d;
    d.type = "step";
    d.label = "Step decay";
    d.doc = "torch StepLR: times gamma every step_size steps";
    d.keys = {period("step_size", LRLAB_FIELD(S, step_size), 1, "period of the decay")
                  .computed([](const DefaultCtx& c, const S&)
                            { return json(at_least_one(c.steps / 3)); }, "max(1, S/3)"),
              gamma(0.1, at_least(0), "multiplier per period")};
    d.make = [](const ScheduleConfig& c, sched::Group&) -> sched::StepperPtr
              { return std::make_unique<sched::StepLR>(c); };
    d.torch_class = "lr_scheduler.StepLR";
    return d;
}

ScheduleDescriptor multistep_schedule_descriptor()
{
    ScheduleDescriptor d;
    d.type = "multistep";
    d.label = "Multi-step decay";
    d.doc = "torch MultiStepLR: times gamma at each milestone";
    d.keys = {key<S>("milestones", Kind::int_list, LRLAB_FIELD(S, milestones), json::array(),
                     closed(0, max_period), "steps at which the LR is multiplied; non-decreasing "
                     "(a repeated milestone applies gamma twice, as in PyTorch)")
                  .computed([](const DefaultCtx& c, const S&)
                            { return json::array({c.steps / 2, 3 * c.steps / 4}); }, "[S/2, 3S/4]")
                  .at_most(limits::max_milestones),
              gamma(0.1, at_least(0), "multiplier per milestone")};
    d.make = [](const ScheduleConfig& c, sched::Group&) -> sched::StepperPtr
              { return std::make_unique<sched::MultiStepLR>(c); };
    d.check = [](const S& s, const std::string& path, Errors& errors)
    { check_milestone_order(s, path, false, errors); };
    d.torch_class = "lr_scheduler.MultiStepLR";
    d.torch_math = "pow";  // gamma ** count: a repeated milestone
    return d;
}

ScheduleDescriptor exponential_schedule_descriptor()
{
    ScheduleDescriptor d;
    d.type = "exponential";
    d.label = "Exponential decay";
    d.doc = "torch ExponentialLR: times gamma every step";
    d.keys = {gamma(0.1, above(0), "multiplier per step")
                  .computed(
                      [](const DefaultCtx& c, const S&)
                      { return json(detmath::pow(0.01, 1.0 / static_cast<double>(c.steps))); },
                      "0.01^(1/S) (falls 100x over training)")};
    d.make = [](const ScheduleConfig& c, sched::Group&) -> sched::StepperPtr
              { return std::make_unique<sched::ExponentialLR>(c); };
    d.torch_class = "lr_scheduler.ExponentialLR";
    return d;
}

ScheduleDescriptor inverse_time_schedule_descriptor()
{
    ScheduleDescriptor d;
    d.type = "inverse_time";
    d.label = "Inverse time decay";
    d.doc = "Keras InverseTimeDecay: L / (1 + decay_rate * t / decay_steps)";
    d.keys = {key<S>("decay_rate", Kind::number, LRLAB_FIELD(S, decay_rate), 1.0, at_least(0),
                     "how fast the LR falls"),
              period("decay_steps", LRLAB_FIELD(S, decay_steps), 1, "steps per unit of decay")
                  .computed([](const DefaultCtx& c, const S&)
                            { return json(at_least_one(c.steps / 10)); }, "max(1, S/10)"),
              key<S>("staircase", Kind::boolean, LRLAB_FIELD(S, staircase), false, any(),
                     "use floor(t / decay_steps)")};
    d.make = [](const ScheduleConfig& c, sched::Group&) -> sched::StepperPtr
              { return std::make_unique<sched::InverseTime>(c); };
    d.torch_class = "InverseTimeLR";
    d.torch_source = inverse_time_torch_source;
    d.torch_lambda = inverse_time_lambda;
    return d;
}

ScheduleDescriptor polynomial_schedule_descriptor()
{
    ScheduleDescriptor d;
    d.type = "polynomial";
    d.label = "Polynomial decay";
    d.doc = "torch PolynomialLR: L * (1 - t/total_iters)^power, then constant";
    d.keys = {period("total_iters", LRLAB_FIELD(S, total_iters), 0, "steps of the decay")
                  .computed([](const DefaultCtx& c, const S&) { return json(c.steps); }, "S"),
              key<S>("power", Kind::number, LRLAB_FIELD(S, power), 1.0, at_least(0),
                     "power of the polynomial")};
    d.make = [](const ScheduleConfig& c, sched::Group&) -> sched::StepperPtr
              { return std::make_unique<sched::PolynomialLR>(c); };
    d.torch_class = "lr_scheduler.PolynomialLR";
    d.torch_math = "pow";
    return d;
}

ScheduleDescriptor linear_schedule_descriptor()
{
    ScheduleDescriptor d;
    d.type = "linear";
    d.label = "Linear (warmup)";
    d.doc = "torch LinearLR: factor from start_factor to end_factor (a warmup)";
    d.keys = {key<S>("start_factor", Kind::number, LRLAB_FIELD(S, start_factor), 1.0 / 3.0,
                     {0, 1, true, false}, "multiplier at step 0"),
              key<S>("end_factor", Kind::number, LRLAB_FIELD(S, end_factor), 1.0, closed(0, 1),
                     "multiplier from total_iters on"),
              period("total_iters", LRLAB_FIELD(S, total_iters), 0, "steps of the ramp")
                  .computed([](const DefaultCtx& c, const S&)
                            { return json(at_least_one(c.steps / 10)); }, "max(1, S/10)")};
    d.make = [](const ScheduleConfig& c, sched::Group&) -> sched::StepperPtr
              { return std::make_unique<sched::LinearLR>(c); };
    d.torch_class = "lr_scheduler.LinearLR";
    return d;
}

}  // namespace lrlab
