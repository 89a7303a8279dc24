// Cosine schedules as PyTorch 1.13 computes them: CosineAnnealingLR in its recursive
// (chainable) form and CosineAnnealingWarmRestarts (SGDR, Loshchilov & Hutter 2017).
#include <algorithm>

#include "core/schedules/schedule_keys.hpp"

namespace lrlab::sched
{
namespace
{

// CosineAnnealingLR(T_max, eta_min), chainable get_lr:
//   t == 0:                        lr
//   _step_count == 1 and t > 0:    eta_min + (base - eta_min) * (1 + cos(t*pi/T)) / 2
//   (t - 1 - T) % (2T) == 0:       lr + (base - eta_min) * (1 - cos(pi/T)) / 2
//   otherwise:                     (1 + cos(pi*t/T)) / (1 + cos(pi*(t-1)/T)) * (lr - eta_min)
//                                  + eta_min
// It is not clamped at T_max: past T_max the LR rises again towards base (period 2*T_max).
class CosineAnnealingLR final : public Stepper
{
public:
    explicit CosineAnnealingLR(const ScheduleConfig& c)
        : t_max_(std::max<std::int64_t>(1, c.T_max)), eta_min_(c.eta_min) {}

private:
    double get_lr(Group& g) override
    {
        const double t = static_cast<double>(t_max_);
        const auto k = last_epoch;
        if (k == 0)
            return g.lr;
        if (step_count == 1 && k > 0)
            return closed_form_lr(g);
        if (py_mod(k - 1 - t_max_, 2 * t_max_) == 0)
            return g.lr + (base_lr - eta_min_) * (1.0 - detmath::cos(pi / t)) / 2.0;
        const double num = 1.0 + detmath::cos(pi * static_cast<double>(k) / t);
        const double den = 1.0 + detmath::cos(pi * static_cast<double>(k - 1) / t);
        if (den == 0.0)  // only at (t-1) = odd multiples of T, handled above; never divide by 0
            return closed_form_lr(g);
        return num / den * (g.lr - eta_min_) + eta_min_;
    }
    double closed_form_lr(Group&) override
    {
        const double c = detmath::cos(pi * static_cast<double>(last_epoch) /
                                      static_cast<double>(t_max_));
        return eta_min_ + (base_lr - eta_min_) * (1.0 + c) / 2.0;
    }
    std::int64_t t_max_;
    double eta_min_;
};

// CosineAnnealingWarmRestarts(T_0, T_mult, eta_min): lr = eta_min + (base - eta_min) *
// (1 + cos(pi * T_cur / T_i)) / 2; T_cur restarts at 0 and T_i *= T_mult at each restart.
// Its step() is its own (it does not touch _step_count).
class CosineWarmRestarts final : public Stepper
{
public:
    explicit CosineWarmRestarts(const ScheduleConfig& c)
        : t_0_(std::max<std::int64_t>(1, c.T_0)), t_mult_(std::max<std::int64_t>(1, c.T_mult)),
          eta_min_(c.eta_min), t_i_(t_0_) {}

    void step(Group& g) override
    {
        if (last_epoch < 0)
        {
            step_to(g, 0);
            return;
        }
        ++t_cur_;
        if (t_cur_ >= t_i_)
        {
            t_cur_ -= t_i_;
            t_i_ = grown(t_i_);
        }
        ++last_epoch;
        g.lr = get_lr(g);
    }

    // step(epoch) for integral epochs. SequentialLR only ever passes 0 (a restart); for
    // T_mult > 1 torch finds the cycle with a float log, we with exact integers.
    void step_to(Group& g, std::int64_t epoch) override
    {
        if (epoch >= t_0_ && t_mult_ == 1)
        {
            t_cur_ = epoch % t_0_;
        }
        else if (epoch >= t_0_)
        {
            std::int64_t start = 0;
            t_i_ = t_0_;
            while (epoch - start >= t_i_)
            {
                start += t_i_;
                t_i_ = grown(t_i_);
            }
            t_cur_ = epoch - start;
        }
        else
        {
            t_i_ = t_0_;
            t_cur_ = epoch;
        }
        last_epoch = epoch;
        g.lr = get_lr(g);
    }

private:
    // T_i * T_mult, saturated: a cycle longer than 2^62 steps never ends within a table, and
    // cos(pi * T_cur / T_i) rounds to the same value either way.
    std::int64_t grown(std::int64_t t_i) const
    {
        constexpr std::int64_t cap = std::int64_t(1) << 62;
        return t_i > cap / t_mult_ ? cap : t_i * t_mult_;
    }
    double get_lr(Group&) override
    {
        const double c = detmath::cos(pi * static_cast<double>(t_cur_) /
                                      static_cast<double>(t_i_));
        return eta_min_ + (base_lr - eta_min_) * (1.0 + c) / 2.0;
    }
    std::int64_t t_0_;
    std::int64_t t_mult_;
    double eta_min_;
    std::int64_t t_i_;
    std::int64_t t_cur_ = -1;
};

}  // namespace

}  // namespace lrlab::sched

namespace lrlab
{

using namespace config_detail;
using namespace schedule_keys;
using S = ScheduleConfig;

ScheduleDescriptor cosine_schedule_descriptor()
{
    ScheduleDescriptor d;
    d.type = "cosine";
    d.label = "Cosine annealing";
    d.doc = "torch CosineAnnealingLR (recursive form: past T_max the LR rises again)";
    d.keys = {period("T_max", LRLAB_FIELD(S, T_max), 1, "half period of the cosine")
                  .computed([](const DefaultCtx& c, const S&) { return json(c.steps); }, "S"),
              eta_min()};
    d.make = [](const ScheduleConfig& c, sched::Group&) -> sched::StepperPtr
              { return std::make_unique<sched::CosineAnnealingLR>(c); };
    d.torch_class = "lr_scheduler.CosineAnnealingLR";
    d.torch_math = "cos";
    return d;
}

ScheduleDescriptor cosine_warm_restarts_schedule_descriptor()
{
    ScheduleDescriptor d;
    d.type = "cosine_warm_restarts";
    d.label = "Cosine with warm restarts (SGDR)";
    d.doc = "torch CosineAnnealingWarmRestarts (SGDR)";
    d.keys = {period("T_0", LRLAB_FIELD(S, T_0), 1, "steps of the first cycle")
                  .computed([](const DefaultCtx& c, const S&)
                            { return json(at_least_one(c.steps / 4)); }, "max(1, S/4)"),
              key<S>("T_mult", Kind::integer, LRLAB_FIELD(S, T_mult), 1, closed(1, 100),
                     "each cycle is T_mult times longer than the one before"),
              eta_min()};
    d.make = [](const ScheduleConfig& c, sched::Group&) -> sched::StepperPtr
              { return std::make_unique<sched::CosineWarmRestarts>(c); };
    d.torch_class = "lr_scheduler.CosineAnnealingWarmRestarts";
    d.torch_math = "cos";
    return d;
}

}  // namespace lrlab
