// Heatmap textures (gl_heatmap.hpp).
#include "app/gl_heatmap.hpp"

#include <algorithm>

#include "app/colors.hpp"
#include "app/gl_program.hpp"
#include "app/shaders.hpp"

namespace lrlab
{

bool heatmap_init(HeatmapRenderer& r)
{
    r.program = gl_make_program(shaders::heatmap_vs, shaders::heatmap_fs);
    if (!r.program)
        return false;
    glGenVertexArrays(1, &r.vao);
    r.u_values = glGetUniformLocation(r.program, "u_values");
    r.u_mode = glGetUniformLocation(r.program, "u_mode");
    r.u_scale = glGetUniformLocation(r.program, "u_scale");
    r.u_classes = glGetUniformLocation(r.program, "u_classes");
    r.u_palette = glGetUniformLocation(r.program, "u_palette");
    points_init(r.points);
    gpu_grid_init(r.grid);
    return true;
}

namespace
{

void set_params(GLenum filter)
{
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

void make_slot(HeatmapSlot& s)
{
    glGenTextures(1, &s.values);
    glBindTexture(GL_TEXTURE_2D, s.values);
    set_params(GL_NEAREST);  // float textures are not filterable in WebGL2 (the shader is)
    glGenTextures(1, &s.color);
    glBindTexture(GL_TEXTURE_2D, s.color);
    set_params(GL_LINEAR);
    glGenFramebuffers(1, &s.fbo);
}

// (Re)allocates the colour texture at `size` texels and attaches it; the slot must be redrawn.
void size_slot(HeatmapSlot& s, int size)
{
    glBindTexture(GL_TEXTURE_2D, s.color);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, size, size, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glBindFramebuffer(GL_FRAMEBUFFER, s.fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, s.color, 0);
    s.size = size;
    s.step = -1;
}

void begin_heatmaps(const HeatmapRenderer& r, const BoundaryGrids& g, TaskKind task, int classes)
{
    glUseProgram(r.program);
    glBindVertexArray(r.vao);
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    glActiveTexture(GL_TEXTURE0);
    glUniform1i(r.u_values, 0);
    glUniform1i(r.u_mode, task == TaskKind::binary ? 0 : task == TaskKind::regression ? 1 : 2);
    glUniform1f(r.u_scale, float(g.value_scale));
    glUniform1i(r.u_classes, classes);
    float palette[24];
    for (int k = 0; k < 8; ++k)
        class_color_rgb(k, palette + 3 * k);
    glUniform3fv(r.u_palette, 8, palette);
}

// The run's values into s.values: computed there, or uploaded from the CPU grid.
void fill_values(HeatmapRenderer& r, HeatmapSlot& s, const BoundaryGrids& g, const Experiment& e,
                 std::size_t run)
{
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, s.values);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    if (!g.on_gpu)
    {
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RG32F, g.res, g.res, 0, GL_RG, GL_FLOAT,
                     g.runs[run].values.data());
        s.values_res = g.res;
        return;
    }
    if (s.values_res != g.res)
    {
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RG32F, g.res, g.res, 0, GL_RG, GL_FLOAT, nullptr);
        s.values_res = g.res;
    }
    gpu_grid_render(r.grid, e, run, g.extent, g.res, s.values);
}

}  // namespace

void heatmap_update(HeatmapRenderer& r, const BoundaryGrids& g, const Experiment& e)
{
    if (!r.program || !g.planar)
        return;
    bool drew = false;
    const int size = std::clamp(r.size, 16, 1024);
    // The points' radius as the ImDrawList circles had it: 1/90 of the tile, at least 1.5 px.
    const float radius = std::max(1.5f, float(size) / 90.0f);
    for (std::size_t i = 0; i < g.runs.size(); ++i)
    {
        const RunGrid& grid = g.runs[i];
        if (i >= r.slots.size())
        {
            r.slots.emplace_back();
            make_slot(r.slots.back());
        }
        HeatmapSlot& s = r.slots[i];
        const std::size_t n = std::size_t(g.res) * std::size_t(g.res) * 2;
        const bool ready = g.on_gpu ? grid.step >= 0 && !e.run(i).diverged()
                                    : grid.values.size() == n;
        if (!ready)
            continue;
        if (s.size != size)
            size_slot(s, size);
        if (s.step == grid.step && s.version == grid.version && s.points == r.points.stamp)
            continue;
        s.step = grid.step;
        s.version = grid.version;
        s.points = r.points.stamp;
        fill_values(r, s, g, e, i);
        begin_heatmaps(r, g, e.dataset().task, e.dataset().classes);
        drew = true;
        glBindTexture(GL_TEXTURE_2D, s.values);
        glBindFramebuffer(GL_FRAMEBUFFER, s.fbo);
        glViewport(0, 0, size, size);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        points_draw(r.points, radius);
    }
    if (drew)
    {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glBindVertexArray(0);
        glBindTexture(GL_TEXTURE_2D, 0);
    }
}

}  // namespace lrlab
