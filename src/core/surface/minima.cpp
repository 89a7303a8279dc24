// Minima of a surface inside a window (minima.hpp).
#include "core/surface/minima.hpp"

#include <algorithm>
#include <cmath>

#include "core/surface/functions.hpp"

namespace lrlab
{
namespace
{

double value_at(const std::string& f, double x, double y)
{
    return surface_value(f, float(x), float(y));
}

// Steepest descent with a halving step: from a grid point towards the bottom of its basin. In
// a curved valley (Rosenbrock's) it crawls, so it only brings the point close; newton() below
// finishes and decides whether there is a minimum at all.
SurfaceMinimum descend(const std::string& f, double x, double y, double span)
{
    double t = 1e-3 * span;
    double v = value_at(f, x, y);
    for (int it = 0; it < 400 && t > 1e-12 * span; ++it)
    {
        float gx = 0.0f, gy = 0.0f;
        surface_grad(f, float(x), float(y), gx, gy);
        const double g = std::hypot(double(gx), double(gy));
        if (!(g > 0.0) || !std::isfinite(g))
            break;
        const double nx = x - t * gx / g, ny = y - t * gy / g;
        const double nv = value_at(f, nx, ny);
        if (nv < v)
        {
            x = nx, y = ny, v = nv;
            t *= 1.5;
        }
        else
            t *= 0.5;
    }
    return {x, y, v, false};
}

struct Grad
{
    double x = 0.0, y = 0.0;
};
Grad grad_at(const std::string& f, double x, double y)
{
    float gx = 0.0f, gy = 0.0f;
    surface_grad(f, float(x), float(y), gx, gy);
    return {gx, gy};
}

// The Hessian by central differences of the analytic gradient (symmetrised), and the Newton
// step -H^-1 g; false where H is not positive definite (a saddle, a ridge, a kink).
bool newton_step(const std::string& f, double x, double y, double h, double& dx, double& dy)
{
    const Grad g = grad_at(f, x, y);
    const Grad xp = grad_at(f, x + h, y), xm = grad_at(f, x - h, y);
    const Grad yp = grad_at(f, x, y + h), ym = grad_at(f, x, y - h);
    const double hxx = (xp.x - xm.x) / (2 * h), hyy = (yp.y - ym.y) / (2 * h);
    const double hxy = 0.5 * ((xp.y - xm.y) + (yp.x - ym.x)) / (2 * h);
    const double det = hxx * hyy - hxy * hxy;
    if (!(hxx > 0.0 && det > 0.0) || !std::isfinite(det))
        return false;
    dx = -(hyy * g.x - hxy * g.y) / det;
    dy = -(hxx * g.y - hxy * g.x) / det;
    return std::isfinite(dx) && std::isfinite(dy);
}

// Damped Newton from the descended point: a true local minimum is where the Newton step
// vanishes with a positive definite Hessian (the second-order sufficient condition). A point of
// a valley floor that merely beat its eight grid neighbours has a long Newton step along the
// valley; following it leads to the real minimum (a duplicate then) or fails: not a minimum.
bool newton(const std::string& f, SurfaceMinimum& m, double span)
{
    const double h = 1e-4 * span;
    for (int it = 0; it < 60; ++it)
    {
        double dx = 0.0, dy = 0.0;
        if (!newton_step(f, m.x, m.y, h, dx, dy))
            return false;
        if (std::hypot(dx, dy) < 1e-6 * span)
            return true;
        // Backtrack until f does not rise (float32 f is flat within rounding near the bottom).
        double s = 1.0;
        for (; s > 1e-6; s *= 0.5)
            if (value_at(f, m.x + s * dx, m.y + s * dy) <= m.value)
                break;
        if (!(s > 1e-6))
            return std::hypot(dx, dy) < 1e-4 * span;  // the float32 floor of f
        m.x += s * dx, m.y += s * dy;
        m.value = value_at(f, m.x, m.y);
    }
    return false;
}

std::vector<SurfaceMinimum> grid_candidates(const std::string& f, const std::array<double, 2>& vx,
                                            const std::array<double, 2>& vy, int res)
{
    std::vector<double> grid(std::size_t(res) * std::size_t(res));
    const auto at = [&](int i, int j) -> double& { return grid[std::size_t(j) * res + i]; };
    const auto px = [&](int i) { return vx[0] + (vx[1] - vx[0]) * (i + 0.5) / res; };
    const auto py = [&](int j) { return vy[0] + (vy[1] - vy[0]) * (j + 0.5) / res; };
    for (int j = 0; j < res; ++j)
        for (int i = 0; i < res; ++i)
            at(i, j) = value_at(f, px(i), py(j));
    std::vector<SurfaceMinimum> out;
    for (int j = 1; j + 1 < res; ++j)
        for (int i = 1; i + 1 < res; ++i)
        {
            bool lowest = std::isfinite(at(i, j));
            for (int dj = -1; dj <= 1 && lowest; ++dj)
                for (int di = -1; di <= 1 && lowest; ++di)
                    lowest = (di == 0 && dj == 0) || at(i, j) < at(i + di, j + dj);
            if (lowest)
                out.push_back({px(i), py(j), at(i, j), false});
        }
    return out;
}

// Whether (x, y) is no higher than the points around it (the saddle's registry point is not).
bool is_minimum(const std::string& f, double x, double y, double h)
{
    const double v = value_at(f, x, y);
    for (int dj = -1; dj <= 1; ++dj)
        for (int di = -1; di <= 1; ++di)
            if ((di || dj) && value_at(f, x + di * h, y + dj * h) < v)
                return false;
    return true;
}

bool inside(const SurfaceMinimum& m, const std::array<double, 2>& vx,
            const std::array<double, 2>& vy)
{
    return m.x > vx[0] && m.x < vx[1] && m.y > vy[0] && m.y < vy[1];
}

}  // namespace

std::vector<SurfaceMinimum> surface_minima(const std::string& function,
                                           const std::array<double, 2>& view_x,
                                           const std::array<double, 2>& view_y, int res,
                                           std::size_t max_count)
{
    const SurfaceInfo* info = find_surface(function);
    if (!info || res < 3)
        return {};
    const double span = std::max(view_x[1] - view_x[0], view_y[1] - view_y[0]);
    std::vector<SurfaceMinimum> found;
    const SurfaceMinimum global{info->min_x, info->min_y,
                                value_at(function, info->min_x, info->min_y), true};
    if (inside(global, view_x, view_y) && is_minimum(function, global.x, global.y, 1e-3 * span))
        found.push_back(global);
    double lo = global.value, hi = global.value;
    for (const SurfaceMinimum& c : grid_candidates(function, view_x, view_y, res))
    {
        SurfaceMinimum m = descend(function, c.x, c.y, span);
        if (!newton(function, m, span))
            continue;
        lo = std::min(lo, m.value);
        hi = std::max(hi, c.value);
        const bool dup = std::any_of(found.begin(), found.end(), [&](const SurfaceMinimum& o)
                                     { return std::hypot(o.x - m.x, o.y - m.y) < 2e-3 * span; });
        if (!dup && inside(m, view_x, view_y))
            found.push_back(m);
    }
    const double tol = 1e-4 * std::max(1.0, std::abs(hi - lo)) + 1e-6;
    for (SurfaceMinimum& m : found)
        m.global = m.global || std::abs(m.value - info->min_value) <= tol;
    std::sort(found.begin(), found.end(),
              [](const SurfaceMinimum& a, const SurfaceMinimum& b) { return a.value < b.value; });
    if (found.size() > max_count)
        found.resize(max_count);
    return found;
}

}  // namespace lrlab
