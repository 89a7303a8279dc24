// Learning-rate schedules with PyTorch 1.13's (torch.optim.lr_scheduler) parameters and exact
// LR sequences, quirks included (e.g. the recursive CosineAnnealingLR rises again past T_max).
//
// A schedule is a function of the step: make_schedule tabulates it (PyTorch defines several by
// recurrences, which are unrolled over the table). reduce_on_plateau is the one schedule with
// state: it observes the evaluation loss (schedules/plateau.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/config/config.hpp"

namespace lrlab
{

// A thin view of the schedule descriptors (schedules/descriptor.hpp), kept for the front ends.
struct ScheduleInfo
{
    const char* type;
    const char* label;
};
const std::vector<ScheduleInfo>& schedule_registry();
const ScheduleInfo* find_schedule(const std::string& type);

// PyTorch's ReduceLROnPlateau state machine.
struct Plateau
{
    ScheduleConfig c;
    double lr = 0.0;        // the current LR
    double best = 0.0;
    std::int64_t num_bad = 0;
    std::int64_t cooldown_counter = 0;
    bool started = false;   // best is set

    void observe(double metric);  // after an evaluation: may reduce lr
};

class Schedule
{
public:
    // LR for the step about to be taken after `step` steps (row k of an LR sequence);
    // past the table the last value is kept.
    double lr(std::int64_t step) const;
    bool has_momentum() const { return !momentum_.empty(); }
    double momentum(std::int64_t step) const;  // when has_momentum()
    bool observes_metric() const { return plateau_on_; }
    void observe(double metric);               // reduce_on_plateau only; no-op otherwise
    std::int64_t length() const { return static_cast<std::int64_t>(lr_.size()); }  // rows tabulated
    // A mid-run change rebuilt this schedule: keep the state of `before` that the change did not
    // touch. A tabulated schedule has none (it is a function of the step: from the change on,
    // the new table at the current step). reduce_on_plateau keeps its best, bad count, cooldown
    // and current LR, as assigning an attribute of torch's ReduceLROnPlateau does; only a new
    // optimizer.lr (`new_base_lr`) sets the current LR, as assigning group['lr'] does.
    void continue_from(const Schedule& before, bool new_base_lr);

private:
    friend Schedule make_schedule(const ScheduleConfig&, const OptimizerConfig&, std::int64_t);
    std::vector<double> lr_;
    std::vector<double> momentum_;
    bool plateau_on_ = false;
    Plateau plateau_;
};

// Tabulates steps 0..length-1. The config must be valid; `opt` gives the base LR (optimizer.lr)
// and, with cycle_momentum, which momentum the schedule drives.
Schedule make_schedule(const ScheduleConfig& c, const OptimizerConfig& opt, std::int64_t length);

// The first of rows 0..rows-1 of make_schedule(c, opt, rows) whose LR or momentum is not finite
// (stored in *value), or -1 if all are; without building the table. reduce_on_plateau, which
// only ever lowers a finite LR, is always finite.
std::int64_t first_non_finite_row(const ScheduleConfig& c, const OptimizerConfig& opt,
                                  std::int64_t rows, double* value);

// The LR for steps 0..n-1 (the `lrlab schedule` verb and the page's preview). For
// reduce_on_plateau, which needs a metric, this is the base LR throughout.
std::vector<double> lr_table(const ScheduleConfig& c, const OptimizerConfig& opt, std::int64_t n);

}  // namespace lrlab
