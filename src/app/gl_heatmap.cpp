// Heatmap textures (gl_heatmap.hpp).
#include "app/gl_heatmap.hpp"

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
    return true;
}

namespace
{

void make_slot(HeatmapSlot& s, int size)
{
    glGenTextures(1, &s.values);
    glBindTexture(GL_TEXTURE_2D, s.values);
    // Float textures are not filterable in WebGL2: NEAREST (the shader interpolates).
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glGenTextures(1, &s.color);
    glBindTexture(GL_TEXTURE_2D, s.color);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, size, size, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glGenFramebuffers(1, &s.fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, s.fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, s.color, 0);
}

}  // namespace

void heatmap_update(HeatmapRenderer& r, const BoundaryGrids& g, TaskKind task, int classes)
{
    if (!r.program || !g.planar)
        return;
    bool drew = false;
    for (std::size_t i = 0; i < g.runs.size(); ++i)
    {
        const RunGrid& grid = g.runs[i];
        if (i >= r.slots.size())
        {
            r.slots.emplace_back();
            make_slot(r.slots.back(), r.size);
        }
        HeatmapSlot& s = r.slots[i];
        const std::size_t n = std::size_t(g.res) * std::size_t(g.res) * 2;
        if ((s.step == grid.step && s.version == grid.version) || grid.values.size() != n)
            continue;
        s.step = grid.step;
        s.version = grid.version;
        if (!drew)
        {
            glUseProgram(r.program);
            glBindVertexArray(r.vao);
            glDisable(GL_BLEND);
            glDisable(GL_SCISSOR_TEST);
            glViewport(0, 0, r.size, r.size);
            glActiveTexture(GL_TEXTURE0);
            glUniform1i(r.u_values, 0);
            glUniform1i(r.u_mode, task == TaskKind::binary ? 0 : task == TaskKind::regression ? 1 : 2);
            glUniform1f(r.u_scale, float(g.value_scale));
            glUniform1i(r.u_classes, classes);
            float palette[24];
            for (int k = 0; k < 8; ++k)
                class_color_rgb(k, palette + 3 * k);
            glUniform3fv(r.u_palette, 8, palette);
            drew = true;
        }
        glBindTexture(GL_TEXTURE_2D, s.values);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RG32F, g.res, g.res, 0, GL_RG, GL_FLOAT,
                     grid.values.data());
        glBindFramebuffer(GL_FRAMEBUFFER, s.fbo);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    }
    if (drew)
    {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glBindVertexArray(0);
        glBindTexture(GL_TEXTURE_2D, 0);
    }
}

}  // namespace lrlab
