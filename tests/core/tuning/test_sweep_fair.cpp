// --fair: on a synthetic grid with a known best per optimizer, each optimizer's best LR is the
// lowest final test loss among the cells that did not diverge.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "core/tuning/sweep_fair.hpp"

using namespace lrlab;

namespace
{
SweepRow cell(std::int64_t i, const char* opt, double lr, double loss, bool diverged = false)
{
    SweepRow r;
    r.cell = i;
    r.optimizer = opt;
    r.lr = lr;
    r.final_train_loss = r.final_test_loss = r.best_test_loss = loss;
    r.best_step = 100;
    r.final_test_acc = 1.0 - loss;
    r.diverged = diverged;
    return r;
}
}  // namespace

TEST_CASE("fair mode picks each optimizer's own best LR and skips diverged cells")
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // sgd is best at 0.1; its 1.0 cell has a lower loss but diverged. adam is best at 0.01
    // (tied with 0.1: the lower cell wins). Every rmsprop cell diverged or has no finite loss.
    const std::vector<SweepRow> rows = {
        cell(0, "sgd", 0.01, 0.6), cell(1, "adam", 0.01, 0.2), cell(2, "rmsprop", 0.01, nan),
        cell(3, "sgd", 0.1, 0.3),  cell(4, "adam", 0.1, 0.2),  cell(5, "rmsprop", 0.1, 0.1, true),
        cell(6, "sgd", 1.0, 0.05, true), cell(7, "adam", 1.0, 0.9),
        cell(8, "rmsprop", 1.0, nan, true)};
    const std::vector<FairBest> best = fair_best(rows);
    REQUIRE(best.size() == 3);
    CHECK(best[0].optimizer == "sgd");
    REQUIRE(best[0].best);
    CHECK(best[0].best->lr == 0.1);
    CHECK(best[0].diverged_cells == 1);
    CHECK(best[1].optimizer == "adam");
    REQUIRE(best[1].best);
    CHECK(best[1].best->cell == 1);
    CHECK(best[2].optimizer == "rmsprop");
    CHECK(best[2].best == nullptr);
    CHECK(best[2].cells == 3);
    const nlohmann::json j = nlohmann::json::parse(fair_best_json(best));
    CHECK(j["criterion"] == "final_test_loss");
    CHECK(j["best"][0]["lr"] == 0.1);
    CHECK(j["best"][0]["final_test_loss"] == 0.3);
    CHECK(j["best"][0]["steps_to_target"].is_null());
    CHECK(j["best"][1]["cell"] == 1);
    CHECK(j["best"][2]["lr"].is_null());
    CHECK(j["best"][2].contains("note"));
}

TEST_CASE("fair mode compares within each setting of the other --param axes")
{
    std::vector<SweepRow> rows = {cell(0, "sgd", 0.1, 0.5), cell(1, "sgd", 0.1, 0.4),
                                  cell(2, "sgd", 1.0, 0.3), cell(3, "sgd", 1.0, 0.6)};
    rows[0].params = rows[2].params = "train.l2=0";
    rows[1].params = rows[3].params = "train.l2=0.1";
    const std::vector<FairBest> best = fair_best(rows);
    REQUIRE(best.size() == 2);
    CHECK(best[0].best->cell == 2);
    CHECK(best[1].best->cell == 1);
}
