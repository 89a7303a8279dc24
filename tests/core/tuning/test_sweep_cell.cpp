// A sweep cell's numbers: the fast path (test loss only between the first and last
// evaluations, stopped early when it cannot matter) prints exactly what the full evaluation
// through Experiment prints, for converging, diverging and exploding runs of every task; and the
// columns read the evaluations right.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "../experiment_fixtures.hpp"
#include "core/tuning/sweep_cell.hpp"

using namespace lrlab;
using lrlab::testing::config_from;
using lrlab::testing::same_bits;

namespace
{
std::string row_text(const Config& c, bool fast, std::optional<double> target)
{
    SweepRow row;
    (fast ? train_sweep_cell : train_sweep_cell_reference)(c, target, row);
    return sweep_csv_line(row);
}

std::string cell(const char* data, const char* model, const char* optimizer,
                 const char* extra = "")
{
    return std::string(R"({"seed": 3, "data": )") + data + R"(, "model": )" + model +
           R"(, "train": {"steps": 120, "eval_every": 7}, "runs": [{"optimizer": )" + optimizer +
           extra + "}]}";
}
}  // namespace

TEST_CASE("the fast cell path prints the bits of the full evaluation")
{
    const char* spiral = R"({"dataset": "spiral", "samples": 200, "noise": 0.1})";
    const char* blobs = R"({"dataset": "blobs", "samples": 150, "classes": 4})";
    const char* reg = R"({"dataset": "reg_plane", "samples": 120, "noise": 0.1})";
    const char* tanh = R"({"hidden": [8, 8], "activation": "tanh"})";
    const char* relu = R"({"hidden": [6], "activation": "relu"})";
    const std::string configs[] = {
        cell(spiral, tanh, R"({"type": "adam", "lr": 0.01})"),
        cell(spiral, tanh, R"({"type": "sgd", "lr": 30})"),
        cell(R"({"dataset": "spiral", "samples": 1200, "noise": 0.1})", tanh,
             R"({"type": "adam", "lr": 0.3})"),  // test rows in three chunks, stops throughout
        cell(spiral, relu, R"({"type": "sgd", "lr": 50})"),     // diverges: nan
        cell(blobs, relu, R"({"type": "sgd", "lr": 5})"),       // diverges
        cell(blobs, relu, R"({"type": "rmsprop", "lr": 3})"),   // large weights, finite
        cell(reg, relu, R"({"type": "sgd", "lr": 50})"),        // diverges: inf losses
        cell(reg, relu, R"({"type": "sgd", "lr": 5})"),         // diverges
        cell(reg, tanh, R"({"type": "adam", "lr": 0.05})", R"(, "schedule": {"type": "cosine"})"),
        cell(spiral, tanh, R"({"type": "sgd", "lr": 0.1})",
             R"(, "schedule": {"type": "reduce_on_plateau", "patience": 1})"),
        cell(spiral, tanh, R"({"type": "sgd", "lr": 0.1})",
             R"(, "changes": [{"at": 30, "path": "optimizer.lr", "value": 50}])"),
    };
    int diverged = 0;
    for (const std::string& text : configs)
    {
        CAPTURE(text);
        const Config c = config_from(text);
        for (const std::optional<double> target : {std::optional<double>(), std::optional(0.6)})
        {
            const std::string fast = row_text(c, true, target);
            CHECK(fast == row_text(c, false, target));
            diverged += fast.back() == '1' ? 1 : 0;
        }
    }
    CHECK(diverged == 8);  // four of the cases above diverge (each with both targets)
}

