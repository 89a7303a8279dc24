// The surface lessons over starts (issue 12): a surface run has no seed, so each lesson's claims
// are measured over a 5 x 5 grid of starts around its own, and each claim must hold at least as
// often as its caption says (25 of 25 where it says "always"). The dynamics the captions
// describe beyond the last row (y's zig-zag, what a restart did) are checked on the trajectories.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/config/json.hpp"
#include "core/lessons/lesson_check.hpp"
#include "core/lessons/lesson_table.hpp"
#include "core/surface/run.hpp"

using namespace lrlab;

namespace
{

struct StartGrid
{
    double dx, dy;  // spacing: starts at start + (i dx, j dy), i, j in -2..2
};

Lesson moved(const Lesson& l, double dx, double dy)
{
    Lesson out = l;
    out.config["start"][0] = l.config["start"][0].get<double>() + dx;
    out.config["start"][1] = l.config["start"][1].get<double>() + dy;
    return out;
}

template <typename F>
void for_each_start(const Lesson& l, StartGrid g, F&& f)
{
    for (int j = -2; j <= 2; ++j)
        for (int i = -2; i <= 2; ++i)
            f(moved(l, i * g.dx, j * g.dy));
}

// How many of the 25 starts each claim held at.
std::vector<int> held_over_starts(const char* name, StartGrid g)
{
    const Lesson* l = find_lesson(name);
    REQUIRE(l != nullptr);
    REQUIRE(l->surface);
    std::vector<int> held(l->claims.size(), 0);
    for_each_start(*l, g,
                   [&](const Lesson& at)
                   {
                       const LessonCheck c = check_lesson(at);
                       REQUIRE(c.errors.empty());
                       REQUIRE(c.results.size() == held.size());
                       for (std::size_t i = 0; i < held.size(); ++i)
                           held[i] += c.results[i].held;
                   });
    return held;
}

void check_counts(const char* name, StartGrid g, const std::vector<int>& at_least)
{
    const Lesson* l = find_lesson(name);
    REQUIRE(l != nullptr);
    CHECK(check_lesson(*l).all_held());  // at the lesson's own start: what check-lesson shows
    const std::vector<int> held = held_over_starts(name, g);
    REQUIRE(held.size() == at_least.size());
    for (std::size_t i = 0; i < held.size(); ++i)
    {
        CAPTURE(l->claims[i].text);
        CAPTURE(held[i]);
        CHECK(held[i] >= at_least[i]);
    }
}

std::vector<SurfaceRow> trajectory(const Lesson& l, const std::string& run)
{
    const SurfaceConfigResult r = parse_surface_config(l.config);
    REQUIRE(r.ok());
    for (std::size_t i = 0; i < r.config.runs.size(); ++i)
        if (r.config.runs[i].name == run)
            return surface_trajectory(r.config, i);
    FAIL("no run " << run);
    return {};
}

}  // namespace

TEST_CASE("lesson local-minima over 25 starts")
{
    // "16 of 25" in the global minimum's basin: the caption's number.
    check_counts("local-minima", {0.05, 0.05}, {25, 25, 25, 25, 16});
}

TEST_CASE("lesson warm-restarts-escape over 25 starts")
{
    check_counts("warm-restarts-escape", {0.05, 0.05}, {17, 25, 25});
    // What the restarts did, against the end of the first cycle (T_0 = 50: row 50 is the first
    // cycle's settled point, the LR of its last step being eta_min + ~0).
    const Lesson* l = find_lesson("warm-restarts-escape");
    int escaped = 0, thrown_out = 0, ended_in_global = 0;
    for_each_start(*l, {0.05, 0.05},
                   [&](const Lesson& at)
                   {
                       const std::vector<SurfaceRow> rows = trajectory(at, "sgdr");
                       const double first = rows[50].loss, last = rows.back().loss;
                       escaped += first > 1.0 && last < 0.01;
                       thrown_out += first < 0.01 && last > 1.0;
                       ended_in_global += last < 0.01;
                   });
    CHECK(escaped == 8);
    CHECK(thrown_out == 6);
    CHECK(ended_in_global == 17);
}

TEST_CASE("lesson overshoot over 25 starts")
{
    check_counts("overshoot", {0.05, 0.05}, {25, 25, 25, 25});
    // "y changes sign each step" at 0.19 and 0.21 (1 - lr L < -1 or > -1, both negative).
    const Lesson* l = find_lesson("overshoot");
    for (const char* run : {"sgd 0.19", "sgd 0.21"})
    {
        CAPTURE(run);
        const std::vector<SurfaceRow> rows = trajectory(*l, run);
        for (std::size_t k = 1; k < 40; ++k)
            CHECK(rows[k].y * rows[k - 1].y < 0.0);
    }
}

TEST_CASE("lesson momentum over 25 starts")
{
    check_counts("momentum", {0.05, 0.05}, {25, 25, 25});
    // The unclaimed run at the walls' edge: "thrown out at 10 of 25 starts".
    int diverged = 0;
    for_each_start(*find_lesson("momentum"), {0.05, 0.05},
                   [&](const Lesson& at)
                   { diverged += !std::isfinite(trajectory(at, "sgd 0.002").back().loss); });
    CHECK(diverged == 10);
}

TEST_CASE("lesson saddle over 25 starts near the ridge")
{
    // The lesson is about starting near the ridge: y moves by 0.0004 (the start's y is 0.001).
    check_counts("saddle", {0.1, 0.0004}, {25, 25, 25});
}

TEST_CASE("lesson clipping-steep-start over 25 starts")
{
    check_counts("clipping-steep-start", {0.05, 0.05}, {25, 25, 25});
    // The first plain step is the throw the caption describes: from x = -2 to x = 6.
    const std::vector<SurfaceRow> rows = trajectory(*find_lesson("clipping-steep-start"), "sgd");
    CHECK(rows[1].x > 5.5);
}
