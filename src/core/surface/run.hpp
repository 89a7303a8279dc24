// Optimizer trajectories on a 2-D test function (the `surface` verb and the landscape panel):
// the point (x, y) is a float32 parameter optimized by the same optimizers, schedules and clips
// as training.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/config/json.hpp"

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

// Rows for steps 0..steps of one run. A run that becomes non-finite stops changing.
std::vector<SurfaceRow> surface_trajectory(const SurfaceConfig& c, std::size_t run);

}  // namespace lrlab
