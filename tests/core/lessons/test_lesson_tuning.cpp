// What the tuning lessons' captions say beyond their claims (issues 9 and 10): the range test
// suggests the LR lr-finder trains at, cross-validation picks an LR that generalises where the
// training loss picks one that memorises, and lr-sensitivity's runs are cells of its sweep. Each
// over the seeds the caption names (1-10), through the engine, as `lrlab lr-find`, `lrlab cv` and
// `lrlab sweep` compute them.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <cmath>
#include <memory>
#include <vector>

#include "core/config/json.hpp"
#include "core/lessons/lesson_table.hpp"
#include "core/train/experiment.hpp"
#include "core/tuning/cross_validation.hpp"
#include "core/tuning/lr_finder.hpp"
#include "core/tuning/sweep_cell.hpp"
#include "core/tuning/sweep_grid.hpp"
#include "core/tuning/value_list.hpp"

using namespace lrlab;
using nlohmann::json;

namespace
{

const Lesson& lesson(const char* name)
{
    const Lesson* l = find_lesson(name);
    REQUIRE(l != nullptr);
    return *l;
}

Config parsed(const json& j)
{
    const ConfigResult r = parse_config(j);
    REQUIRE(r.ok());
    return r.config;
}

// `lrlab lr-find` with its defaults on the config's first run.
Suggestions range_test(const Config& c)
{
    const auto e = std::make_unique<Experiment>(c);
    LrFinder f(*e, 0, LrFinderOptions{});
    while (!f.done())
        f.step(100);
    return f.result().suggestions;
}

// The final train and test losses of the config's first run at each LR.
struct GridLosses
{
    std::vector<double> train, test;
};

GridLosses train_grid(const json& config, const std::vector<double>& lrs)
{
    json j = config;
    const json base = j["runs"][0];
    j["runs"] = json::array();
    for (std::size_t i = 0; i < lrs.size(); ++i)
    {
        json r = base;
        r["name"] = "lr " + std::to_string(i);
        r["optimizer"]["lr"] = lrs[i];
        j["runs"].push_back(r);
    }
    const auto e = std::make_unique<Experiment>(parsed(j));
    e->step_all(e->steps());
    GridLosses g;
    for (std::size_t i = 0; i < e->size(); ++i)
    {
        g.train.push_back(e->run(i).history().back().train_loss);
        g.test.push_back(e->run(i).history().back().test_loss);
    }
    return g;
}

std::size_t argmin(const std::vector<double>& v)
{
    return std::size_t(std::min_element(v.begin(), v.end()) - v.begin());
}

}  // namespace

TEST_CASE("lesson lr-finder: the range test's minimum rule suggests its LR within 3x, seeds 1-10")
{
    const Lesson& l = lesson("lr-finder");
    for (std::int64_t seed = 1; seed <= 10; ++seed)
    {
        CAPTURE(seed);
        const Config c = parsed(lesson_config(l, seed));
        const double lesson_lr = c.runs[0].optimizer.lr;
        const Suggestions s = range_test(c);
        REQUIRE(s.minimum.has_value());
        CHECK(*s.minimum >= lesson_lr / 3);
        CHECK(*s.minimum <= lesson_lr * 3);
    }
}

