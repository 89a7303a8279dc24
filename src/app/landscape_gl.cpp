// The landscape map's GL resources (landscape_gl.hpp).
#include "app/landscape_gl.hpp"

#include <algorithm>
#include <cstring>

#include "app/gl_program.hpp"
#include "app/landscape_state.hpp"
#include "app/shaders.hpp"

namespace lrlab
{

const std::vector<std::string>& landscape_shader_functions()
{
    static const std::vector<std::string> names = {
        "rosenbrock", "beale", "himmelblau", "rastrigin", "saddle", "quadratic",
        "six_hump_camel", "ackley", "styblinski_tang"};
    return names;
}

namespace
{

int shader_index(const std::string& function)
{
    const auto& names = landscape_shader_functions();
    const auto it = std::find(names.begin(), names.end(), function);
    return it == names.end() ? -1 : int(it - names.begin());
}

void size_target(LandscapeGl& g, int width, int height)
{
    if (!g.texture)
    {
        glGenTextures(1, &g.texture);
        glBindTexture(GL_TEXTURE_2D, g.texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glGenFramebuffers(1, &g.fbo);
    }
    if (g.width == width && g.height == height)
        return;
    glBindTexture(GL_TEXTURE_2D, g.texture);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 nullptr);
    glBindFramebuffer(GL_FRAMEBUFFER, g.fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, g.texture, 0);
    g.width = width;
    g.height = height;
    g.drawn = ~0ull;
}

void set_uniforms(const LandscapeGl& g, const SurfaceConfig& c, int index, int width, int height)
{
    glUseProgram(g.program);
    glBindVertexArray(g.vao);
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    glUniform1i(g.u_function, index);
    glUniform4f(g.u_view, float(c.view_x[0]), float(c.view_x[1]), float(c.view_y[0]),
                float(c.view_y[1]));
    glUniform2f(g.u_size, float(width), float(height));
}

void finish()
{
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glBindVertexArray(0);
    glUseProgram(0);
}

}  // namespace

bool landscape_gl_init(LandscapeGl& g)
{
    g.program = gl_make_program(shaders::heatmap_vs, shaders::landscape_fs);
    g.failed = !g.program;
    if (g.failed)
        return false;
    glGenVertexArrays(1, &g.vao);
    for (auto [name, at] : {std::pair<const char*, GLint*>{"u_function", &g.u_function},
                            {"u_view", &g.u_view}, {"u_size", &g.u_size}, {"u_lo", &g.u_lo},
                            {"u_span", &g.u_span}, {"u_levels", &g.u_levels},
                            {"u_mode", &g.u_mode}})
        *at = glGetUniformLocation(g.program, name);
    return true;
}

bool landscape_gl_draw(LandscapeGl& g, const SurfaceConfig& c, const LandscapeRange& range,
                       float levels, std::uint64_t view_version, int width, int height)
{
    const int index = shader_index(c.function);
    if (index < 0 || (!g.program && (g.failed || !landscape_gl_init(g))))
        return false;
    width = std::clamp(width, 16, 4096);
    height = std::clamp(height, 16, 4096);
    size_target(g, width, height);
    if (g.drawn == view_version)
        return true;
    g.drawn = view_version;
    set_uniforms(g, c, index, width, height);
    glUniform1f(g.u_lo, float(range.lo));
    glUniform1f(g.u_span, float(range.hi - range.lo));
    glUniform1f(g.u_levels, levels);
    glUniform1i(g.u_mode, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, g.fbo);
    glViewport(0, 0, width, height);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    finish();
    return true;
}

std::vector<LandscapeProbe> landscape_probe(LandscapeGl& g, const SurfaceConfig& c, int n)
{
    const int index = shader_index(c.function);
    if (index < 0 || n < 1 || n > 256 || (!g.program && (g.failed || !landscape_gl_init(g))))
        return {};
    GLuint tex = 0, fbo = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, n, n, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    set_uniforms(g, c, index, n, n);
    glViewport(0, 0, n, n);
    std::vector<unsigned char> bytes[3];
    for (int mode = 1; mode <= 3; ++mode)
    {
        glUniform1i(g.u_mode, mode);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        bytes[mode - 1].resize(std::size_t(n) * n * 4);
        glReadPixels(0, 0, n, n, GL_RGBA, GL_UNSIGNED_BYTE, bytes[mode - 1].data());
    }
    finish();
    glDeleteFramebuffers(1, &fbo);
    glDeleteTextures(1, &tex);
    g.drawn = ~0ull;  // the program's uniforms changed: redraw the map
    std::vector<LandscapeProbe> out(std::size_t(n) * n);
    for (std::size_t k = 0; k < out.size(); ++k)
    {
        float v[3];
        for (int m = 0; m < 3; ++m)  // little-endian bytes of the float, as the shader packed
        {
            const unsigned char* b = &bytes[m][4 * k];
            const std::uint32_t u = std::uint32_t(b[0]) | std::uint32_t(b[1]) << 8 |
                                    std::uint32_t(b[2]) << 16 | std::uint32_t(b[3]) << 24;
            std::memcpy(&v[m], &u, sizeof u);
        }
        out[k] = {v[0], v[1], v[2]};
    }
    return out;
}

}  // namespace lrlab
