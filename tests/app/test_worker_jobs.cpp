// The jobs of the page's workers (src/app/worker_jobs.hpp): a sweep cell's row is the row the
// core's reference trainer gives that cell, a CV fold's row is CrossValidation's row, a range
// test is LrFinder's; the cache never serves the previous job's options; bad options name the
// option, as the CLI names the flag.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "app/sweep_request.hpp"
#include "app/worker_jobs.hpp"
#include "core/config/json.hpp"
#include "core/tuning/cross_validation.hpp"
#include "core/tuning/lr_finder.hpp"
#include "core/tuning/sweep_cell.hpp"
#include "core/tuning/value_list.hpp"

using namespace lrlab;
using nlohmann::json;

namespace
{

json small_config()
{
    return json::parse(R"({"data": {"dataset": "circle", "samples": 120, "noise": 0.1},
        "model": {"hidden": [6]}, "train": {"steps": 40, "batch_size": 10, "eval_every": 10},
        "runs": [{"name": "base", "optimizer": {"type": "sgd", "lr": 0.1}},
                 {"name": "other", "optimizer": {"type": "adam", "lr": 0.01}}]})");
}

json reply(WorkerJobs& jobs, const json& job) { return json::parse(jobs.run(job.dump())); }

// Equal as the page compares them: the same JSON text (shortest round-trip numbers).
void check_same(const json& got, const json& want) { CHECK(got.dump() == want.dump()); }

std::string first_path(const json& r)
{
    REQUIRE(r.contains("errors"));
    REQUIRE(!r["errors"].empty());
    return r["errors"][0]["path"].get<std::string>();
}

}  // namespace

TEST_CASE("worker job sweep_cell: each cell's row is the reference trainer's row for that cell")
{
    WorkerJobs jobs;
    json opts = {{"config", small_config()}, {"lrRange", "0.01:3:3"}, {"optimizers", "sgd,adam"},
                 {"param", "runs[1].train.batch_size"}, {"values", "5,20"}, {"run", "other"},
                 {"targetLoss", 0.6}};
    SweepRequest r;
    REQUIRE(read_sweep_request(opts, json(), true, r).empty());
    REQUIRE(r.cells == 12);
    for (std::int64_t cell : {11, 0, 5, 6})  // any order: a cell depends on its index only
    {
        const json got = reply(jobs, {{"kind", "sweep_cell"}, {"sweep", opts}, {"cell", cell}});
        REQUIRE(got.contains("row"));
        const SweepCell c = sweep_cell(r.spec, r.base_run, cell);
        const ConfigResult config = sweep_cell_config(r.user, r.base, r.spec, c);
        REQUIRE(config.ok());
        SweepRow want;
        want.cell = cell;
        want.optimizer = c.optimizer;
        want.lr = c.lr;
        want.params = sweep_params_text(r.spec, c);
        train_sweep_cell_reference(config.config, 0.6, want);
        check_same(got["row"], sweep_row_json(want));
        SweepRow back;
        REQUIRE(sweep_row_from_json(got["row"], back));
        CHECK(back.cell == cell);
    }
    // Another sweep through the same worker: not the cached one's rows.
    opts["optimizers"] = "adam";
    const json other = reply(jobs, {{"kind", "sweep_cell"}, {"sweep", opts}, {"cell", 0}});
    CHECK(other["row"]["optimizer"] == "adam");
    CHECK(other["row"]["params"] == "runs[1].train.batch_size=5");
}

TEST_CASE("worker job cv_fold: each (value, fold) row is CrossValidation's row")
{
    WorkerJobs jobs;
    const json cv = {{"config", small_config()}, {"values", "log:0.01:1:3"}, {"folds", 3}};
    CvRequest request;
    request.config = small_config();
    request.values = parse_value_list("log:0.01:1:3").values;  // what the job reads
    request.folds = 3;
    CvPlan plan;
    REQUIRE(plan_cross_validation(request, plan).empty());
    CrossValidation reference(plan);
    reference.step(1 << 30);
    REQUIRE(reference.done());
    for (const CvFoldResult& want : reference.rows())
    {
        const json got = reply(jobs, {{"kind", "cv_fold"}, {"cv", cv},
                                      {"value", want.value_index}, {"fold", want.fold}});
        REQUIRE(got.contains("row"));
        CHECK(got["row"]["value"].get<double>() == want.value);
        CHECK(got["row"]["fold"].get<std::size_t>() == want.fold);
        CHECK(got["row"]["val_loss"].get<double>() == want.val_loss);
        CHECK(got["row"]["val_acc"].get<double>() == want.val_acc);
        CHECK(got["row"]["diverged"].get<bool>() == want.diverged);
    }
    CHECK(first_path(reply(jobs, {{"kind", "cv_fold"}, {"cv", cv}, {"value", 3}, {"fold", 0}})) ==
          "value");
}

