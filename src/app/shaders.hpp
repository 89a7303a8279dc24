// GLSL ES 3.0 sources of shaders/*.glsl, embedded at build time by cmake/app.cmake.
#pragma once

namespace lrlab::shaders
{
extern const char* const heatmap_vs;
extern const char* const heatmap_fs;
extern const char* const points_vs;
extern const char* const points_fs;
extern const char* const grid_fs;
extern const char* const landscape_fs;
}  // namespace lrlab::shaders
