// The 2-D generators, modelled on TensorFlow Playground's datasets (its square [-6, 6]^2, its
// shapes), written afresh. Classes are balanced: sample i belongs to class i mod k, and the
// split shuffles them. Noise moves the points (Gaussian, labels kept), so noise 1 makes the
// classes overlap about as much as Playground's noise 50. Labels: 1 is Playground's "blue".
#include <cmath>

#include "core/data/generators.hpp"
#include "core/math/detmath.hpp"

namespace lrlab::datagen
{
namespace
{
constexpr double two_pi = 6.283185307179586;

double clamp_extent(double v)
{
    return v < -extent ? -extent : (v > extent ? extent : v);
}

void push_point(Samples& s, double x1, double x2, double label)
{
    s.x.push_back(clamp_extent(x1));
    s.x.push_back(clamp_extent(x2));
    s.y.push_back(label);
}

// (x1, x2) moved by independent N(0, sd^2) offsets. The two draws are sequenced explicitly:
// the order in which function arguments are evaluated differs between GCC and clang.
void push_noisy(Samples& s, double x1, double x2, double label, double sd, Rng& rng)
{
    const double e1 = rng.normal();
    const double e2 = rng.normal();
    push_point(s, x1 + sd * e1, x2 + sd * e2, label);
}

Samples reserve(int n, int dims)
{
    Samples s;
    s.x.reserve(static_cast<std::size_t>(n) * dims);
    s.y.reserve(static_cast<std::size_t>(n));
    return s;
}

// A point at radius r, angle t (radians).
void polar(double r, double t, double& x1, double& x2)
{
    x1 = r * detmath::cos(t);
    x2 = r * detmath::sin(t);
}
}  // namespace

// Label 1: disc of radius 2.5; label 0: ring 3.5 <= r <= 5. Uniform over the area.
Samples circle(int n, double noise, int, Rng& pos, Rng& noise_rng)
{
    Samples s = reserve(n, 2);
    const double sd = 1.2 * noise;
    for (int i = 0; i < n; ++i)
    {
        const bool inner = i % 2 == 1;
        const double r_lo = inner ? 0.0 : 3.5;
        const double r_hi = inner ? 2.5 : 5.0;
        const double r = std::sqrt(pos.uniform(r_lo * r_lo, r_hi * r_hi));
        double x1, x2;
        polar(r, pos.uniform(0.0, two_pi), x1, x2);
        push_noisy(s, x1, x2, inner ? 1 : 0, sd, noise_rng);
    }
    return s;
}

// Label 1 where x1 and x2 have the same sign; |xi| in [0.3, 5.7] keeps a margin at the axes.
Samples exclusive_or(int n, double noise, int, Rng& pos, Rng& noise_rng)
{
    Samples s = reserve(n, 2);
    const double sd = 1.5 * noise;
    for (int i = 0; i < n; ++i)
    {
        const bool same = i % 2 == 1;
        const double sign1 = pos.uniform() < 0.5 ? -1.0 : 1.0;
        const double sign2 = same ? sign1 : -sign1;
        const double x1 = sign1 * pos.uniform(0.3, 5.7);
        const double x2 = sign2 * pos.uniform(0.3, 5.7);
        push_noisy(s, x1, x2, same ? 1 : 0, sd, noise_rng);
    }
    return s;
}

// Label 1 around (2, 2), label 0 around (-2, -2); the spread grows with noise as Playground's
// variance does (0.5 at noise 0, 4 at noise 1).
Samples gauss(int n, double noise, int, Rng& pos, Rng& noise_rng)
{
    Samples s = reserve(n, 2);
    const double sd = std::sqrt(0.5 + 3.5 * noise);
    for (int i = 0; i < n; ++i)
    {
        const double c = i % 2 == 1 ? 2.0 : -2.0;
        push_noisy(s, c, c, i % 2, sd, pos);
    }
    (void)noise_rng;
    return s;
}

// Two arms r = 5u, angle = 3.5 pi u (+ pi for the second arm), u uniform in [0, 1].
Samples spiral(int n, double noise, int, Rng& pos, Rng& noise_rng)
{
    Samples s = reserve(n, 2);
    const double sd = 0.6 * noise;
    for (int i = 0; i < n; ++i)
    {
        const int arm = i % 2;
        const double u = pos.uniform();
        double x1, x2;
        polar(5.0 * u, 1.75 * two_pi * u + arm * (two_pi / 2), x1, x2);
        push_noisy(s, x1, x2, arm, sd, noise_rng);
    }
    return s;
}

// sklearn's make_moons shapes (upper arc (cos t, sin t), lower arc (1 - cos t, 1/2 - sin t)),
// centred and scaled by 3.6 to span [-5.4, 5.4] x [-2.7, 2.7]. Label 1 is the upper moon.
Samples moons(int n, double noise, int, Rng& pos, Rng& noise_rng)
{
    Samples s = reserve(n, 2);
    const double sd = 1.2 * noise;
    for (int i = 0; i < n; ++i)
    {
        const bool upper = i % 2 == 1;
        const double t = pos.uniform(0.0, two_pi / 2);
        const double c = detmath::cos(t);
        const double sn = detmath::sin(t);
        const double u1 = upper ? c : 1.0 - c;
        const double u2 = upper ? sn : 0.5 - sn;
        const double x1 = 3.6 * (u1 - 0.5);
        const double x2 = 3.6 * (u2 - 0.25);
        push_noisy(s, x1, x2, upper ? 1 : 0, sd, noise_rng);
    }
    return s;
}

// 4 x 4 cells of side 3 on [-6, 6]^2; label 1 where the cell's row + column is odd. Each sample
// picks one of its class's 8 cells, then a uniform point inside.
Samples checkerboard(int n, double noise, int, Rng& pos, Rng& noise_rng)
{
    Samples s = reserve(n, 2);
    const double sd = 0.8 * noise;
    for (int i = 0; i < n; ++i)
    {
        const int label = i % 2;
        const int cell = static_cast<int>(pos.below(8));  // the cell-th cell of that parity
        const int row = cell / 2;
        const int col = 2 * (cell % 2) + ((row + label) % 2);
        const double x1 = -extent + 3.0 * col + pos.uniform(0.0, 3.0);
        const double x2 = -extent + 3.0 * row + pos.uniform(0.0, 3.0);
        push_noisy(s, x1, x2, label, sd, noise_rng);
    }
    return s;
}

// k Gaussian blobs (sd 0.6 at noise 0, 2 at noise 1) centred on the circle of radius 4, class c
// at angle 2 pi c / k + pi / 4.
Samples blobs(int n, double noise, int classes, Rng& pos, Rng& noise_rng)
{
    Samples s = reserve(n, 2);
    const int k = classes < 2 ? 2 : classes;
    const double sd = 0.6 + 1.4 * noise;
    for (int i = 0; i < n; ++i)
    {
        const int c = i % k;
        double m1, m2;
        polar(4.0, two_pi * c / k + two_pi / 8, m1, m2);
        push_noisy(s, m1, m2, c, sd, pos);
    }
    (void)noise_rng;
    return s;
}

// Target (x1 + x2) / 12 in [-1, 1], evaluated at a noisy copy of the point (sd 3 at noise 1,
// as Playground does), clamped to [-1, 1].
Samples reg_plane(int n, double noise, int, Rng& pos, Rng& noise_rng)
{
    Samples s = reserve(n, 2);
    const double sd = 3.0 * noise;
    for (int i = 0; i < n; ++i)
    {
        const double x1 = pos.uniform(-extent, extent);
        const double x2 = pos.uniform(-extent, extent);
        const double e1 = noise_rng.normal();
        const double e2 = noise_rng.normal();
        const double t = ((x1 + sd * e1) + (x2 + sd * e2)) / 12.0;
        push_point(s, x1, x2, t < -1.0 ? -1.0 : (t > 1.0 ? 1.0 : t));
    }
    return s;
}

// Target: signed Gaussian bumps (width 1.5) at (+-3, +-3) and the origin, summed, evaluated at
// a noisy copy of the point and clamped to [-1, 1].
Samples reg_gauss(int n, double noise, int, Rng& pos, Rng& noise_rng)
{
    struct Bump
    {
        double c1, c2, sign;
    };
    constexpr Bump bumps[] = {{-3, 3, 1}, {3, 3, -1}, {-3, -3, -1}, {3, -3, 1}, {0, 0, 0.8}};
    Samples s = reserve(n, 2);
    const double sd = 1.5 * noise;
    for (int i = 0; i < n; ++i)
    {
        const double x1 = pos.uniform(-extent, extent);
        const double x2 = pos.uniform(-extent, extent);
        const double p1 = x1 + sd * noise_rng.normal();
        const double p2 = x2 + sd * noise_rng.normal();
        double t = 0.0;
        for (const Bump& b : bumps)
        {
            const double d2 = (p1 - b.c1) * (p1 - b.c1) + (p2 - b.c2) * (p2 - b.c2);
            t += b.sign * detmath::exp(-d2 / (2 * 1.5 * 1.5));
        }
        push_point(s, x1, x2, t < -1.0 ? -1.0 : (t > 1.0 ? 1.0 : t));
    }
    return s;
}

}  // namespace lrlab::datagen
