// Optimizer trajectories on a 2-D test function (the `surface` verb and the landscape view):
// the point (x, y) is a float32 parameter optimized by the same optimizers, schedules and clips
// as training.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/config/json.hpp"
#include "core/optim/optimizers.hpp"
#include "core/schedules/schedule.hpp"

namespace lrlab
{

struct SurfaceRow
{
    std::int64_t step = 0;  // optimizer steps done
    double x = 0.0, y = 0.0;
    double loss = 0.0;      // f(x, y)
    double lr = 0.0;        // the LR the next step will use
    double grad_norm = 0.0; // |grad f(x, y)| at this point, before clipping
};

// One run on the surface, a step at a time (the landscape view animates it and reads the
// optimizer's state for its overlays). surface_trajectory is this runner's rows, so the page and
// the CLI give the same bits by construction. A run that becomes non-finite stops changing.
class SurfaceRunner
{
public:
    SurfaceRunner(const SurfaceConfig& c, std::size_t run);

    void step();                                  // one optimizer step (none once frozen)
    SurfaceRow row() const;                       // the point after step() steps
    std::int64_t steps_done() const { return step_; }
    bool frozen() const { return frozen_; }
    float x() const { return params_.data()[0]; }
    float y() const { return params_.data()[1]; }
    // Read-only: the optimizer's state after steps_done() steps (slots per optim/*.cpp).
    const OptimizerState& state() const { return state_; }
    const Optimizer& optimizer() const { return opt_; }
    const Schedule& schedule() const { return schedule_; }

private:
    std::string function_;
    ParamSet params_, grads_;
    Optimizer opt_;
    OptimizerState state_;
    Schedule schedule_;
    std::int64_t step_ = 0;
    bool frozen_ = false;
};

// Rows for steps 0..steps of one run. A run that becomes non-finite stops changing.
std::vector<SurfaceRow> surface_trajectory(const SurfaceConfig& c, std::size_t run);

}  // namespace lrlab
