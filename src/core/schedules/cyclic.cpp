// Cyclical schedules as PyTorch 1.13 computes them: CyclicLR (Smith 2017, "Cyclical Learning
// Rates for Training Neural Networks") and OneCycleLR (Smith & Topin 2018, "Super-Convergence").
// Both are closed forms of last_epoch (not chainable) and, with cycle_momentum, write the
// momentum (group['momentum'] or betas[0]) inversely to the LR as a side effect of get_lr.
//
// Deliberate differences from torch 1.13:
// - CyclicLR with cycle_momentum drives betas[0] of the Adam family (1.13 raises for optimizers
//   without a 'momentum' key; torch >= 2.0 drives beta1 the same way).
// - Optimizers with neither momentum nor betas (adagrad, adadelta): torch raises; we leave the
//   momentum alone (the schedule has no momentum table).
// - triangular2 from cycle 1025 on: torch raises OverflowError on 2. ** 1024; the scale is 0.
// - OneCycleLR from total_steps on: torch extrapolates once, then raises; the LR and momentum
//   stay at the end of the last phase (step total_steps - 1).
//   A phase of length 0 (e.g. pct_start * total_steps == 1): torch divides 0 by 0 and raises;
//   we take pct = 1, the end of that phase.
#include <algorithm>
#include <cmath>

#include "core/schedules/schedule_keys.hpp"

namespace lrlab::sched
{
namespace
{

// CyclicLR(base_lr, max_lr, step_size_up, step_size_down, mode, gamma, cycle_momentum,
// base_momentum, max_momentum).
class CyclicLR final : public Stepper
{
public:
    explicit CyclicLR(const ScheduleConfig& c) : c_(c)
    {
        const double up = static_cast<double>(std::max<std::int64_t>(1, c.step_size_up));
        const double down = static_cast<double>(std::max<std::int64_t>(1, c.step_size_down));
        total_size_ = up + down;
        step_ratio_ = up / total_size_;
    }

    // __init__: group['lr'] = base_lr (and momentum = base_momentum), then the base class sets
    // initial_lr if absent and steps once with base_lrs = [initial_lr]; only after that does
    // CyclicLR set base_lrs = [base_lr].
    void construct(Group& g) override
    {
        momentum_ok_ = g.momentum_ok;
        g.lr = c_.base_lr;
        if (cycles_momentum())
            g.momentum = c_.base_momentum;
        base_momentum_ = g.momentum;
        attach(g);
        initial_step(g);
        base_lr = c_.base_lr;
    }
    bool cycles_momentum() const override { return c_.cycle_momentum && momentum_ok_; }

private:
    double get_lr(Group& g) override
    {
        const double t = static_cast<double>(last_epoch);
        const double cycle = std::floor(1.0 + t / total_size_);
        const double x = 1.0 + t / total_size_ - cycle;
        const double scale_factor = x <= step_ratio_ ? x / step_ratio_
                                                     : (x - 1.0) / (step_ratio_ - 1.0);
        // triangular, triangular2: scale_mode 'cycle'; exp_range: 'iterations'
        const double s = scale(cycle, t);
        const double lr = base_lr + (c_.max_lr - base_lr) * scale_factor * s;
        if (cycles_momentum())
        {
            const double height = (c_.max_momentum - base_momentum_) * scale_factor;
            g.momentum = c_.max_momentum - height * s;
        }
        return lr;
    }
    double scale(double cycle, double t) const
    {
        if (c_.mode == "triangular2")  // 1 / (2. ** (cycle - 1))
            return cycle - 1.0 >= 1024.0 ? 0.0
                                         : 1.0 / std::ldexp(1.0, static_cast<int>(cycle - 1.0));
        if (c_.mode == "exp_range")    // gamma ** last_epoch
            return py_pow(c_.gamma, t);
        return 1.0;
    }
    ScheduleConfig c_;
    bool momentum_ok_ = false;
    double total_size_ = 2.0;
    double step_ratio_ = 0.5;
    double base_momentum_ = 0.0;
};

// OneCycleLR(max_lr, total_steps, pct_start, anneal_strategy, div_factor, final_div_factor,
// three_phase, cycle_momentum, base_momentum, max_momentum). The phase ends are floats:
// pct_start * total - 1 (and 2 * pct_start * total - 2 with three phases), then total - 1.
class OneCycleLR final : public Stepper
{
public:
    explicit OneCycleLR(const ScheduleConfig& c)
        : c_(c), total_(std::max<std::int64_t>(1, c.total_steps))
    {
        const double total = static_cast<double>(total_);
        const double last = static_cast<double>(total_ - 1);
        if (c.three_phase)
            phases_ = {{c.pct_start * total - 1.0, kInitial, kMax, kMaxM, kBaseM},
                       {2.0 * c.pct_start * total - 2.0, kMax, kInitial, kBaseM, kMaxM},
                       {last, kInitial, kMin, kMaxM, kMaxM}};
        else
            phases_ = {{c.pct_start * total - 1.0, kInitial, kMax, kMaxM, kBaseM},
                       {last, kMax, kMin, kBaseM, kMaxM}};
    }

