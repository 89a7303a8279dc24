// The step-at-a-time surface runner (the page) gives the rows of surface_trajectory (the CLI)
// bit for bit, and exposes the optimizer's state; the minima finder finds the known minima.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/surface/functions.hpp"
#include "core/surface/minima.hpp"
#include "core/surface/run.hpp"

using namespace lrlab;

namespace
{

SurfaceConfig config_of(const nlohmann::json& j)
{
    const SurfaceConfigResult r = parse_surface_config(j);
    REQUIRE(r.ok());
    return r.config;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

TEST_CASE("SurfaceRunner steps give surface_trajectory's rows, bit for bit")
{
    const SurfaceConfig c = config_of(nlohmann::json::parse(R"({
        "function": "beale", "start": [1, 1.5], "steps": 60,
        "runs": [{"optimizer": {"type": "adam", "lr": 0.05}, "schedule": {"type": "cosine"}},
                 {"optimizer": {"type": "sgd", "lr": 0.5, "momentum": 0.9}},
                 {"optimizer": {"type": "rmsprop", "lr": 0.01}, "clip": {"type": "global_norm"}}]})"));
    for (std::size_t run = 0; run < c.runs.size(); ++run)
    {
        const std::vector<SurfaceRow> rows = surface_trajectory(c, run);
        SurfaceRunner r(c, run);
        for (std::size_t k = 0; k < rows.size(); ++k)
        {
            const SurfaceRow got = r.row();
            CHECK(got.step == rows[k].step);
            CHECK(same_bits(got.x, rows[k].x));
            CHECK(same_bits(got.y, rows[k].y));
            CHECK(same_bits(got.loss, rows[k].loss));
            CHECK(same_bits(got.lr, rows[k].lr));
            CHECK(same_bits(got.grad_norm, rows[k].grad_norm));
            r.step();
        }
    }
}

TEST_CASE("SurfaceRunner exposes the optimizer's state: Adam's first moment after one step")
{
    const SurfaceConfig c = config_of(nlohmann::json::parse(
        R"({"function": "quadratic", "start": [1, 1], "steps": 5,
            "runs": [{"optimizer": {"type": "adam"}}]})"));
    SurfaceRunner r(c, 0);
    r.step();
    const OptimizerState& s = r.state();
    const Optimizer& opt = r.optimizer();
    std::size_t link = opt.chain.size();
    for (std::size_t i = 0; i < opt.chain.size(); ++i)
        if (opt.chain[i].name == "adam")
            link = i;
    REQUIRE(link < opt.chain.size());
    // m = (1 - beta1) * g with g = (x, 10 y) = (1, 10) at the start.
    CHECK(s.links[link].slots[0].data()[0] == doctest::Approx(0.1f));
    CHECK(s.links[link].slots[0].data()[1] == doctest::Approx(1.0f));
}

TEST_CASE("a diverging run freezes: its rows stop changing and stay non-finite")
{
    const SurfaceConfig c = config_of(nlohmann::json::parse(
        R"({"function": "quadratic", "start": [1, 1], "steps": 400,
            "runs": [{"optimizer": {"type": "sgd", "lr": 0.5}}]})"));
    SurfaceRunner r(c, 0);
    while (!r.frozen() && r.steps_done() < c.steps)
        r.step();
    CHECK(r.frozen());
    const SurfaceRow a = r.row();
    r.step();
    const SurfaceRow b = r.row();
    CHECK(!std::isfinite(a.loss));
    CHECK(same_bits(a.x, b.x));
}

TEST_CASE("surface_minima finds the known minima")
{
    SUBCASE("six_hump_camel: six local minima, two global")
    {
        const SurfaceInfo* info = find_surface("six_hump_camel");
        const auto m = surface_minima("six_hump_camel", {info->xmin, info->xmax},
                                      {info->ymin, info->ymax});
        CHECK(m.size() == 6);
        int global = 0;
        for (const SurfaceMinimum& k : m)
            global += k.global;
        CHECK(global == 2);
        CHECK(m[0].value == doctest::Approx(-1.0316).epsilon(1e-4));
    }
    SUBCASE("styblinski_tang: one global and three local")
    {
        const auto m = surface_minima("styblinski_tang", {-5, 5}, {-5, 5});
        REQUIRE(m.size() == 4);
        CHECK(m[0].global);
        CHECK(m[0].x == doctest::Approx(-2.9035).epsilon(1e-3));
        CHECK(!m[1].global);
        CHECK(!m[3].global);
        CHECK(m[3].x == doctest::Approx(2.7468).epsilon(1e-3));
        CHECK(m[3].y == doctest::Approx(2.7468).epsilon(1e-3));
    }
    SUBCASE("saddle: none; quadratic: one")
    {
        CHECK(surface_minima("saddle", {-2, 2}, {-2, 2}).empty());
        const auto q = surface_minima("quadratic", {-3, 3}, {-3, 3});
        REQUIRE(q.size() == 1);
        CHECK(q[0].global);
    }
    SUBCASE("a window without the global minimum marks none as global")
    {
        const auto m = surface_minima("styblinski_tang", {0, 5}, {0, 5});
        REQUIRE(m.size() == 1);
        CHECK(!m[0].global);
    }
    SUBCASE("rosenbrock: one, not the valley floor's grid points")
    {
        const SurfaceInfo* info = find_surface("rosenbrock");
        const auto m = surface_minima("rosenbrock", {info->xmin, info->xmax},
                                      {info->ymin, info->ymax});
        REQUIRE(m.size() == 1);
        CHECK(m[0].global);
        CHECK(m[0].x == doctest::Approx(1.0).epsilon(1e-3));
        CHECK(m[0].y == doctest::Approx(1.0).epsilon(1e-3));
    }
    SUBCASE("rastrigin: the 11 x 11 lattice near the integers of [-5, 5]^2, one global")
    {
        // The 9 x 9 inner ones always; those at |x| or |y| = 4.97, a grid cell from the edge, only
        // where a grid row lies beyond them (101 of the 121 at res 96): never more than 121.
        const auto m = surface_minima("rastrigin", {-5.12, 5.12}, {-5.12, 5.12});
        CHECK(m.size() >= 81);
        CHECK(m.size() <= 121);
        int global = 0;
        for (const SurfaceMinimum& k : m)
        {
            global += k.global;
            CHECK(std::abs(k.x - std::round(k.x)) < 0.05);
            CHECK(std::abs(k.y - std::round(k.y)) < 0.05);
        }
        CHECK(global == 1);
    }
    SUBCASE("every function: each marked point is stationary and no two coincide")
    {
        for (const SurfaceInfo& info : surface_registry())
        {
            CAPTURE(info.name);
            const auto m = surface_minima(info.name, {info.xmin, info.xmax},
                                          {info.ymin, info.ymax});
            const double span = std::max(info.xmax - info.xmin, info.ymax - info.ymin);
            for (std::size_t i = 0; i < m.size(); ++i)
            {
                // Lower than every point a hundredth of the window away (ackley's global
                // minimum is a kink, so no gradient test there).
                const double h = 1e-2 * span;
                for (int k = 0; k < 8; ++k)
                {
                    const double a = k * 0.785398163397448;
                    CHECK(surface_value(info.name, float(m[i].x + h * std::cos(a)),
                                        float(m[i].y + h * std::sin(a))) > m[i].value);
                }
                for (std::size_t j = 0; j < i; ++j)
                    CHECK(std::hypot(m[i].x - m[j].x, m[i].y - m[j].y) > 1e-2 * span);
            }
        }
    }
}
