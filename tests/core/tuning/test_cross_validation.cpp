// K folds and cross-validation (core/tuning/folds.hpp, cross_validation.hpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "../experiment_fixtures.hpp"
#include "core/tuning/cross_validation.hpp"

using namespace lrlab;
using lrlab::testing::config_from;
using nlohmann::json;

namespace
{

const char* blobs = R"({"data": {"dataset": "blobs", "classes": 3, "samples": 203, "seed": 9},
    "train": {"steps": 40, "eval_every": 10},
    "runs": [{"name": "a", "optimizer": {"type": "sgd", "lr": 0.1}},
             {"name": "b", "optimizer": {"type": "adam", "lr": 0.01}}]})";

TrainingData data_of(const char* text)
{
    const Config c = config_from(text);
    return make_training_data(make_dataset(c.data), c.data);
}

std::vector<ConfigError> plan(const std::string& extra_param, std::vector<double> values,
                              int folds, CvPlan& out, const std::string& run = "")
{
    CvRequest r;
    r.config = json::parse(blobs);
    r.param = extra_param;
    r.values = std::move(values);
    r.folds = folds;
    r.run = run;
    return plan_cross_validation(r, out);
}

}  // namespace

TEST_CASE("folds partition the training set, are stratified and depend only on the seed")
{
    const TrainingData d = data_of(blobs);
    const std::size_t n = d.train_x.shape(0);
    for (int k : {2, 5, 7})
    {
        CAPTURE(k);
        const Folds f = make_folds(d, k, 9);
        REQUIRE(f.size() == std::size_t(k));
        std::vector<int> seen(n, 0);
        std::size_t smallest = n, largest = 0;
        for (const auto& m : f.members)
        {
            CHECK(std::is_sorted(m.begin(), m.end()));
            smallest = std::min(smallest, m.size());
            largest = std::max(largest, m.size());
            for (std::uint32_t i : m)
                ++seen[i];
        }
        CHECK(std::all_of(seen.begin(), seen.end(), [](int s) { return s == 1; }));
        CHECK(largest - smallest <= 1);
        // Each class is spread over the folds within one sample of an even share.
        std::map<int, int> total;
        for (std::size_t i = 0; i < n; ++i)
            ++total[int(d.train_y(i))];
        for (const auto& m : f.members)
        {
            std::map<int, int> count;
            for (std::uint32_t i : m)
                ++count[int(d.train_y(i))];
            for (const auto& [c, t] : total)
                CHECK(std::abs(count[c] * k - t) <= k);
        }
        CHECK(make_folds(d, k, 9).members == f.members);
        CHECK(make_folds(d, k, 10).members != f.members);
    }
}

TEST_CASE("a fold's data: the other folds to train on, the fold to validate, no test row")
{
    const TrainingData d = data_of(blobs);
    const Folds f = make_folds(d, 4, 9);
    const TrainingData t = fold_data(d, f, 2);
    CHECK(t.train_x.shape(0) + t.test_x.shape(0) == d.train_x.shape(0));
    CHECK(t.test_x.shape(0) == f.members[2].size());
    const std::size_t in = d.train_x.shape(1);
    for (std::size_t r = 0; r < t.test_x.shape(0); ++r)
        for (std::size_t c = 0; c < in; ++c)
            CHECK(t.test_x(r, c) == d.train_x(f.members[2][r], c));
    CHECK(t.order_seed == d.order_seed);
}

