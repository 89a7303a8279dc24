// 2-D test functions for the loss-landscape view (ensmallen's and Wikipedia's "Test functions
// for optimization"), each with its analytic gradient, evaluated in float32 like training.
// Transcendentals (rastrigin) go through detmath in double and are rounded to float.
#include "core/surface/functions.hpp"

#include <cmath>
#include <limits>

#include "core/math/detmath.hpp"

namespace lrlab
{
namespace
{

constexpr double kTwoPi = 6.283185307179586476925286766559;

struct Surface
{
    SurfaceInfo info;
    float (*value)(float x, float y);
    void (*grad)(float x, float y, float& gx, float& gy);
};

// Rosenbrock (1960): a curved valley, minimum f(1, 1) = 0.
float rosenbrock(float x, float y)
{
    const float a = 1.0f - x;
    const float b = y - x * x;
    return a * a + 100.0f * b * b;
}
void rosenbrock_grad(float x, float y, float& gx, float& gy)
{
    const float a = 1.0f - x;
    const float b = y - x * x;
    gx = -2.0f * a - 400.0f * x * b;
    gy = 200.0f * b;
}

// Beale: sharp ridges and flat plateaus, minimum f(3, 0.5) = 0.
float beale(float x, float y)
{
    const float t1 = 1.5f - x + x * y;
    const float t2 = 2.25f - x + x * y * y;
    const float t3 = 2.625f - x + x * y * y * y;
    return t1 * t1 + t2 * t2 + t3 * t3;
}
void beale_grad(float x, float y, float& gx, float& gy)
{
    const float y2 = y * y;
    const float y3 = y2 * y;
    const float t1 = 1.5f - x + x * y;
    const float t2 = 2.25f - x + x * y2;
    const float t3 = 2.625f - x + x * y3;
    gx = 2.0f * t1 * (y - 1.0f) + 2.0f * t2 * (y2 - 1.0f) + 2.0f * t3 * (y3 - 1.0f);
    gy = 2.0f * t1 * x + 4.0f * t2 * x * y + 6.0f * t3 * x * y2;
}

// Himmelblau (1972): four equal minima f = 0, one at (3, 2).
float himmelblau(float x, float y)
{
    const float a = x * x + y - 11.0f;
    const float b = x + y * y - 7.0f;
    return a * a + b * b;
}
void himmelblau_grad(float x, float y, float& gx, float& gy)
{
    const float a = x * x + y - 11.0f;
    const float b = x + y * y - 7.0f;
    gx = 4.0f * x * a + 2.0f * b;
    gy = 2.0f * a + 4.0f * y * b;
}

// Rastrigin (A = 10): a regular grid of local minima, global minimum f(0, 0) = 0.
float cos_2pi(float t) { return static_cast<float>(detmath::cos(kTwoPi * t)); }
float sin_2pi(float t) { return static_cast<float>(detmath::sin(kTwoPi * t)); }
float rastrigin(float x, float y)
{
    return 20.0f + (x * x - 10.0f * cos_2pi(x)) + (y * y - 10.0f * cos_2pi(y));
}
void rastrigin_grad(float x, float y, float& gx, float& gy)
{
    const float k = static_cast<float>(10.0 * kTwoPi);  // d/dt -10 cos(2 pi t) = 20 pi sin(2 pi t)
    gx = 2.0f * x + k * sin_2pi(x);
    gy = 2.0f * y + k * sin_2pi(y);
}

// A saddle: no minimum; (0, 0) is its stationary point.
float saddle(float x, float y) { return x * x - y * y; }
void saddle_grad(float x, float y, float& gx, float& gy)
{
    gx = 2.0f * x;
    gy = -2.0f * y;
}

// An ill-conditioned bowl (condition number 10), minimum f(0, 0) = 0.
float quadratic(float x, float y) { return 0.5f * (x * x + 10.0f * y * y); }
void quadratic_grad(float x, float y, float& gx, float& gy)
{
    gx = x;
    gy = 10.0f * y;
}

// Six-hump camel (Dixon and Szego 1978): six local minima, two of them global,
// f(0.0898, -0.7126) = f(-0.0898, 0.7126) = -1.0316.
float six_hump_camel(float x, float y)
{
    const float x2 = x * x;
    const float y2 = y * y;
    return (4.0f - 2.1f * x2 + x2 * x2 / 3.0f) * x2 + x * y + (-4.0f + 4.0f * y2) * y2;
}
void six_hump_camel_grad(float x, float y, float& gx, float& gy)
{
    const float x2 = x * x;
    gx = 8.0f * x - 8.4f * x2 * x + 2.0f * x2 * x2 * x + y;
    gy = x - 8.0f * y + 16.0f * y * y * y;
}

// Ackley (1987), a = 20, b = 0.2, c = 2 pi: a nearly flat outer region pitted with local
// minima around one deep global minimum f(0, 0) = 0. The exponentials, the square root and the
// cosines are evaluated in double (detmath, std::sqrt is exact-rounded) and rounded to float.
double ackley_radius(float x, float y)
{
    return std::sqrt(0.5 * (double(x) * x + double(y) * y));
}
double ackley_wave(float x, float y)
{
    return detmath::exp(0.5 * (detmath::cos(kTwoPi * x) + detmath::cos(kTwoPi * y)));
}
float ackley(float x, float y)
{
    const double e = 2.718281828459045235360287471352662;
    return static_cast<float>(-20.0 * detmath::exp(-0.2 * ackley_radius(x, y)) -
                              ackley_wave(x, y) + e + 20.0);
}
// At the origin the radius has no derivative; 0 (a subgradient, and the limit along any line)
// keeps an optimizer that lands there in place.
void ackley_grad(float x, float y, float& gx, float& gy)
{
    const double r = ackley_radius(x, y);
    const double pull = r > 0.0 ? 2.0 * detmath::exp(-0.2 * r) / r : 0.0;
    const double wave = kTwoPi / 2.0 * ackley_wave(x, y);
    gx = static_cast<float>(pull * x + wave * detmath::sin(kTwoPi * x));
    gy = static_cast<float>(pull * y + wave * detmath::sin(kTwoPi * y));
}

// Styblinski-Tang (1990): one global minimum f(-2.9035, -2.9035) = -78.332 and three local
// ones where either coordinate sits near 2.7468 instead.
float styblinski_tang(float x, float y)
{
    const float x2 = x * x;
    const float y2 = y * y;
    return 0.5f * ((x2 * x2 - 16.0f * x2 + 5.0f * x) + (y2 * y2 - 16.0f * y2 + 5.0f * y));
}
void styblinski_tang_grad(float x, float y, float& gx, float& gy)
{
    gx = 0.5f * (4.0f * x * x * x - 32.0f * x + 5.0f);
    gy = 0.5f * (4.0f * y * y * y - 32.0f * y + 5.0f);
}

const std::vector<Surface>& surfaces()
{
    static const std::vector<Surface> table = {
        {{"rosenbrock", "(1-x)^2 + 100(y-x^2)^2", -2.0, 2.0, -1.0, 3.0, 1.0, 1.0}, rosenbrock,
         rosenbrock_grad},
        {{"beale", "(1.5-x+xy)^2 + (2.25-x+xy^2)^2 + (2.625-x+xy^3)^2", -4.5, 4.5, -4.5, 4.5, 3.0,
          0.5},
         beale, beale_grad},
        {{"himmelblau", "(x^2+y-11)^2 + (x+y^2-7)^2", -5.0, 5.0, -5.0, 5.0, 3.0, 2.0}, himmelblau,
         himmelblau_grad},
        {{"rastrigin", "20 + x^2 - 10cos(2 pi x) + y^2 - 10cos(2 pi y)", -5.12, 5.12, -5.12, 5.12,
          0.0, 0.0},
         rastrigin, rastrigin_grad},
        {{"saddle", "x^2 - y^2", -2.0, 2.0, -2.0, 2.0, 0.0, 0.0}, saddle, saddle_grad},
        {{"quadratic", "0.5(x^2 + 10y^2)", -3.0, 3.0, -3.0, 3.0, 0.0, 0.0}, quadratic,
         quadratic_grad},
        {{"six_hump_camel", "(4 - 2.1x^2 + x^4/3)x^2 + xy + (-4 + 4y^2)y^2", -2.0, 2.0, -1.2, 1.2,
          0.08984201368301331, -0.7126564032704135, -1.031628453489877},
         six_hump_camel, six_hump_camel_grad},
        {{"ackley", "-20exp(-0.2 sqrt(0.5(x^2+y^2))) - exp(0.5(cos 2 pi x + cos 2 pi y)) + e + 20",
          -5.0, 5.0, -5.0, 5.0, 0.0, 0.0},
         ackley, ackley_grad},
        {{"styblinski_tang", "0.5(x^4 - 16x^2 + 5x + y^4 - 16y^2 + 5y)", -5.0, 5.0, -5.0, 5.0,
          -2.903534027771178, -2.903534027771178, -78.33233140754284},
         styblinski_tang, styblinski_tang_grad},
    };
    return table;
}

const Surface* find(const std::string& name)
{
    for (const Surface& s : surfaces())
        if (name == s.info.name)
            return &s;
    return nullptr;
}

}  // namespace

const std::vector<SurfaceInfo>& surface_registry()
{
    static const std::vector<SurfaceInfo> infos = []
    {
        std::vector<SurfaceInfo> out;
        for (const Surface& s : surfaces())
            out.push_back(s.info);
        return out;
    }();
    return infos;
}

const SurfaceInfo* find_surface(const std::string& name)
{
    for (const SurfaceInfo& info : surface_registry())
        if (name == info.name)
            return &info;
    return nullptr;
}

float surface_value(const std::string& name, float x, float y)
{
    const Surface* s = find(name);
    return s ? s->value(x, y) : std::numeric_limits<float>::quiet_NaN();
}

void surface_grad(const std::string& name, float x, float y, float& gx, float& gy)
{
    const Surface* s = find(name);
    if (s)
        s->grad(x, y, gx, gy);
    else
        gx = gy = std::numeric_limits<float>::quiet_NaN();
}

}  // namespace lrlab
