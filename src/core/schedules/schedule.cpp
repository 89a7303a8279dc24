// The schedule registry, make_schedule and lr_table: a schedule is tabulated by running the
// model of PyTorch 1.13's schedulers (schedules/steppers.hpp) the way a torch training loop does:
// construct the scheduler (row 0), then scheduler.step() once per optimizer step (row k).
#include "core/schedules/schedule.hpp"

#include <algorithm>

#include "core/schedules/steppers.hpp"

namespace lrlab
{
namespace
{

using Factory = sched::StepperPtr (*)(const ScheduleConfig&);

struct Entry
{
    ScheduleInfo info;
    Factory factory;  // nullptr: sequential (built from its children)
};

const Entry kEntries[] = {
    {{"constant", "Constant"}, sched::new_constant},
    {{"step", "Step decay"}, sched::new_step},
    {{"multistep", "Multi-step decay"}, sched::new_multistep},
    {{"exponential", "Exponential decay"}, sched::new_exponential},
    {{"inverse_time", "Inverse time decay"}, sched::new_inverse_time},
    {{"polynomial", "Polynomial decay"}, sched::new_polynomial},
    {{"linear", "Linear (warmup)"}, sched::new_linear},
    {{"cosine", "Cosine annealing"}, sched::new_cosine},
    {{"cosine_warm_restarts", "Cosine with warm restarts (SGDR)"},
     sched::new_cosine_warm_restarts},
    {{"cyclic", "Cyclic (CLR)"}, sched::new_cyclic},
    {{"one_cycle", "One-cycle"}, sched::new_one_cycle},
    {{"sequential", "Sequential (e.g. warmup, then another)"}, nullptr},
    {{"reduce_on_plateau", "Reduce on plateau"}, sched::new_plateau_placeholder},
};

const Entry* find_entry(const std::string& type)
{
    for (const Entry& e : kEntries)
        if (type == e.info.type)
            return &e;
    return nullptr;
}

// Which momentum a cyclic/one_cycle schedule drives, and its value before any scheduler
// touches it: group['momentum'] (sgd, rmsprop) or betas[0] (the Adam family, lion).
void init_momentum(const OptimizerConfig& opt, sched::Group& g)
{
    static const char* const with_momentum[] = {"sgd", "rmsprop"};
    static const char* const with_betas[] = {"adam", "adamw", "adamax", "nadam", "radam", "lion"};
    for (const char* t : with_momentum)
        if (opt.type == t)
        {
            g.momentum_ok = true;
            g.momentum = opt.momentum;
        }
    for (const char* t : with_betas)
        if (opt.type == t)
        {
            g.momentum_ok = true;
            g.momentum = opt.betas[0];
        }
}

}  // namespace

namespace sched
{

void Stepper::attach(Group& g)
{
    if (!g.has_initial_lr)
    {
        g.initial_lr = g.lr;
        g.has_initial_lr = true;
    }
    base_lr = g.initial_lr;
    last_epoch = -1;
}

void Stepper::construct(Group& g)
{
    attach(g);
    initial_step(g);
}

void Stepper::step(Group& g)
{
    ++step_count;
    ++last_epoch;
    g.lr = get_lr(g);
}

void Stepper::step_to(Group& g, std::int64_t epoch)
{
    ++step_count;
    last_epoch = epoch;
    g.lr = closed_form_lr(g);
}

StepperPtr build_stepper(const ScheduleConfig& c, Group& g)
{
    StepperPtr s;
    if (c.type == "sequential")
    {
        std::vector<StepperPtr> children;
        for (const ScheduleConfig& child : c.schedules)
            children.push_back(build_stepper(child, g));
        s = new_sequential(c, std::move(children));
    }
    else
    {
        const Entry* e = find_entry(c.type);
        s = (e && e->factory) ? e->factory(c) : new_constant(ScheduleConfig{});
    }
    s->construct(g);
    return s;
}

}  // namespace sched

const std::vector<ScheduleInfo>& schedule_registry()
{
    static const std::vector<ScheduleInfo> registry = [] {
        std::vector<ScheduleInfo> v;
        for (const Entry& e : kEntries)
            v.push_back(e.info);
        return v;
    }();
    return registry;
}

const ScheduleInfo* find_schedule(const std::string& type)
{
    const Entry* e = find_entry(type);
    return e ? &e->info : nullptr;
}

double Schedule::lr(std::int64_t step) const
{
    if (plateau_on_)
        return plateau_.lr;
    if (lr_.empty())
        return 0.0;
    const auto last = static_cast<std::int64_t>(lr_.size()) - 1;
    return lr_[static_cast<std::size_t>(std::clamp<std::int64_t>(step, 0, last))];
}

double Schedule::momentum(std::int64_t step) const
{
    if (momentum_.empty())
        return 0.0;
    const auto last = static_cast<std::int64_t>(momentum_.size()) - 1;
    return momentum_[static_cast<std::size_t>(std::clamp<std::int64_t>(step, 0, last))];
}

void Schedule::observe(double metric)
{
    if (plateau_on_)
        plateau_.observe(metric);
}

Schedule make_schedule(const ScheduleConfig& c, const OptimizerConfig& opt, std::int64_t length)
{
    Schedule s;
    const std::int64_t n = std::max<std::int64_t>(1, length);
    if (c.type == "reduce_on_plateau")
    {
        s.plateau_on_ = true;
        s.plateau_.c = c;
        s.plateau_.lr = opt.lr;
        s.lr_.assign(static_cast<std::size_t>(n), opt.lr);  // the base LR (no metric yet)
        return s;
    }
    sched::Group g;
    g.lr = opt.lr;
    init_momentum(opt, g);
    const sched::StepperPtr stepper = sched::build_stepper(c, g);
    const bool with_momentum = stepper->cycles_momentum();
    s.lr_.reserve(static_cast<std::size_t>(n));
    if (with_momentum)
        s.momentum_.reserve(static_cast<std::size_t>(n));
    for (std::int64_t k = 0; k < n; ++k)
    {
        if (k > 0)
            stepper->step(g);
        s.lr_.push_back(g.lr);
        if (with_momentum)
            s.momentum_.push_back(g.momentum);
    }
    return s;
}

std::vector<double> lr_table(const ScheduleConfig& c, const OptimizerConfig& opt, std::int64_t n)
{
    if (n <= 0)
        return {};
    std::vector<double> v = make_schedule(c, opt, n).lr_;
    v.resize(static_cast<std::size_t>(n), v.empty() ? opt.lr : v.back());
    return v;
}

}  // namespace lrlab