TEST_CASE("a cell's test loss has Run's bits, or is dropped when it cannot be below the bound")
{
    const double inf = std::numeric_limits<double>::infinity();
    const char* tanh = R"({"hidden": [8, 8], "activation": "tanh"})";
    for (const char* data : {R"({"dataset": "spiral", "samples": 1200, "noise": 0.1})",
                             R"({"dataset": "blobs", "samples": 150, "classes": 4})",
                             R"({"dataset": "reg_plane", "samples": 120, "noise": 0.1})"})
    {
        CAPTURE(data);
        const Experiment e(config_from(cell(data, tanh, R"({"type": "sgd", "lr": 0.1})")));
        const TrainingData& d = e.data();
        const double exact = e.run(0).history().front().test_loss;  // Run::evaluate at step 0
        Workspace ws = e.model().make_workspace(
            std::min<std::size_t>(256, std::max(d.train_x.shape(0), d.test_x.shape(0))));
        auto loss = [&](double useless_from)
        { return sweep_test_loss(e.model(), e.initial_params(), d, ws, useless_from); };
        REQUIRE(loss(inf));
        CHECK(same_bits(*loss(inf), exact));
        REQUIRE(loss(std::nextafter(exact, inf)));
        CHECK(same_bits(*loss(std::nextafter(exact, inf)), exact));
        CHECK_FALSE(loss(exact));
        CHECK_FALSE(loss(exact / 4));
    }
}

TEST_CASE("the columns read the evaluations: final, best, first at target, divergence")
{
    auto row = [](std::int64_t step, double test, bool diverged = false)
    {
        MetricsRow m;
        m.step = step;
        m.train_loss = test + 1;
        m.test_loss = test;
        m.has_accuracy = true;
        m.test_acc = 0.5;
        m.diverged = diverged;
        return m;
    };
    const double nan = std::numeric_limits<double>::quiet_NaN();
    SweepRow r;
    fill_sweep_metrics({row(0, 0.9), row(10, 0.4), row(20, 0.3), row(30, 0.3), row(40, 0.5)},
                       0.45, r);
    CHECK(r.final_train_loss == 1.5);
    CHECK(r.final_test_loss == 0.5);
    CHECK(r.best_test_loss == 0.3);
    CHECK(r.best_step == 20);  // the first of equal minima
    CHECK(r.steps_to_target == 10);
    CHECK(r.final_test_acc == 0.5);
    CHECK_FALSE(r.diverged);
    fill_sweep_metrics({row(0, 0.9), row(10, nan, true)}, 0.1, r);
    CHECK(std::isnan(r.final_test_loss));
    CHECK(r.best_test_loss == 0.9);
    CHECK(r.best_step == 0);
    CHECK_FALSE(r.steps_to_target);
    CHECK(r.diverged);
    fill_sweep_metrics({row(0, nan, true)}, std::nullopt, r);
    CHECK(std::isnan(r.best_test_loss));
    CHECK_FALSE(r.best_step);
    CHECK(sweep_csv_line(r).find(",nan,nan,nan,,0.5,,1") != std::string::npos);
}

TEST_CASE("a sweep row reads back from its CSV line")
{
    SweepRow r;
    r.cell = 7;
    r.optimizer = "adam";
    r.lr = 0.1 + 0.2;
    r.params = "train.l2=0.001;runs[0].train.batch_size=32";
    r.final_train_loss = std::numeric_limits<double>::infinity();
    r.final_test_loss = std::numeric_limits<double>::quiet_NaN();
    r.best_test_loss = 0.25;
    r.best_step = 40;
    r.diverged = true;
    SweepRow back;
    std::string error;
    REQUIRE(parse_sweep_csv_line(sweep_csv_line(r), back, error));
    CHECK(sweep_csv_line(back) == sweep_csv_line(r));
    CHECK_FALSE(parse_sweep_csv_line("7,adam,0.1,,1,2,3,4,x,,0", back, error));
    CHECK(error == "column final_test_acc: not a valid value");
    CHECK_FALSE(parse_sweep_csv_line("7,adam,0.1", back, error));
}

TEST_CASE("the train loss is skipped only when the weights bound every logit")
{
    ModelConfig m;
    m.activation = "relu";
    ParamSet p;
    p.tensors = {{"w0", TensorKind::weight, 0, 2, 1}, {"b0", TensorKind::bias, 2, 1, 1}};
    p.values = Vector::from_shape({3});
    p.values = {1e8f, 1e8f, 1.0f};
    CHECK(sweep_logits_bounded(m, p, 1.0));        // |z| <= 2 (2e8 + 1)
    CHECK_FALSE(sweep_logits_bounded(m, p, 1e10)); // 4e18 > 1e18
    p.values(0) = std::numeric_limits<float>::quiet_NaN();
    CHECK_FALSE(sweep_logits_bounded(m, p, 1.0));
}
