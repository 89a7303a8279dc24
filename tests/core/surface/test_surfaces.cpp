// 2-D test functions: values against the formulas in double, analytic gradients against
// central finite differences (in double) over each viewing window, and the minima.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/surface/functions.hpp"

using namespace lrlab;

namespace
{

const double kPi = 3.14159265358979323846;

// The formulas, in double, written from their definitions (not from surface/functions.cpp).
double reference_value(const std::string& name, double x, double y)
{
    if (name == "rosenbrock")
        return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    if (name == "beale")
        return std::pow(1.5 - x + x * y, 2) + std::pow(2.25 - x + x * y * y, 2) +
               std::pow(2.625 - x + x * y * y * y, 2);
    if (name == "himmelblau")
        return std::pow(x * x + y - 11, 2) + std::pow(x + y * y - 7, 2);
    if (name == "rastrigin")
        return 20 + x * x - 10 * std::cos(2 * kPi * x) + y * y - 10 * std::cos(2 * kPi * y);
    if (name == "saddle")
        return x * x - y * y;
    if (name == "quadratic")
        return 0.5 * (x * x + 10 * y * y);
    if (name == "six_hump_camel")
        return (4 - 2.1 * x * x + std::pow(x, 4) / 3) * x * x + x * y + (-4 + 4 * y * y) * y * y;
    if (name == "ackley")
        return -20 * std::exp(-0.2 * std::sqrt(0.5 * (x * x + y * y))) -
               std::exp(0.5 * (std::cos(2 * kPi * x) + std::cos(2 * kPi * y))) + std::exp(1.0) +
               20;
    if (name == "styblinski_tang")
        return 0.5 * (std::pow(x, 4) - 16 * x * x + 5 * x + std::pow(y, 4) - 16 * y * y + 5 * y);
    return std::nan("");
}

}  // namespace

TEST_CASE("the registry lists the nine functions with windows around their minima")
{
    const char* names[] = {"rosenbrock", "beale",          "himmelblau", "rastrigin",
                           "saddle",     "quadratic",      "six_hump_camel", "ackley",
                           "styblinski_tang"};
    REQUIRE(surface_registry().size() == std::size(names));
    for (std::size_t i = 0; i < std::size(names); ++i)
    {
        const SurfaceInfo& s = surface_registry()[i];
        CHECK(std::string(s.name) == names[i]);
        CHECK(find_surface(names[i]) == &s);
        CHECK(std::string(s.formula).size() > 3);
        CHECK(s.xmin < s.min_x);
        CHECK(s.min_x < s.xmax);
        CHECK(s.ymin < s.min_y);
        CHECK(s.min_y < s.ymax);
    }
    CHECK(find_surface("rosenbrok") == nullptr);
    CHECK(std::isnan(surface_value("rosenbrok", 0.0f, 0.0f)));
}

TEST_CASE("values and analytic gradients match the formulas and finite differences")
{
    for (const SurfaceInfo& s : surface_registry())
    {
        const std::string name = s.name;
        CAPTURE(name);
        const int n = 9;
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
            {
                const float x = float(s.xmin + (s.xmax - s.xmin) * (i + 0.37) / n);
                const float y = float(s.ymin + (s.ymax - s.ymin) * (j + 0.61) / n);
                CAPTURE(x);
                CAPTURE(y);
                const double f = reference_value(name, x, y);
                CHECK(surface_value(name, x, y) == doctest::Approx(f).epsilon(1e-5).scale(1.0));
                const double h = 1e-6;
                const double fx = (reference_value(name, x + h, y) -
                                   reference_value(name, x - h, y)) / (2 * h);
                const double fy = (reference_value(name, x, y + h) -
                                   reference_value(name, x, y - h)) / (2 * h);
                float gx = 0.0f, gy = 0.0f;
                surface_grad(name, x, y, gx, gy);
                // float32 evaluation: relative 1e-4 of the gradient's scale
                const double scale = 1.0 + std::fabs(fx) + std::fabs(fy);
                CHECK(std::fabs(gx - fx) < 1e-4 * scale);
                CHECK(std::fabs(gy - fy) < 1e-4 * scale);
            }
    }
}

TEST_CASE("the gradient vanishes at the listed minimum (and at himmelblau's other three)")
{
    for (const SurfaceInfo& s : surface_registry())
    {
        const std::string name = s.name;
        CAPTURE(name);
        float gx = 1.0f, gy = 1.0f;
        surface_grad(name, float(s.min_x), float(s.min_y), gx, gy);
        const float f = surface_value(name, float(s.min_x), float(s.min_y));
        if (s.min_value == 0.0 && name != "ackley")  // minima at exact float points
        {
            CHECK(gx == 0.0f);
            CHECK(gy == 0.0f);
            CHECK(f == 0.0f);
            continue;
        }
        // Irrational minima: the float point nearest the minimum, within float32's reach.
        CHECK(std::fabs(gx) < 1e-4);
        CHECK(std::fabs(gy) < 1e-4);
        CHECK(f == doctest::Approx(s.min_value).epsilon(1e-6).scale(1.0));
        // ... and a global one: no grid point of the window is lower.
        double lowest = INFINITY;
        for (int i = 0; i <= 200; ++i)
            for (int j = 0; j <= 200; ++j)
                lowest = std::min(lowest, reference_value(name, s.xmin + (s.xmax - s.xmin) * i / 200.0,
                                                          s.ymin + (s.ymax - s.ymin) * j / 200.0));
        CHECK(lowest >= s.min_value - 1e-9);
    }
    const float others[3][2] = {{-2.805118f, 3.131312f}, {-3.779310f, -3.283186f},
                                {3.584428f, -1.848126f}};
    for (const auto& m : others)
    {
        float gx = 1.0f, gy = 1.0f;
        surface_grad("himmelblau", m[0], m[1], gx, gy);
        CHECK(std::fabs(gx) < 1e-4);
        CHECK(std::fabs(gy) < 1e-4);
    }
}