TEST_CASE("worker job lr_find: the range test's rows and suggestions")
{
    WorkerJobs jobs;
    const json got = reply(jobs, {{"kind", "lr_find"},
                                  {"lrFind", {{"config", small_config()}, {"numIter", 30},
                                              {"run", "other"}}}});
    REQUIRE(got.contains("rows"));
    const ConfigResult parsed = parse_config(small_config());
    const Experiment e(parsed.config);
    LrFinderOptions o;
    o.num_iter = 30;
    LrFinder finder(e, 1, o);
    finder.step(30);
    REQUIRE(got["rows"].size() == finder.result().points.size());
    for (std::size_t i = 0; i < got["rows"].size(); ++i)
        CHECK(got["rows"][i]["lr"].get<double>() == finder.result().points[i].lr);
    check_same(got["suggestions"], suggestion_json(finder.result())["suggestions"]);
    CHECK(first_path(reply(jobs, {{"kind", "lr_find"},
                                  {"lrFind", {{"config", small_config()}, {"mode", "log"}}}})) ==
          "mode");
}

TEST_CASE("sweep options: errors name the option, as the CLI names the flag")
{
    const auto path_of = [](json opts)
    {
        opts["config"] = small_config();
        SweepRequest r;
        const std::vector<ConfigError> errors = read_sweep_request(opts, json(), true, r);
        REQUIRE(!errors.empty());
        return errors[0].path + " | " + errors[0].message;
    };
    CHECK(path_of({{"lrRange", "1:0.1"}}).rfind("lrRange | ", 0) == 0);
    CHECK(path_of({{"optimizers", "sgd,adamm"}}).find("optimizers | unknown optimizer \"adamm\"") == 0);
    CHECK(path_of({{"optimizers", "sgd,sgd"}}).rfind("optimizers | ", 0) == 0);
    CHECK(path_of({{"lrRange", 3}}) == "lrRange | must be a string");
    CHECK(path_of({{"lr_range", "1:2:3"}}).rfind("lr_range | unknown option", 0) == 0);
    CHECK(path_of({{"run", "nobody"}}).rfind("run | ", 0) == 0);
    CHECK(path_of({{"param", "train.l2"}}).rfind("values | ", 0) == 0);
    CHECK(path_of({{"param", "train.l2"}, {"values", "1,1"}}) ==
          "values (for param train.l2) | gives the same value twice");
    CHECK(path_of({{"param", "runs[0].optimizer.lr"}, {"values", "1,2"}})
              .find("the LR is the grid's own axis: give it with lrRange") != std::string::npos);
    CHECK(path_of({{"param", "runs[0].train.batch_size"}, {"values", "2.5"}})
              .find("cell 0") != std::string::npos);  // the validator's error, naming the cell
    CHECK(path_of({{"targetLoss", "low"}}) == "targetLoss | must be a number");
}

TEST_CASE("a sweep cell as a run of the page: its optimizer, LR and the per-run keys")
{
    json opts = {{"config", small_config()}, {"lrRange", "0.01:1:2"}, {"optimizers", "adam"},
                 {"params", json::array({{{"param", "train.l2"}, {"values", "0,0.01"}},
                                         {{"param", "train.steps"}, {"values", "20"}}})}};
    SweepRequest r;
    REQUIRE(read_sweep_request(opts, json(), true, r).empty());
    SweepRow row;
    row.cell = 3;  // lr 1, adam, l2 0.01, steps 20
    row.params = "train.l2=0.01;train.steps=20";
    std::vector<std::string> skipped;
    const json run = sweep_cell_as_run(r, row, skipped);
    CHECK(run["optimizer"] == json({{"type", "adam"}, {"lr", 1.0}}));
    CHECK(run["train"]["l2"].get<double>() == 0.01);
    CHECK(run["name"] == "adam 1 train.l2=0.01;train.steps=20");
    CHECK(skipped == std::vector<std::string>{"train.steps"});
}