TEST_CASE("cv: one row per value and fold, the same folds for every value, best by the rule")
{
    CvPlan p;
    REQUIRE(plan("", {0.01, 0.3, 1e38}, 3, p).empty());
    CHECK(p.param == "runs[0].optimizer.lr");
    CHECK(p.configs.size() == 3);
    CHECK(p.configs[1].runs.size() == 1);
    CHECK(p.configs[1].runs[0].optimizer.lr == 0.3);
    CrossValidation cv(p);
    CHECK(cv.steps_total() == 3 * 3 * 40);
    while (!cv.done())
        cv.step(17);  // chunks that straddle jobs
    CHECK(cv.steps_done() == cv.steps_total());
    const std::vector<CvFoldResult>& rows = cv.rows();
    REQUIRE(rows.size() == 9);
    for (std::size_t i = 0; i < rows.size(); ++i)
    {
        CHECK(rows[i].value_index == i / 3);
        CHECK(rows[i].fold == i % 3);
    }
    // Each job equals training that config on that fold alone.
    const TrainingData d = data_of(blobs);
    const CvFoldResult alone = run_cv_fold(p.configs[1], fold_data(d, cv.folds(), 2));
    CHECK(testing::same_bits(alone.val_loss, rows[5].val_loss));
    CHECK(testing::same_bits(alone.val_acc, rows[5].val_acc));
    const CvSummary s = cv.summary();
    REQUIRE(s.values.size() == 3);
    CHECK(s.values[2].diverged_folds >= 1);  // LR 1e38 blows up: never the best
    REQUIRE(s.best);
    const double m0 = s.values[0].mean_val_loss, m1 = s.values[1].mean_val_loss;
    CHECK(*s.best == (m1 < m0 ? 0.3 : 0.01));
    CHECK(s.values[1].mean_val_loss ==
          doctest::Approx((rows[3].val_loss + rows[4].val_loss + rows[5].val_loss) / 3.0));
    const json j = cv_summary_json(s);
    CHECK(j["param"] == "runs[0].optimizer.lr");
    CHECK(j["values"][2]["diverged_folds"] == s.values[2].diverged_folds);
    CHECK(j["values"][0].contains("std_val_acc"));
}

TEST_CASE("cv: the base run by name, any numeric key, and its errors")
{
    CvPlan p;
    REQUIRE(plan("", {0.001, 0.01}, 2, p, "b").empty());
    CHECK(p.param == "runs[1].optimizer.lr");
    CHECK(p.configs[0].runs[0].name == "b");
    CHECK(p.configs[0].runs[0].optimizer.type == "adam");
    REQUIRE(plan("train.l2", {0.0, 0.01}, 2, p).empty());
    CHECK(p.configs[1].runs[0].train.l2 == 0.01);
    REQUIRE(plan("runs[0].train.batch_size", {5, 20}, 2, p).empty());
    CHECK(p.configs[1].runs[0].train.batch_size == 20);

    const auto first_path = [&](const std::string& param, std::vector<double> v, int k,
                                const std::string& run = "")
    {
        const std::vector<ConfigError> e = plan(param, std::move(v), k, p, run);
        return e.empty() ? std::string("ok") : e[0].path;
    };
    CHECK(first_path("runs[3].optimizer.lr", {0.1}, 2) == "--param");
    CHECK(first_path("runs[0].name", {0.1}, 2) == "--param");
    CHECK(first_path("data.noise", {0.1, 0.2}, 2) == "--param");
    CHECK(first_path("runs[1].optimizer.lr", {0.1, 0.2}, 2) == "--param");  // not the base run
    CHECK(first_path("", {0.1}, 1) == "--folds");
    CHECK(first_path("", {0.1}, 1000) == "--folds");
    CHECK(first_path("", {}, 2) == "--values");
    CHECK(first_path("", {0.1}, 2, "zz") == "--run");
    CHECK(first_path("", {-0.1}, 2) == "runs[0].optimizer.lr");
    CHECK(first_path("runs[0].train.batch_size", {2.5}, 2) == "runs[0].train.batch_size");
}

TEST_CASE("cv on regression has no accuracy")
{
    CvRequest r;
    r.config = json::parse(R"({"data": {"dataset": "reg_plane", "samples": 60},
        "train": {"steps": 20}, "runs": [{"optimizer": {"type": "sgd", "lr": 0.01}}]})");
    r.values = {0.01};
    r.folds = 3;
    CvPlan p;
    REQUIRE(plan_cross_validation(r, p).empty());
    CrossValidation cv(p);
    cv.step(cv.steps_total());
    REQUIRE(cv.done());
    CHECK_FALSE(cv.rows()[0].has_accuracy);
    const json j = cv_summary_json(cv.summary());
    CHECK(j["values"][0]["mean_val_acc"].is_null());
    CHECK(j["best"] == 0.01);
}