    // __init__ overwrites group['initial_lr'] (not setdefault) with max_lr / div_factor.
    void construct(Group& g) override
    {
        momentum_ok_ = g.momentum_ok;
        g.initial_lr = c_.max_lr / c_.div_factor;
        g.has_initial_lr = true;
        g.max_lr = c_.max_lr;
        g.min_lr = g.initial_lr / c_.final_div_factor;
        if (cycles_momentum())
        {
            g.momentum = c_.max_momentum;
            g.max_momentum = c_.max_momentum;
            g.base_momentum = c_.base_momentum;
        }
        attach(g);
        initial_step(g);
    }
    bool cycles_momentum() const override { return c_.cycle_momentum && momentum_ok_; }

private:
    enum Key { kInitial, kMax, kMin, kMaxM, kBaseM };
    struct Phase
    {
        double end_step;
        Key start_lr, end_lr, start_m, end_m;
    };

    static double value(const Group& g, Key k)
    {
        switch (k)
        {
        case kInitial: return g.initial_lr;
        case kMax: return g.max_lr;
        case kMin: return g.min_lr;
        case kMaxM: return g.max_momentum;
        case kBaseM: return g.base_momentum;
        }
        return 0.0;
    }
    double anneal(double start, double end, double pct) const
    {
        if (c_.anneal_strategy == "linear")
            return (end - start) * pct + start;
        const double cos_out = detmath::cos(pi * pct) + 1.0;
        return end + (start - end) / 2.0 * cos_out;
    }
    double get_lr(Group& g) override
    {
        // From total_steps on, hold the end of the last phase: torch extrapolates one more row
        // (negative for anneal_strategy linear) and then raises.
        const double step_num = static_cast<double>(std::min(last_epoch, total_ - 1));
        double start_step = 0.0;
        for (std::size_t i = 0; i < phases_.size(); ++i)
        {
            const Phase& p = phases_[i];
            if (step_num <= p.end_step || i + 1 == phases_.size())
            {
                const double len = p.end_step - start_step;
                const double pct = len == 0.0 ? 1.0 : (step_num - start_step) / len;
                if (cycles_momentum())
                    g.momentum = anneal(value(g, p.start_m), value(g, p.end_m), pct);
                return anneal(value(g, p.start_lr), value(g, p.end_lr), pct);
            }
            start_step = p.end_step;
        }
        return g.lr;
    }
    ScheduleConfig c_;
    bool momentum_ok_ = false;
    std::int64_t total_;
    std::vector<Phase> phases_;
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

std::vector<std::string> cyclic_modes() { return {"triangular", "triangular2", "exp_range"}; }
std::vector<std::string> anneal_strategies() { return {"cos", "linear"}; }

}  // namespace

ScheduleDescriptor cyclic_schedule_descriptor()
{
    ScheduleDescriptor d;
    d.type = "cyclic";
    d.label = "Cyclic (CLR)";
    d.doc = "torch CyclicLR; takes its LR from base_lr, not optimizer.lr";
    d.keys = {key<S>("base_lr", Kind::number, LRLAB_FIELD(S, base_lr), 0.0, at_least(0),
                     "lower end of the cycle")
                  .log()
                  .computed([](const DefaultCtx& c, const S&) { return json(c.lr); }, "L"),
              key<S>("max_lr", Kind::number, LRLAB_FIELD(S, max_lr), 0.0, at_least(0),
                     "upper end of the cycle")
                  .log()
                  .computed([](const DefaultCtx& c, const S&) { return json(10.0 * c.lr); },
                            "10 L"),
              period("step_size_up", LRLAB_FIELD(S, step_size_up), 1, "steps of the rising half")
                  .computed([](const DefaultCtx& c, const S&)
                            { return json(at_least_one(c.steps / 8)); }, "max(1, S/8)"),
              period("step_size_down", LRLAB_FIELD(S, step_size_down), 1,
                     "steps of the falling half")
                  .computed([](const DefaultCtx&, const S& s) { return json(s.step_size_up); },
                            "step_size_up"),
              key<S>("mode", Kind::choice, LRLAB_FIELD(S, mode), "triangular", any(),
                     "amplitude policy").one_of(cyclic_modes),
              gamma(1.0, above(0), "exp_range: amplitude times gamma^t"),
              cycle_momentum(),
              momentum_key("base_momentum", LRLAB_FIELD(S, base_momentum), 0.8,
                           "momentum at the LR peak"),
              momentum_key("max_momentum", LRLAB_FIELD(S, max_momentum), 0.9,
                           "momentum at the LR trough")};
    d.make = [](const ScheduleConfig& c, sched::Group&) -> sched::StepperPtr
              { return std::make_unique<sched::CyclicLR>(c); };
    d.cycles_momentum = true;
    d.torch_class = "lr_scheduler.CyclicLR";
    d.torch_math = "pow";  // exp_range: gamma ** t
    return d;
}

ScheduleDescriptor one_cycle_schedule_descriptor()
{
    ScheduleDescriptor d;
    d.type = "one_cycle";
    d.label = "One-cycle";
    d.doc = "torch OneCycleLR; past total_steps the LR stays at its last value";
    d.keys = {key<S>("max_lr", Kind::number, LRLAB_FIELD(S, max_lr), 0.0, above(0), "the peak LR")
                  .log()
                  .computed([](const DefaultCtx& c, const S&) { return json(c.lr); }, "L"),
              period("total_steps", LRLAB_FIELD(S, total_steps), 1, "length of the cycle")
                  .computed([](const DefaultCtx& c, const S&) { return json(c.steps); }, "S"),
              key<S>("pct_start", Kind::number, LRLAB_FIELD(S, pct_start), 0.3, closed(0, 1),
                     "share of the cycle spent rising"),
              key<S>("anneal_strategy", Kind::choice, LRLAB_FIELD(S, anneal_strategy), "cos",
                     any(), "shape of the ramps").one_of(anneal_strategies),
              key<S>("div_factor", Kind::number, LRLAB_FIELD(S, div_factor), 25.0, above(0),
                     "initial LR = max_lr / div_factor"),
              key<S>("final_div_factor", Kind::number, LRLAB_FIELD(S, final_div_factor), 1e4,
                     above(0), "final LR = initial LR / final_div_factor"),
              key<S>("three_phase", Kind::boolean, LRLAB_FIELD(S, three_phase), false, any(),
                     "fall back to the initial LR symmetrically before the final annealing"),
              cycle_momentum(),
              momentum_key("base_momentum", LRLAB_FIELD(S, base_momentum), 0.85,
                           "momentum at the LR peak"),
              momentum_key("max_momentum", LRLAB_FIELD(S, max_momentum), 0.95,
                           "momentum at the start and end")};
    d.make = [](const ScheduleConfig& c, sched::Group&) -> sched::StepperPtr
              { return std::make_unique<sched::OneCycleLR>(c); };
    d.cycles_momentum = true;
    d.torch_class = "lr_scheduler.OneCycleLR";
    d.torch_math = "cos";
    return d;
}

}  // namespace lrlab
