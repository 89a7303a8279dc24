// Experiments: results independent of how steps are split, of the other runs and of
// eval_every; reset; mid-run changes replay exactly; divergence is data.
#include <doctest/doctest.h>

#include <cmath>

#include "../experiment_fixtures.hpp"

using namespace lrlab;
using namespace lrlab::testing;

namespace
{
const char* three_runs = R"({
  "seed": 3, "data": {"dataset": "spiral", "samples": 200, "noise": 0.1},
  "model": {"hidden": [6, 4], "activation": "tanh"},
  "train": {"steps": 120, "batch_size": 7, "eval_every": 10},
  "runs": [
    {"name": "sgd", "optimizer": {"type": "sgd", "lr": 0.1, "momentum": 0.9}},
    {"name": "adam cosine", "optimizer": {"type": "adam", "lr": 0.01},
     "schedule": {"type": "cosine"}, "clip": {"type": "global_norm", "max_norm": 0.5}},
    {"name": "rmsprop", "optimizer": {"type": "rmsprop"}, "train": {"batch_size": 16, "l2": 0.01}}
  ]})";
}  // namespace

TEST_CASE("results do not depend on how steps are split into calls")
{
    const Config c = config_from(three_runs);
    Experiment whole(c), pieces(c);
    whole.step_all(1000);
    for (int k : {1, 2, 3, 5, 8, 13, 21, 34, 55})
        pieces.step_all(k);
    CHECK(whole.step() == 120);
    CHECK(pieces.step() == 120);
    for (std::size_t i = 0; i < c.runs.size(); ++i)
        CHECK(same_history(whole.run(i).history(), pieces.run(i).history()));
    CHECK(whole.run(0).history().size() == 13);  // steps 0, 10, ..., 120
}

TEST_CASE("a run's results do not depend on the other runs")
{
    const Config all = config_from(three_runs);
    Config alone = all;
    alone.runs = {all.runs[1]};
    Experiment a(all), b(alone);
    a.step_all(120);
    b.step_all(120);
    CHECK(same_history(a.run(1).history(), b.run(0).history()));
}

TEST_CASE("results do not depend on eval_every")
{
    Config c10 = config_from(three_runs);
    Config c30 = c10;
    c30.train.eval_every = 30;
    Experiment a(c10), b(c30);
    a.step_all(120);
    b.step_all(120);
    for (std::size_t i = 0; i < c10.runs.size(); ++i)
        for (std::size_t k = 0; k < b.run(i).history().size(); ++k)
            CHECK(same_row(a.run(i).history()[3 * k], b.run(i).history()[k]));
}

TEST_CASE("reset returns to the same start")
{
    Experiment e(config_from(three_runs));
    e.step_all(50);
    const auto first = e.run(2).history();
    e.reset();
    CHECK(e.step() == 0);
    CHECK(e.run(2).history().size() == 1);
    e.step_all(50);
    CHECK(same_history(first, e.run(2).history()));
}

TEST_CASE("a change made while training replays exactly from the config")
{
    Experiment live(config_from(three_runs));
    live.step_all(40);
    CHECK(live.change(0, "optimizer.lr", 0.02).empty());
    live.step_all(30);
    CHECK(live.change(1, "clip.max_norm", 2.0).empty());
    CHECK(live.change(2, "train.batch_size", 4).empty());
    live.step_all(1000);
    CHECK(live.config().runs[0].changes.size() == 1);
    CHECK(live.config().runs[0].changes[0].at == 40);

    const ConfigResult replayed = parse_config(to_json(live.config()));
    REQUIRE(replayed.ok());
    Experiment replay(replayed.config);
    replay.step_all(1000);
    for (std::size_t i = 0; i < 3; ++i)
        CHECK(same_history(live.run(i).history(), replay.run(i).history()));
    // The LR column shows the change from the evaluation after it.
    CHECK(live.run(0).history()[5].lr == doctest::Approx(0.02));
}

TEST_CASE("an invalid change changes nothing")
{
    Experiment e(config_from(three_runs));
    e.step_all(20);
    const std::vector<ConfigError> errors = e.change(0, "optimizer.lr", -1.0);
    REQUIRE(!errors.empty());
    CHECK(errors[0].path.find("runs[0]") == 0);
    CHECK(e.config().runs[0].changes.empty());
    CHECK(!e.change(0, "optimizer.no_such_key", 1.0).empty());
}

TEST_CASE("a too-high LR diverges as data; the other runs go on unaffected")
{
    // Regression: the MSE gradient grows with the error, so a too-high LR overflows to inf.
    const char* text = R"({"data": {"dataset": "reg_plane", "samples": 200},
      "model": {"hidden": [8, 8], "activation": "tanh"}, "train": {"steps": 200},
      "runs": [{"name": "huge", "optimizer": {"type": "sgd", "lr": 10}},
               {"name": "fine", "optimizer": {"type": "sgd", "lr": 0.03}}]})";
    const Config c = config_from(text);
    Experiment e(c);
    e.step_all(200);
    const Run& huge = e.run(0);
    CHECK(huge.diverged());
    CHECK(huge.diverged_at() > 0);
    const MetricsRow& last = huge.history().back();
    CHECK(last.diverged);
    CHECK(last.step == 200);
    bool seen = false;  // once marked, marked at every later evaluation
    for (const MetricsRow& r : huge.history())
    {
        CHECK((!seen || r.diverged));
        seen = seen || r.diverged;
    }
    CHECK(!e.run(1).diverged());
    Config alone = c;
    alone.runs = {c.runs[1]};
    Experiment f(alone);
    f.step_all(200);
    CHECK(same_history(e.run(1).history(), f.run(0).history()));
}

TEST_CASE("evaluation rows follow the contract")
{
    Experiment e(config_from(R"({"data": {"dataset": "reg_plane"}, "train": {"steps": 25,
        "eval_every": 10}, "runs": [{"optimizer": {"type": "sgd"}}]})"));
    e.step_all(100);
    const auto& h = e.run(0).history();
    REQUIRE(h.size() == 4);  // 0, 10, 20 and the last step 25
    CHECK(h[0].step == 0);
    CHECK(!h[0].has_grad);
    CHECK(h[3].step == 25);
    CHECK(!h[3].has_accuracy);  // regression
    CHECK(h[3].has_grad);
    CHECK(h[3].epoch == doctest::Approx(25.0 * 10 / 250));
    CHECK(h[3].grad_norm == h[3].clipped_grad_norm);  // no clipping
}
