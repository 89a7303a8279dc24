// The learning-rate article's claims, checked on the engine itself: too low an LR barely moves
// the loss, a good LR fits, too high an LR is unstable, and Adam with a schedule beats plain SGD
// on the spiral. Same data and initial weights for every run of an experiment.
#include <doctest/doctest.h>

#include "../experiment_fixtures.hpp"

using namespace lrlab;
using namespace lrlab::testing;

namespace
{
const MetricsRow& last(const Experiment& e, std::size_t run) { return e.run(run).history().back(); }
const MetricsRow& first(const Experiment& e, std::size_t run)
{
    return e.run(run).history().front();
}
}  // namespace

TEST_CASE("too low, good and too high learning rates on the circle")
{
    Experiment e(config_from(R"({"data": {"dataset": "circle", "samples": 400, "noise": 0.1},
      "model": {"hidden": [4, 2], "activation": "tanh"},
      "train": {"steps": 1500, "batch_size": 10, "eval_every": 50},
      "runs": [{"name": "too low", "optimizer": {"type": "sgd", "lr": 0.0001}},
               {"name": "good", "optimizer": {"type": "sgd", "lr": 0.03}},
               {"name": "too high", "optimizer": {"type": "sgd", "lr": 10}}]})"));
    e.step_all(1500);
    // Too low: after 1500 steps the loss has barely moved.
    const double start = first(e, 0).train_loss;
    CHECK(last(e, 0).train_loss > 0.95 * start);
    // Good: the circle is learned.
    CHECK(last(e, 1).test_acc > 0.9);
    CHECK(last(e, 1).train_loss < 0.5 * start);
    // Too high: diverges, or ends worse than the good LR by a wide margin.
    CHECK((last(e, 2).diverged || last(e, 2).train_loss > 2.0 * last(e, 1).train_loss));
}

TEST_CASE("Adam with a cosine schedule beats plain SGD on the spiral")
{
    Experiment e(config_from(R"({"data": {"dataset": "spiral", "samples": 400, "noise": 0.05},
      "model": {"hidden": [8, 8], "activation": "tanh"},
      "train": {"steps": 3000, "batch_size": 10, "eval_every": 100},
      "runs": [{"name": "sgd", "optimizer": {"type": "sgd", "lr": 0.03}},
               {"name": "adam cosine", "optimizer": {"type": "adam", "lr": 0.03},
                "schedule": {"type": "cosine"}}]})"));
    e.step_all(3000);
    CHECK(last(e, 1).train_loss < 0.7 * last(e, 0).train_loss);
    CHECK(last(e, 1).train_acc > last(e, 0).train_acc);
}

TEST_CASE("clipping tames a too-high LR")
{
    Experiment e(config_from(R"({"data": {"dataset": "spiral", "samples": 400, "noise": 0.05},
      "model": {"hidden": [8, 8], "activation": "tanh"},
      "train": {"steps": 1500, "batch_size": 10, "eval_every": 50},
      "runs": [{"name": "sgd 3", "optimizer": {"type": "sgd", "lr": 3}},
               {"name": "sgd 3 clipped", "optimizer": {"type": "sgd", "lr": 3},
                "clip": {"type": "global_norm", "max_norm": 0.1}}]})"));
    e.step_all(1500);
    CHECK(!last(e, 1).diverged);
    CHECK((last(e, 0).diverged || last(e, 1).train_loss < last(e, 0).train_loss));
    CHECK(last(e, 1).clipped_grad_norm <= 0.1 + 1e-6);
}
