// The model's output over the input plane, per run, for the decision-boundary heatmaps (and, for
// digits8x8, the test set's confusion matrix). Computed on the CPU with Mlp::forward, uploaded
// as a float texture and coloured by shaders/heatmap_fs.glsl.
#pragma once

#include <cstdint>
#include <vector>

#include "core/train/experiment.hpp"

namespace lrlab
{

struct RunGrid
{
    // (res * res, 2), row 0 at the bottom (y = -extent): binary (p(class 1), 0), regression
    // (value, 0), multiclass (argmax class, its probability).
    std::vector<float> values;
    std::vector<int> confusion;  // digits8x8: (classes, classes) counts, row = true class
    std::int64_t step = -1;      // the step the values are for; -1: none yet
    std::uint64_t version = 0;   // the config version they are for
    bool finite = true;          // false when an output was not finite
};

struct BoundaryGrids
{
    int res = 48;                 // grid points per side
    double extent = 6.0;          // the plane shown is [-extent, extent]^2 (raw inputs)
    double fixed_extent = 0.0;    // > 0: the extent while drawing points (app/my_data.hpp)
    double value_scale = 1.0;     // regression: |target| that maps to full colour
    std::uint64_t version = 0;    // config version the inputs below were built for
    bool planar = true;           // false for digits8x8 (no plane: confusion matrix)
    bool on_gpu = false;          // the plane's values are computed on the GPU (gl_grid.hpp)
    Tensor inputs;                // (res * res, features): the grid after the feature map
    Workspace ws;
    std::vector<float> scratch;   // (capacity, outputs)
    std::vector<RunGrid> runs;
    std::uint64_t updates = 0;    // how many run grids were recomputed (for tests)
    std::size_t cursor = 0;       // round robin: the run to look at first
};

// Recomputes the grids of the runs whose step or config changed since their last update, at
// most `max_runs` of them (round robin), so that a frame's heatmap cost stays bounded while
// playing; the others follow in the next frames. With g.on_gpu it only stamps the runs' step
// and version: the GPU computes their values (gl_grid.hpp).
void update_grids(BoundaryGrids& g, const Experiment& e, std::uint64_t version,
                  std::size_t max_runs);

}  // namespace lrlab
