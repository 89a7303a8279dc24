// The steps before a divergence (train/divergence.hpp): a ring that keeps the last steps in
// order, and a run that blows up between two evaluations still leaves its growing loss.
#include <doctest/doctest.h>

#include <cmath>

#include "../experiment_fixtures.hpp"
#include "core/train/divergence.hpp"

using namespace lrlab;
using namespace lrlab::testing;

TEST_CASE("RecentSteps keeps the last steps, oldest first, across the wrap-around")
{
    RecentSteps r;
    CHECK(r.size() == 0);
    for (int k = 0; k < 5; ++k)
        r.record(k, 10.0 + k, 1.0);
    REQUIRE(r.size() == 5);
    CHECK(r[0].step == 0);
    CHECK(r[4].batch_loss == 14.0);
    const int n = int(RecentSteps::capacity) + 7;
    for (int k = 5; k < n; ++k)
        r.record(k, 10.0 + k, 2.0 * k);
    REQUIRE(r.size() == RecentSteps::capacity);
    CHECK(r[0].step == n - int(RecentSteps::capacity));
    CHECK(r[RecentSteps::capacity - 1].step == n - 1);
    CHECK(r[RecentSteps::capacity - 1].grad_norm == 2.0 * (n - 1));
    r.clear();
    CHECK(r.size() == 0);
}

// The lr-too-high lesson's diverging run, on its own.
const char* lr_too_high = R"({
  "data": {"dataset": "reg_plane", "noise": 0.1},
  "model": {"hidden": [8], "activation": "linear"},
  "train": {"steps": 300},
  "runs": [{"name": "sgd 0.05", "optimizer": {"type": "sgd", "lr": 0.05}}]})";

TEST_CASE("a run that diverges before its first evaluation keeps the loss that grew")
{
    Experiment e(config_from(lr_too_high));
    e.step_all(300);
    const Run& run = e.run(0);
    REQUIRE(run.diverged());
    const std::int64_t at = run.diverged_at();
    // The case the charts could not show: no evaluation between step 0 and the divergence.
    CHECK(at < e.config().train.eval_every);
    CHECK(!std::isfinite(run.history()[1].train_loss));
    // Every step up to the divergence is kept, none after it (a diverged run stops stepping).
    const RecentSteps& r = run.recent_steps();
    REQUIRE(r.size() == std::size_t(at));
    for (std::size_t i = 0; i < r.size(); ++i)
        CHECK(r[i].step == std::int64_t(i));
    // The last finite losses grow by orders of magnitude: the blow-up the caption describes.
    double first = r[0].batch_loss, last_finite = first;
    for (std::size_t i = 0; i < r.size(); ++i)
        if (std::isfinite(r[i].batch_loss))
            last_finite = r[i].batch_loss;
    CHECK(std::isfinite(first));
    CHECK(last_finite > 100.0 * first);
}

TEST_CASE("reset forgets the recent steps")
{
    Experiment e(config_from(lr_too_high));
    e.step_all(3);
    CHECK(e.run(0).recent_steps().size() == 3);
    e.reset();
    CHECK(e.run(0).recent_steps().size() == 0);
}
