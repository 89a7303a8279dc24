// What the GPU grid shader (shaders/grid_fs.glsl) is told by core and what it can draw: the pure
// half of gl_grid.cpp, tested natively (tests/app/test_grid_shader.cpp).
//
// The shader hard-codes nothing of core's: the ids of the activations, features and tasks come in
// a #define prelude built from core's registries (ACT_<name>, FEATURE_<name>, TASK_<name>), and
// the parameter layout comes as per-layer offsets read from the run's ParamSet. What it can draw
// is read from the shader text itself: an activation or feature is drawn on the GPU only when
// the shader names its ACT_/FEATURE_ constant. A new activation in core that the shader does not
// name therefore goes to the CPU grid (boundary_grid.cpp), never to a default branch.
#pragma once

#include <string>
#include <vector>

#include "core/train/experiment.hpp"

namespace lrlab
{

constexpr int grid_max_width = 64;     // units per layer: the shader's per-fragment arrays
constexpr int grid_max_layers = 9;     // weight matrices (10 sizes: inputs, 8 hidden, outputs)
constexpr int grid_max_params = 4096;  // floats in the uniform block: WebGL2's least block size

// The activations, features and tasks (core's names) whose constants a shader source uses
// outside its comments.
struct GridShaderSupport
{
    std::vector<std::string> activations;
    std::vector<std::string> features;
    std::vector<std::string> tasks;
};

GridShaderSupport grid_shader_support(const std::string& glsl);

// glsl (which starts with its #version line) with the prelude inserted after that line, then a
// `#line 2` so that compile errors keep the file's line numbers.
std::string grid_shader_source(const std::string& glsl);

// Where each layer's weights (sizes[l] x sizes[l+1], row-major) and bias start in the ParamSet.
struct GridLayout
{
    bool ok = false;  // false: the ParamSet is not the layer list the shader reads
    int layers = 0;
    int weights[grid_max_layers] = {};
    int biases[grid_max_layers] = {};
};

GridLayout grid_layout(const ParamSet& p, const std::vector<int>& sizes);

// Whether the shader can draw this experiment's grids: a 2-D data set, features and activation
// that the shader names, a model within its limits and a layout it reads.
bool grid_shader_fits(const GridShaderSupport& s, const Experiment& e);

// Ids passed to the shader: the index in feature_registry() (-1 when unknown); TaskKind's value.
int grid_feature_id(const std::string& name);
int grid_task_id(TaskKind t);
// TaskKind's name in the shader (TASK_<name>).
const char* grid_task_name(TaskKind t);

}  // namespace lrlab
