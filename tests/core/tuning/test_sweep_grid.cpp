// The sweep grid: cell order (LR outermost, then optimizers, then each --param, the last
// fastest), each cell's config, and the checks made before anything trains.
#include <doctest/doctest.h>

#include "core/config/json.hpp"
#include "core/tuning/sweep_grid.hpp"

using namespace lrlab;
using nlohmann::json;

namespace
{
const json user = json::parse(R"({"train": {"steps": 20},
    "runs": [{"name": "a", "optimizer": {"type": "sgd", "lr": 0.1, "momentum": 0.9}},
             {"name": "b", "optimizer": {"type": "adam", "lr": 0.002},
              "schedule": {"type": "one_cycle"}, "clip": {"type": "global_norm"}}]})");

SweepSpec spec_with_axis(const char* path, std::vector<double> values)
{
    SweepSpec s;
    s.lrs = {0.01, 0.1, 1.0};
    s.optimizers = {"sgd", "adam"};
    SweepAxis a;
    std::string error;
    REQUIRE(resolve_param_path(user, path, a.path, error));
    a.values = std::move(values);
    s.axes.push_back(a);
    return s;
}

RunConfig base_run(std::size_t i) { return parse_config(user).config.runs[i]; }
}  // namespace

TEST_CASE("cells are numbered in nesting order: LR, then optimizer, then the --param values")
{
    const SweepSpec s = spec_with_axis("train.l2", {0.0, 1e-3});
    REQUIRE(sweep_cell_count(s) == 12);
    const RunConfig base = base_run(0);
    const struct { std::int64_t i; double lr; const char* opt; double l2; } want[] = {
        {0, 0.01, "sgd", 0.0}, {1, 0.01, "sgd", 1e-3}, {2, 0.01, "adam", 0.0},
        {3, 0.01, "adam", 1e-3}, {4, 0.1, "sgd", 0.0}, {11, 1.0, "adam", 1e-3}};
    for (const auto& w : want)
    {
        CAPTURE(w.i);
        const SweepCell c = sweep_cell(s, base, w.i);
        CHECK(c.index == w.i);
        CHECK(c.lr == w.lr);
        CHECK(c.optimizer == w.opt);
        REQUIRE(c.values.size() == 1);
        CHECK(c.values[0] == w.l2);
    }
    CHECK(sweep_params_text(s, sweep_cell(s, base, 1)) == "train.l2=0.001");
}

TEST_CASE("a cell is the base run alone, the optimizer at its defaults but the LR")
{
    const SweepSpec s = spec_with_axis("train.l2", {0.0, 1e-3});
    const ConfigResult r = sweep_cell_config(user, 1, s, sweep_cell(s, base_run(1), 5));
    REQUIRE(r.ok());
    REQUIRE(r.config.runs.size() == 1);
    const RunConfig& run = r.config.runs[0];
    CHECK(run.name == "b");
    CHECK(run.optimizer.type == "sgd");
    CHECK(run.optimizer.lr == 0.1);
    CHECK(run.optimizer.momentum == 0.0);  // sgd's default, not run a's 0.9
    CHECK(run.schedule.type == "one_cycle");
    CHECK(run.schedule.max_lr == 0.1);  // the schedule's LR-dependent default follows the cell
    CHECK(run.clip.type == "global_norm");
    CHECK(r.config.train.l2 == 1e-3);
}

TEST_CASE("without --lr-range and --optimizers a cell keeps the base run's optimizer")
{
    SweepSpec s;
    REQUIRE(sweep_cell_count(s) == 1);
    const SweepCell c = sweep_cell(s, base_run(0), 0);
    CHECK(c.optimizer == "sgd");
    CHECK(c.lr == 0.1);
    s.lrs = {0.5};
    const ConfigResult r = sweep_cell_config(user, 0, s, sweep_cell(s, base_run(0), 0));
    REQUIRE(r.ok());
    CHECK(r.config.runs[0].optimizer.lr == 0.5);
    CHECK(r.config.runs[0].optimizer.momentum == 0.9);  // the rest of the optimizer is kept
}

TEST_CASE("a --param of the base run reaches the cell's only run; invalid cells are named")
{
    const SweepSpec s = spec_with_axis("runs[1].optimizer.momentum", {0.0, 0.5});
    CHECK(check_sweep_spec(s, 1).empty());
    const ConfigResult sgd = sweep_cell_config(user, 1, s, sweep_cell(s, base_run(1), 1));
    REQUIRE(sgd.ok());
    CHECK(sgd.config.runs[0].optimizer.momentum == 0.5);
    const ConfigResult adam = sweep_cell_config(user, 1, s, sweep_cell(s, base_run(1), 3));
    REQUIRE_FALSE(adam.ok());  // Adam has no momentum: the validator's error, naming the cell
    CHECK(adam.errors[0].path == "runs[0].optimizer.momentum");
    CHECK(adam.errors[0].message.find("cell 3 (adam, lr=0.01, runs[1].optimizer.momentum=0.5)") ==
          0);
}

TEST_CASE("repeated values, another run's path and oversized grids are refused up front")
{
    SweepSpec s = spec_with_axis("runs[0].optimizer.lr", {0.1, 0.2});
    const std::vector<ConfigError> lr_axis = check_sweep_spec(s, 0);
    REQUIRE(lr_axis.size() == 1);
    CHECK(lr_axis[0].message.find("--lr-range") != std::string::npos);
    s = spec_with_axis("runs[0].optimizer.weight_decay", {0.1, 0.2});
    const std::vector<ConfigError> other_run = check_sweep_spec(s, 1);
    REQUIRE(other_run.size() == 1);
    CHECK(other_run[0].path == "--param runs[0].optimizer.weight_decay");
    s.lrs = {0.1, 0.1};
    s.optimizers = {"adam", "adam"};
    s.axes[0].values = {3, 3};
    const std::vector<ConfigError> e = check_sweep_spec(s, 0);
    REQUIRE(e.size() == 3);
    CHECK(e[0].path == "--lr-range");
    CHECK(e[1].path == "--optimizers");
    CHECK(e[2].path == "--values (for --param runs[0].optimizer.weight_decay)");
    SweepSpec big;
    big.lrs.resize(1000);
    for (std::size_t i = 0; i < big.lrs.size(); ++i)
        big.lrs[i] = double(i + 1);
    big.optimizers = {"sgd", "adam", "rmsprop", "adagrad", "adamw", "nadam", "radam", "lion",
                      "adamax", "adadelta", "sgd2"};
    big.optimizers.pop_back();
    SweepAxis a = s.axes[0];
    a.values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    big.axes = {a};
    CHECK(sweep_cell_count(big) > max_sweep_cells);
    const std::vector<ConfigError> too_big = check_sweep_spec(big, 0);
    REQUIRE(too_big.size() == 1);
    CHECK(too_big[0].message.find("more than 100000 cells") != std::string::npos);
}