TEST_CASE("lesson cross-validation: CV's pick generalises, the train loss's does not, seeds 1-10")
{
    const Lesson& l = lesson("cross-validation");
    const ValueListResult values = parse_value_list("log:0.0001:1:9");
    REQUIRE(values.ok());
    double cv_sum = 0, best_sum = 0, train_pick_sum = 0;
    for (std::int64_t seed = 1; seed <= 10; ++seed)
    {
        CAPTURE(seed);
        CvRequest request;
        request.config = lesson_config(l, seed);
        request.values = values.values;
        CvPlan plan;
        REQUIRE(plan_cross_validation(request, plan).empty());
        CrossValidation cv(std::move(plan));
        while (!cv.done())
            cv.step(100000);
        const CvSummary s = cv.summary();
        REQUIRE(s.best.has_value());
        const std::size_t picked = std::size_t(
            std::find(values.values.begin(), values.values.end(), *s.best) - values.values.begin());
        REQUIRE(picked < values.values.size());

        const GridLosses g = train_grid(request.config, values.values);
        const double cv_test = g.test[picked];
        const double best_test = g.test[argmin(g.test)];
        const double train_pick_test = g.test[argmin(g.train)];
        CAPTURE(cv_test);
        CAPTURE(best_test);
        CAPTURE(train_pick_test);
        CHECK(cv_test <= train_pick_test);
        CHECK(cv_test < 2 * best_test);
        cv_sum += cv_test;
        best_sum += best_test;
        train_pick_sum += train_pick_test;
    }
    // The caption's averages: 0.125 for CV's pick, 0.101 for the best, 0.229 for the train pick.
    CHECK(cv_sum < 1.3 * best_sum);
    CHECK(train_pick_sum > 2 * best_sum);
}

TEST_CASE("lesson lr-sensitivity: its runs are cells of the sweep its caption describes")
{
    // lrlab sweep --lr-range 0.0001:10:21: a cell is the base run at one of these LRs, and its
    // numbers do not depend on the other runs (DESIGN.md, "Evaluations and metrics").
    const std::vector<double> grid = log_spaced(1e-4, 10, 21);
    const Config c = parsed(lesson_config(lesson("lr-sensitivity")));
    for (const RunConfig& r : c.runs)
    {
        CAPTURE(r.name);
        CHECK(std::find(grid.begin(), grid.end(), r.optimizer.lr) != grid.end());
        CHECK((r.optimizer.momentum == 0 || r.optimizer.momentum == 0.9));
    }
}

