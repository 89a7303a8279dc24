// The model's output over the input plane, per run, for the decision-boundary heatmaps. Data
// without a plane (other than 2 inputs: digits8x8, own data with 1 or 3-64 inputs) get the test
// set's confusion matrix (classification) or its predicted against true values (regression)
// instead. Computed on the CPU with Mlp::forward; the plane is uploaded as a float texture and
// coloured by shaders/heatmap_fs.glsl.
#pragma once

#include <cstdint>
#include <vector>

#include "core/train/experiment.hpp"

namespace lrlab
{

// What the tiles show: the plane needs exactly 2 inputs.
enum class GridView
{
    plane,      // the model's output over the input plane (classes or the predicted value)
    confusion,  // classification without a plane: test-set counts, row = true class
    fit         // regression without a plane: test-set (true, predicted) pairs
};

struct RunGrid
{
    // (res * res, 2), row 0 at the bottom (y = -extent): binary (p(class 1), 0), regression
    // (value, 0), multiclass (argmax class, its probability).
    std::vector<float> values;
    std::vector<int> confusion;  // GridView::confusion: (classes, classes) counts, row = true class
    std::vector<float> fit;      // GridView::fit: (true, predicted) per shown test point
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
    bool planar = true;           // the data have 2 inputs (GridView::plane)
    GridView view = GridView::plane;
    int raw_inputs = 2;           // the data's inputs (for saying why there is no plane)
    double fit_lo = 0.0, fit_hi = 1.0;  // GridView::fit: the true values' range, both axes
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
