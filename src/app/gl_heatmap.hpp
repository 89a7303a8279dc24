// The decision-boundary heatmaps on the GPU: each run's grid goes into an RG32F texture, either
// computed there (gl_grid.hpp) or uploaded from the CPU (boundary_grid.hpp), and
// shaders/heatmap_fs.glsl colours it into an RGBA8 texture that ImGui shows.
#pragma once

#include <cstdint>
#include <vector>

#include <GLES3/gl3.h>

#include "app/boundary_grid.hpp"
#include "app/gl_grid.hpp"
#include "app/gl_points.hpp"

namespace lrlab
{

struct HeatmapSlot
{
    GLuint values = 0;         // RG32F (res, res)
    int values_res = 0;        // the size `values` is allocated at
    GLuint color = 0;          // RGBA8 (size, size), what ImGui::Image shows
    GLuint fbo = 0;
    std::int64_t step = -1;    // the grid step last drawn
    std::uint64_t version = 0;
    std::uint64_t points = 0;  // PointLayer::stamp last drawn
    int size = 0;              // texels per side of `color`
};

struct HeatmapRenderer
{
    GLuint program = 0;
    GLuint vao = 0;
    GLint u_values = -1, u_mode = -1, u_scale = -1, u_classes = -1, u_palette = -1;
    // Texels per side of the colour textures: the tiles' size in framebuffer pixels, so that
    // the points drawn into them are crisp (panel_boundaries sets it; applies next frame).
    int size = 160;
    std::vector<HeatmapSlot> slots;
    PointLayer points;
    GpuGrid grid;
};

bool heatmap_init(HeatmapRenderer& r);
// Redraws the slots whose grid, points or size changed (the points on top), computing the grids
// on the GPU when g.on_gpu; call before ImGui renders (restores framebuffer 0).
void heatmap_update(HeatmapRenderer& r, const BoundaryGrids& g, const Experiment& e);

}  // namespace lrlab