namespace
{

// The final test loss and divergence of every cell of `lrlab sweep CFG --lr-range
// 0.0001:10:21 [--optimizers ...]` on the lesson's data, with `base` as the base run.
struct SweepCurve
{
    std::vector<double> test_loss;
    std::vector<bool> diverged;
};

std::map<std::string, SweepCurve> sweep(json config, const json& base, const SweepSpec& spec,
                                        const std::string& label)
{
    config["runs"] = json::array({base});
    const RunConfig base_run = parsed(config).runs[0];
    std::map<std::string, SweepCurve> curves;
    for (std::int64_t i = 0; i < sweep_cell_count(spec); ++i)
    {
        const SweepCell cell = sweep_cell(spec, base_run, i);
        const ConfigResult c = sweep_cell_config(config, 0, spec, cell);
        REQUIRE(c.ok());
        SweepRow row;
        train_sweep_cell(c.config, std::nullopt, row);
        SweepCurve& curve = curves[label.empty() ? cell.optimizer : label];
        curve.test_loss.push_back(row.final_test_loss);
        curve.diverged.push_back(row.diverged);
    }
    return curves;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

TEST_CASE("lesson lr-sensitivity: the sweep's basins and its high-LR end, seeds 1-10")
{
    const std::vector<double> grid = log_spaced(1e-4, 10, 21);
    SweepSpec three;
    three.lrs = grid;
    three.optimizers = {"sgd", "adam", "rmsprop"};
    SweepSpec momentum;
    momentum.lrs = grid;
    const json sgd = {{"name", "base"}, {"optimizer", {{"type", "sgd"}, {"lr", 0.03}}}};
    json sgd_m = sgd;
    sgd_m["optimizer"]["momentum"] = 0.9;

    std::map<std::string, std::vector<std::vector<double>>> losses;  // [optimizer][lr][seed]
    for (std::int64_t seed = 1; seed <= 10; ++seed)
    {
        const json config = lesson_config(lesson("lr-sensitivity"), seed);
        std::map<std::string, SweepCurve> curves = sweep(config, sgd, three, "");
        curves["sgd+m"] = sweep(config, sgd_m, momentum, "sgd+m")["sgd+m"];
        for (auto& entry : curves)  // not a structured binding: CAPTURE's lambda takes it (C++17)
        {
            const std::string& name = entry.first;
            SweepCurve& curve = entry.second;
            CAPTURE(name);
            CAPTURE(seed);
            losses[name].resize(grid.size());
            for (std::size_t k = 0; k < grid.size(); ++k)
            {
                CHECK_FALSE(curve.diverged[k]);  // up to 10, nothing becomes inf or NaN
                if (grid[k] > 3)
                    CHECK(curve.test_loss[k] > 0.69);  // worse than chance (ln 2)
                losses[name][k].push_back(curve.test_loss[k]);
            }
        }
    }
    // The caption's basins: the LRs of median test loss under 0.1, from the first to the last.
    const std::map<std::string, std::pair<double, double>> basins = {
        {"sgd", {0.056, 1.0}}, {"sgd+m", {0.0056, 0.1}}, {"adam", {0.0032, 0.056}},
        {"rmsprop", {0.0032, 0.032}}};
    for (const auto& entry : basins)
    {
        const std::string& name = entry.first;
        const auto& band = entry.second;
        CAPTURE(name);
        std::vector<std::size_t> in;
        for (std::size_t k = 0; k < grid.size(); ++k)
            if (median(losses[name][k]) < 0.1)
                in.push_back(k);
        REQUIRE(!in.empty());
        CHECK(in.size() >= 5);
        CHECK(in.size() <= 6);
        CHECK(in.back() - in.front() + 1 == in.size());  // one band, no gaps
        CHECK(grid[in.front()] == doctest::Approx(band.first).epsilon(0.02));
        CHECK(grid[in.back()] == doctest::Approx(band.second).epsilon(0.02));
    }
}

TEST_CASE("lesson your-data: the circle copied to points, plus outliers of the outer class inside")
{
    const Config c = parsed(lesson_config(lesson("your-data")));
    const auto& rows = c.data.points;
    REQUIRE(rows.size() == 208);
    int inside_outer = 0;
    for (const auto& p : rows)
    {
        REQUIRE(p.size() == 3);
        if (p[2] == 0 && std::hypot(p[0], p[1]) < 2.5)
            ++inside_outer;
    }
    CHECK(inside_outer == 8);  // the circle's own outer points all lie beyond radius 3
}

namespace
{

// Each run's final test accuracy at a seed, from a lesson's config with its points replaced.
std::vector<double> test_accuracies(json config)
{
    const auto e = std::make_unique<Experiment>(parsed(config));
    e->step_all(e->steps());
    std::vector<double> acc;
    for (std::size_t i = 0; i < e->size(); ++i)
        acc.push_back(e->run(i).history().back().test_acc);
    return acc;
}

}  // namespace

TEST_CASE("lesson your-data: on average the outliers cost sgd 3 far more accuracy than sgd 1")
{
    // The caption's means over seeds 1-10: sgd 1 0.979 without the outliers, 0.938 with them;
    // sgd 3 0.947 and 0.797.
    const Lesson& l = lesson("your-data");
    const std::size_t n_runs = parsed(lesson_config(l)).runs.size();
    std::vector<double> drop(n_runs, 0.0);
    for (std::int64_t seed = 1; seed <= 10; ++seed)
    {
        const json with = lesson_config(l, seed);
        json without = with;
        json& rows = without["data"]["points"];
        rows.erase(rows.end() - 8, rows.end());  // the outliers are the last 8 rows
        const std::vector<double> a = test_accuracies(with), b = test_accuracies(without);
        for (std::size_t i = 0; i < n_runs; ++i)
            drop[i] += (b[i] - a[i]) / 10;
    }
    CAPTURE(drop[0]);
    CAPTURE(drop[1]);
    CHECK(drop[0] < 0.06);   // sgd 1: about the outliers that land in the test set
    CHECK(drop[1] > 0.1);    // sgd 3
    CHECK(drop[1] > 2 * drop[0]);
}
