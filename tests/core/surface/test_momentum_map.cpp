// The step-size x momentum map: measured by the engine, it agrees with the analytic stability
// limit of heavy ball within one grid cell, and shows what Goh (2017) shows.
#include <doctest/doctest.h>

#include "core/surface/momentum_map.hpp"

using namespace lrlab;

TEST_CASE("the measured divergence boundary is the analytic one within one grid cell")
{
    const MomentumMapSpec spec;
    const std::vector<double> lrs = momentum_map_lrs(spec);
    const std::vector<double> momenta = momentum_map_momenta(spec);
    REQUIRE(lrs.size() == 41);
    REQUIRE(momenta.size() == 34);
    CHECK(lrs.front() == 1e-3);
    CHECK(lrs.back() == 1.0);
    CHECK(momenta.back() == 0.99);
    for (int row = 0; row < spec.momentum_count; ++row)
    {
        const std::vector<MomentumMapCell> cells = momentum_map_row(spec, row);
        const double limit = heavy_ball_lr_limit(momenta[row], momentum_map_curvature);
        CAPTURE(momenta[row]);
        CAPTURE(limit);
        // The first diverged column: every column before it did not diverge, every one after did.
        std::size_t first = cells.size();
        for (std::size_t i = 0; i < cells.size() && first == cells.size(); ++i)
            if (cells[i].diverged)
                first = i;
        REQUIRE(first > 0);
        REQUIRE(first < cells.size());
        for (std::size_t i = first; i < cells.size(); ++i)
            CHECK(cells[i].diverged);
        // The analytic limit lies between the last stable LR and the first diverged one.
        CHECK(cells[first - 1].lr <= limit * (1 + 1e-12));
        CHECK(cells[first].lr >= limit * (1 - 1e-12));
    }
}

TEST_CASE("momentum converges faster than plain SGD at each one's best LR on the ravine")
{
    MomentumMapSpec spec;
    auto best_steps = [&](int row)
    {
        std::int64_t best = -1;
        for (const MomentumMapCell& c : momentum_map_row(spec, row))
            if (c.steps >= 0 && (best < 0 || c.steps < best))
                best = c.steps;
        return best;
    };
    const std::int64_t plain = best_steps(0);  // momentum 0
    const std::int64_t heavy = best_steps(17); // momentum 0.51
    REQUIRE(plain > 0);
    REQUIRE(heavy > 0);
    CHECK(heavy < plain);
    // A tiny LR crawls: never within tolerance in max_steps, and never diverged.
    const MomentumMapCell slow = momentum_map_row(spec, 0).front();
    CHECK(slow.steps == -1);
    CHECK_FALSE(slow.diverged);
}
