// Data points drawn as GL points (gl_points.hpp).
#include "app/gl_points.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "app/colors.hpp"
#include "app/gl_program.hpp"
#include "app/shaders.hpp"

namespace lrlab
{

namespace
{

struct Vertex
{
    float x, y;
    std::uint8_t rgba[4];
};

// The colours the ImDrawList points had: the class colour, or for regression orange (< 0) or
// blue (> 0) more opaque the larger the target.
Vertex vertex(const Dataset& d, const BoundaryGrids& g, const Tensor& x, const Vector& y,
              std::size_t i)
{
    float rgb[3];
    float alpha = 1.0f;
    if (d.task == TaskKind::regression)
    {
        const float t = float(std::clamp(y(i) / g.value_scale, -1.0, 1.0));
        class_color_rgb(t < 0 ? 0 : 1, rgb);
        alpha = 0.35f + 0.65f * std::fabs(t);
    }
    else
        class_color_rgb(int(y(i)), rgb);
    Vertex v{x(i, 0), x(i, 1), {}};
    for (int c = 0; c < 3; ++c)
        v.rgba[c] = std::uint8_t(rgb[c] * 255.0f + 0.5f);
    v.rgba[3] = std::uint8_t(alpha * 255.0f + 0.5f);
    return v;
}

void append(std::vector<Vertex>& out, const Dataset& d, const BoundaryGrids& g, const Tensor& x,
            const Vector& y)
{
    if (x.shape(1) < 2)
        return;
    for (std::size_t i = 0; i < x.shape(0); ++i)
        out.push_back(vertex(d, g, x, y, i));
}

}  // namespace

bool points_init(PointLayer& p)
{
    p.program = gl_make_program(shaders::points_vs, shaders::points_fs);
    if (!p.program)
        return false;
    p.u_extent = glGetUniformLocation(p.program, "u_extent");
    p.u_radius = glGetUniformLocation(p.program, "u_radius");
    p.u_hollow = glGetUniformLocation(p.program, "u_hollow");
    glGenVertexArrays(1, &p.vao);
    glGenBuffers(1, &p.vbo);
    glBindVertexArray(p.vao);
    glBindBuffer(GL_ARRAY_BUFFER, p.vbo);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(Vertex), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(Vertex),
                          reinterpret_cast<const void*>(offsetof(Vertex, rgba)));
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    return true;
}

void points_update(PointLayer& p, const Dataset& d, const BoundaryGrids& g, bool show_test)
{
    if (!p.program || !g.planar)
        return;
    if (p.version == g.version && p.show_test == show_test)
        return;
    ++p.stamp;
    p.show_test = show_test;
    if (p.version == g.version)
        return;
    p.version = g.version;
    p.extent = float(g.extent);
    std::vector<Vertex> v;
    append(v, d, g, d.train_x, d.train_y);
    p.train = int(v.size());
    append(v, d, g, d.test_x, d.test_y);
    p.test = int(v.size()) - p.train;
    glBindBuffer(GL_ARRAY_BUFFER, p.vbo);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(v.size() * sizeof(Vertex)), v.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void points_draw(const PointLayer& p, float radius)
{
    if (!p.program || p.train + p.test == 0)
        return;
    glUseProgram(p.program);
    glBindVertexArray(p.vao);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    // Premultiplied colour; the texture's alpha stays 1.
    glBlendFuncSeparate(GL_ONE, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE);
    glUniform1f(p.u_extent, p.extent);
    glUniform1f(p.u_radius, radius);
    glUniform1i(p.u_hollow, 0);
    glDrawArrays(GL_POINTS, 0, p.train);
    if (p.show_test && p.test > 0)
    {
        glUniform1i(p.u_hollow, 1);
        glDrawArrays(GL_POINTS, p.train, p.test);
    }
    glDisable(GL_BLEND);
}

}  // namespace lrlab
