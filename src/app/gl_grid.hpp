// The model's output over the input plane computed on the GPU (shaders/grid_fs.glsl), one
// fragment per grid cell, straight into a heatmap slot's RG32F values texture. A GPU does all
// runs every frame in microseconds, where the CPU grid (boundary_grid.cpp) costs about a
// millisecond per run; the CPU grid remains for models too wide for a fragment's registers,
// for digits8x8 (confusion matrices) and for browsers that cannot render to float textures.
#pragma once

#include <GLES3/gl3.h>

#include "app/grid_shader.hpp"
#include "core/train/experiment.hpp"

namespace lrlab
{

struct GpuGrid
{
    GLuint program = 0;
    GLuint vao = 0;
    GLuint params = 0;        // uniform buffer: the ParamSet being drawn (at most 4096 floats)
    GLuint fbo = 0;
    bool available = false;   // program built and float textures renderable
    bool disabled = false;    // ?grid=cpu: always the CPU grid (to compare, or for old GPUs)
    bool software = false;    // a CPU renderer (SwiftShader, llvmpipe): redraw few tiles a frame
    GridShaderSupport support;  // what grid_fs.glsl draws; the CPU grid draws the rest
    GLint u_features = -1, u_feature_count = -1, u_sizes = -1, u_weights = -1, u_biases = -1,
          u_layers = -1, u_activation = -1, u_slope = -1, u_task = -1, u_extent = -1, u_res = -1;
};

// Needs the WebGL2 context current; false (and the CPU grid) when it cannot render to RG32F.
bool gpu_grid_init(GpuGrid& g);

// Whether this experiment's grids are drawn on the GPU: a 2-D data set and a model that
// grid_fs.glsl draws (grid_shader_fits: its activation, features and task named by the shader, at
// most 64 units per layer, 9 layers, 4096 parameters).
bool gpu_grid_fits(const GpuGrid& g, const Experiment& e);

// Renders run `run`'s output over [-extent, extent]^2 into `values` (RG32F, res x res, already
// allocated). Leaves the framebuffer bound to `fbo`; the caller restores its own state.
void gpu_grid_render(GpuGrid& g, const Experiment& e, std::size_t run, double extent, int res,
                     GLuint values);

}  // namespace lrlab
