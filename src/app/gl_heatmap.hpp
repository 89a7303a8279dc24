// The decision-boundary heatmaps on the GPU: each run's grid (boundary_grid.hpp) goes into an
// RG32F texture and shaders/heatmap_fs.glsl colours it into an RGBA8 texture that ImGui shows.
#pragma once

#include <cstdint>
#include <vector>

#include <GLES3/gl3.h>

#include "app/boundary_grid.hpp"

namespace lrlab
{

struct HeatmapSlot
{
    GLuint values = 0;         // RG32F (res, res)
    GLuint color = 0;          // RGBA8 (size, size), what ImGui::Image shows
    GLuint fbo = 0;
    std::int64_t step = -1;    // the grid step last drawn
    std::uint64_t version = 0;
};

struct HeatmapRenderer
{
    GLuint program = 0;
    GLuint vao = 0;
    GLint u_values = -1, u_mode = -1, u_scale = -1, u_classes = -1, u_palette = -1;
    int size = 160;            // output texels per side
    std::vector<HeatmapSlot> slots;
};

bool heatmap_init(HeatmapRenderer& r);
// Redraws the slots whose grid changed; call before ImGui renders (restores framebuffer 0).
void heatmap_update(HeatmapRenderer& r, const BoundaryGrids& g, TaskKind task, int classes);

}  // namespace lrlab
