// The schedule list and its registry, make_schedule and lr_table: a schedule is tabulated by
// running the model of PyTorch 1.13's schedulers (schedules/steppers.hpp) the way a torch
// training loop does: construct the scheduler (row 0), then scheduler.step() once per optimizer
// step (row k).
#include "core/schedules/schedule.hpp"

#include <algorithm>
#include <cmath>

#include "core/optim/descriptor.hpp"
#include "core/schedules/descriptor.hpp"

namespace lrlab
{
namespace
{

// Which momentum a cyclic/one_cycle schedule drives (the optimizer descriptor's MomentumSlot),
// and its value before any scheduler touches it: group['momentum'] or group['betas'][0].
void init_momentum(const OptimizerConfig& opt, sched::Group& g)
{
    const OptimizerDescriptor* d = find_optimizer_descriptor(opt.type);
    const MomentumSlot slot = d ? d->momentum : MomentumSlot::none;
    g.momentum_ok = slot != MomentumSlot::none;
    if (slot == MomentumSlot::momentum)
        g.momentum = opt.momentum;
    if (slot == MomentumSlot::beta1)
        g.momentum = opt.betas[0];
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
    const ScheduleDescriptor* d = find_schedule_descriptor(c.type);
    // An unknown type (the validator rejects it) is a ConstantLR with its defaults.
    StepperPtr s = d ? d->make(c, g) : find_schedule_descriptor("constant")->make({}, g);
    s->construct(g);
    return s;
}

}  // namespace sched

const std::vector<ScheduleDescriptor>& schedule_descriptors()
{
#define LRLAB_LIST_SCHEDULE(name) name##_schedule_descriptor(),
    static const std::vector<ScheduleDescriptor> list{LRLAB_SCHEDULES(LRLAB_LIST_SCHEDULE)};
#undef LRLAB_LIST_SCHEDULE
    return list;
}

const ScheduleDescriptor* find_schedule_descriptor(const std::string& type)
{
    return find_by_name(schedule_descriptors(), &ScheduleDescriptor::type, type);
}

bool same_settings(const ScheduleConfig& a, const ScheduleConfig& b)
{
    if (a.type != b.type)
        return false;
    const ScheduleDescriptor* d = find_schedule_descriptor(a.type);
    return !d || config_detail::same_keys(d->keys, a, b);
}

bool same_settings(const std::vector<ScheduleConfig>& a, const std::vector<ScheduleConfig>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
    {
        if (!same_settings(a[i], b[i]))
            return false;
    }
    return true;
}

const std::vector<ScheduleInfo>& schedule_registry()
{
    static const std::vector<ScheduleInfo> registry = []
    {
        std::vector<ScheduleInfo> v;
        for (const ScheduleDescriptor& d : schedule_descriptors())
            v.push_back({d.type, d.label});
        return v;
    }();
    return registry;
}

const ScheduleInfo* find_schedule(const std::string& type)
{
    return find_by_name(schedule_registry(), &ScheduleInfo::type, type);
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

void Schedule::continue_from(const Schedule& before, bool new_base_lr)
{
    if (!plateau_on_ || !before.plateau_on_)
        return;
    const double base_lr = plateau_.lr;
    const ScheduleConfig c = plateau_.c;
    plateau_ = before.plateau_;
    plateau_.c = c;
    if (new_base_lr)
        plateau_.lr = base_lr;
}

Schedule make_schedule(const ScheduleConfig& c, const OptimizerConfig& opt, std::int64_t length)
{
    Schedule s;
    const std::int64_t n = std::max<std::int64_t>(1, length);
    const ScheduleDescriptor* d = find_schedule_descriptor(c.type);
    if (d && d->observes_metric)
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

std::int64_t first_non_finite_row(const ScheduleConfig& c, const OptimizerConfig& opt,
                                  std::int64_t rows, double* value)
{
    const ScheduleDescriptor* d = find_schedule_descriptor(c.type);
    if (d && d->observes_metric)
        return -1;
    sched::Group g;
    g.lr = opt.lr;
    init_momentum(opt, g);
    const sched::StepperPtr stepper = sched::build_stepper(c, g);
    const bool with_momentum = stepper->cycles_momentum();
    for (std::int64_t k = 0; k < rows; ++k)
    {
        if (k > 0)
            stepper->step(g);  // the same steps as make_schedule's loop
        const bool bad_momentum = with_momentum && !std::isfinite(g.momentum);
        if (!std::isfinite(g.lr) || bad_momentum)
        {
            *value = bad_momentum ? g.momentum : g.lr;
            return k;
        }
    }
    return -1;
}

std::vector<double> lr_table(const ScheduleConfig& c, const OptimizerConfig& opt, std::int64_t n)
{
    if (n <= 0)
        return {};
    const Schedule s = make_schedule(c, opt, n);
    std::vector<double> v(static_cast<std::size_t>(n));
    for (std::int64_t k = 0; k < n; ++k)
        v[static_cast<std::size_t>(k)] = s.lr(k);
    return v;
}

}  // namespace lrlab
