// The landscape map on the GPU: shaders/landscape_fs.glsl evaluates the surface config's
// function per pixel into an RGBA8 texture that ImGui shows. The same program, in its probe
// modes, writes the bits of x, y and f(x, y) so that a browser test can read back what the
// shader computed and compare it with the engine (landscape_probe).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <GLES3/gl3.h>

namespace lrlab
{

struct SurfaceConfig;
struct LandscapeRange;

// The surface functions the shader knows, in the order of its u_function switch.
const std::vector<std::string>& landscape_shader_functions();

struct LandscapeGl
{
    GLuint program = 0, vao = 0;
    GLuint texture = 0, fbo = 0;
    int width = 0, height = 0;      // texture size
    GLint u_function = -1, u_view = -1, u_size = -1, u_lo = -1, u_span = -1, u_levels = -1,
          u_mode = -1;
    std::uint64_t drawn = ~0ull;    // view_version last drawn
    bool failed = false;            // the program did not build
};

struct LandscapeProbe
{
    float x, y, shader;             // what the shader computed at a pixel
};

bool landscape_gl_init(LandscapeGl& g);
// Redraws the map at (width, height) pixels when the view or the size changed. Returns false
// when the function has no shader (the panel then says so).
bool landscape_gl_draw(LandscapeGl& g, const SurfaceConfig& c, const LandscapeRange& range,
                       float levels, std::uint64_t view_version, int width, int height);
// Renders the probe modes at n x n pixels over the config's view and reads them back.
std::vector<LandscapeProbe> landscape_probe(LandscapeGl& g, const SurfaceConfig& c, int n);

}  // namespace lrlab
