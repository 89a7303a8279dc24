// What "Apply" of the LR finder writes into a run (src/app/lr_apply.hpp): the key by schedule,
// cyclic's range (Smith 2017), the message, and a range test's descending range.
#include <doctest/doctest.h>

#include <cmath>

#include "../core/experiment_fixtures.hpp"
#include "app/lr_apply.hpp"

using namespace lrlab;
using lrlab::testing::config_from;

namespace
{

RunConfig run_with(const char* optimizer, const char* schedule)
{
    const std::string j = std::string(R"({"runs": [{"name": "r", "optimizer": )") + optimizer +
                          R"(, "schedule": )" + schedule + "}]}";
    return config_from(j).runs[0];
}

// A range test's result with a flat start, a descent and a blow-up (smoothed = raw).
LrFinderResult curve(const std::vector<double>& losses)
{
    LrFinderResult r;
    for (std::size_t i = 0; i < losses.size(); ++i)
        r.points.push_back({std::int64_t(i), 1e-4 * std::pow(10.0, double(i) / 10.0), losses[i],
                            losses[i]});
    r.suggestions.valley = 1e-3;  // made: descending_range only asks that some rule found one
    return r;
}

}  // namespace

TEST_CASE("a suggestion goes to optimizer.lr, one_cycle's max_lr, or cyclic's range")
{
    const RunConfig sgd = run_with(R"({"type": "sgd", "lr": 0.1})", R"({"type": "cosine"})");
    const std::vector<LrEdit> e = lr_edits(sgd, 0.0316);
    REQUIRE(e.size() == 1);
    CHECK(e[0].rel == "optimizer.lr");
    CHECK(e[0].value == 0.0316);
    CHECK(lr_edits_text("sgd 0.1", sgd, e) == "sgd 0.1: optimizer.lr 0.1 -> 0.0316");

    const RunConfig one = run_with(R"({"type": "adam"})", R"({"type": "one_cycle"})");
    const std::vector<LrEdit> o = lr_edits(one, 0.02);
    REQUIRE(o.size() == 1);
    CHECK(o[0].rel == "schedule.max_lr");
    // one_cycle's max_lr defaults to the optimizer's LR (adam: 0.001): the message says so.
    CHECK(lr_edits_text("a", one, o) == "a: schedule.max_lr 0.001 -> 0.02");

    const RunConfig cyc = run_with(R"({"type": "sgd", "lr": 0.01})", R"({"type": "cyclic"})");
    const std::vector<LrEdit> c = lr_edits(cyc, 0.2);
    REQUIRE(c.size() == 2);
    CHECK(c[0].rel == "schedule.base_lr");
    CHECK(c[0].value == doctest::Approx(0.05));  // Smith 2017: base_lr a quarter of max_lr
    CHECK(c[1].rel == "schedule.max_lr");
    CHECK(c[1].value == 0.2);
    const std::vector<LrEdit> r = cyclic_range_edits(1e-3, 0.1);
    CHECK(r[0].rel == "schedule.base_lr");
    CHECK(r[1].value == 0.1);
    CHECK(std::isnan(run_value(sgd, "optimizer.nothing")));
}

TEST_CASE("the descending range starts where the loss has fallen a tenth and ends at the minimum")
{
    // 36 points, num_iter 36: the window skips the first 3 and the last 5 (lr_finder.cpp).
    std::vector<double> loss;
    for (int i = 0; i < 10; ++i)
        loss.push_back(1.0);                      // flat
    for (int i = 0; i < 16; ++i)
        loss.push_back(1.0 - 0.05 * (i + 1));     // falls to 0.2 at index 25
    for (int i = 0; i < 10; ++i)
        loss.push_back(0.2 + 0.3 * (i + 1));      // blows up
    const LrFinderResult r = curve(loss);
    const auto range = descending_range(r, 36);
    REQUIRE(range);
    // The top is 1.0 (the flat part), the drop 0.8: a tenth of it is passed at 0.90, index 11
    // (index 10 holds 0.95); the minimum is at index 25.
    CHECK(range->lo == doctest::Approx(r.points[11].lr));
    CHECK(range->hi == doctest::Approx(r.points[25].lr));

    LrFinderResult none = r;
    none.suggestions = {};  // no rule found a descent: no range either
    CHECK_FALSE(descending_range(none, 36));
    CHECK_FALSE(descending_range(curve({1.0, 0.5}), 2));  // too few points
}
