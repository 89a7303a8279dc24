// Mid-run changes (issue 14, defects 3-5): a change keeps the state it does not touch, the row at
// a change's step shows the LR that step trains with, and epoch counts the samples of every
// step at the batch size it had.
#include <doctest/doctest.h>

#include <string>

#include "../experiment_fixtures.hpp"
#include "core/schedules/schedule.hpp"

using namespace lrlab;
using namespace lrlab::testing;

namespace
{

// A config with one run of the given schedule and changes, evaluated every 10 steps.
std::string one_run(const std::string& schedule, const std::string& changes,
                    const std::string& train = R"("steps": 100, "eval_every": 10)")
{
    return R"({"seed": 2, "data": {"dataset": "circle", "samples": 100},
      "model": {"hidden": [4]}, "train": {)" + train + R"(},
      "runs": [{"name": "a", "optimizer": {"type": "sgd", "lr": 0.1},
                "schedule": )" + schedule + R"(, "changes": )" + changes + "}]}";
}

const MetricsRow& row_at(const Experiment& e, std::int64_t step)
{
    for (const MetricsRow& r : e.run(0).history())
        if (r.step == step)
            return r;
    FAIL("no row at step " << step);
    return e.run(0).history().front();
}

// Every evaluation is "bad" after the first (an improvement must beat the best by 100), so the
// LR halves every third evaluation, with a cooldown of 1 in between.
const char* plateau =
    R"({"type": "reduce_on_plateau", "factor": 0.5, "patience": 1, "cooldown": 1,
        "threshold_mode": "abs", "threshold": 100})";

}  // namespace

TEST_CASE("a change of a reduce_on_plateau key keeps its LR, best, bad count and cooldown")
{
    Experiment base(config_from(one_run(plateau, "[]")));
    base.step_all(100);
    REQUIRE(row_at(base, 50).lr < 0.1);  // reduced before the change
    // min_lr 1e-9 never binds here: with every other piece of state kept, the history is the
    // unchanged run's, bit for bit (before the fix the LR went back to 0.1 at step 50).
    Experiment changed(config_from(
        one_run(plateau, R"([{"at": 50, "path": "schedule.min_lr", "value": 1e-9}])")));
    changed.step_all(100);
    CHECK(same_history(base.run(0).history(), changed.run(0).history()));

    // A longer patience from step 50 on: the LR held at step 50 is kept, later reductions
    // come more slowly.
    Experiment patient(config_from(
        one_run(plateau, R"([{"at": 50, "path": "schedule.patience", "value": 5}])")));
    patient.step_all(100);
    CHECK(row_at(patient, 50).lr == row_at(base, 50).lr);
    CHECK(row_at(patient, 60).lr == row_at(base, 50).lr);
    CHECK(row_at(patient, 100).lr > row_at(base, 100).lr);
}

TEST_CASE("a change of optimizer.lr under reduce_on_plateau sets the current LR")
{
    Experiment e(config_from(
        one_run(plateau, R"([{"at": 50, "path": "optimizer.lr", "value": 0.3}])")));
    e.step_all(100);
    CHECK(row_at(e, 50).lr == 0.3);
}

TEST_CASE("a change of a tabulated schedule's key continues the new schedule from its step")
{
    // cosine T_max 100 -> 300 at step 50: from step 50 on the LR is the T_max=300 schedule's
    // LR at that step, as if it had been configured so from the start.
    Experiment e(config_from(one_run(R"({"type": "cosine", "T_max": 100})",
                                     R"([{"at": 50, "path": "schedule.T_max", "value": 300}])")));
    e.step_all(100);
    ScheduleConfig before, after;
    before.type = after.type = "cosine";
    before.T_max = 100;
    after.T_max = 300;
    const OptimizerConfig opt = e.config().runs[0].optimizer;
    const std::vector<double> old_lr = lr_table(before, opt, 101);
    const std::vector<double> new_lr = lr_table(after, opt, 101);
    for (const MetricsRow& r : e.run(0).history())
        CHECK(r.lr == (r.step < 50 ? old_lr : new_lr)[std::size_t(r.step)]);
}

TEST_CASE("the lr column at a change's step is the LR that step trains with")
{
    Experiment e(config_from(one_run(R"({"type": "constant"})",
                                     R"([{"at": 10, "path": "optimizer.lr", "value": 0.5},
                                         {"at": 100, "path": "optimizer.lr", "value": 0.7}])")));
    e.step_all(100);
    CHECK(row_at(e, 0).lr == 0.1);
    CHECK(row_at(e, 10).lr == 0.5);  // was 0.1 (the LR of step 9)
    CHECK(row_at(e, 20).lr == 0.5);
    // A change at train.steps trains nothing; the last row shows it as the next step's LR.
    CHECK(row_at(e, 100).lr == 0.7);
}

TEST_CASE("a change recorded live shows in its step's row as it does when replayed")
{
    Experiment live(config_from(one_run(R"({"type": "constant"})", "[]")));
    live.step_all(30);
    REQUIRE(live.change(0, "optimizer.lr", 0.25).empty());
    CHECK(row_at(live, 30).lr == 0.25);
    live.step_all(100);
    const ConfigResult replayed = parse_config(to_json(live.config()));
    REQUIRE(replayed.ok());
    Experiment replay(replayed.config);
    replay.step_all(100);
    CHECK(same_history(live.run(0).history(), replay.run(0).history()));
}

TEST_CASE("epoch after a batch-size change sums every step's batch over n_train")
{
    // 50 train samples; batch 5 for steps 0-6, then 50: 7*5 + 3*50 = 185 samples = 3.7 epochs
    // (DESIGN: epoch = step x batch_size / n_train, step by step). It said 10 (10 x 50 / 50).
    Experiment e(config_from(one_run(
        R"({"type": "constant"})", R"([{"at": 7, "path": "train.batch_size", "value": 50}])",
        R"("steps": 10, "eval_every": 5, "batch_size": 5)")));
    e.step_all(10);
    CHECK(row_at(e, 5).epoch == 0.5);
    CHECK(row_at(e, 10).epoch == 185.0 / 50.0);
}
