// The data points on the decision-boundary heatmaps, on the GPU: one vertex buffer of every
// train and test point (position and colour), uploaded when the data changes and drawn as GL
// points into each run's heatmap texture (gl_heatmap.cpp) whenever that texture is redrawn.
// Drawing 8 x 250 circles with outlines on ImDrawList every frame cost most of the UI's time.
#pragma once

#include <cstddef>
#include <cstdint>

#include <GLES3/gl3.h>

#include "app/boundary_grid.hpp"

namespace lrlab
{

struct PointLayer
{
    GLuint program = 0;
    GLuint vao = 0;
    GLuint vbo = 0;
    GLint u_extent = -1, u_radius = -1, u_hollow = -1;
    int train = 0, test = 0;        // points in the buffer: train first, then test
    std::uint64_t version = 0;      // BoundaryGrids::version the buffer holds
    bool show_test = false;
    float extent = 1.0f;
    std::uint64_t stamp = 1;        // bumps whenever what points_draw draws changes
};

bool points_init(PointLayer& p);
// Re-uploads the points when the grids' version (the config, hence the data) changed, and
// bumps `stamp` when that or `show_test` changed. Cheap when nothing did.
void points_update(PointLayer& p, const Dataset& d, const BoundaryGrids& g, bool show_test);
// Draws the points into the bound framebuffer (viewport = the whole plane) with a radius in
// texels; leaves blending off.
void points_draw(const PointLayer& p, float radius);

}  // namespace lrlab
