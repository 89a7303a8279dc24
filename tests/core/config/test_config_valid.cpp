// Config: defaults (DESIGN.md's table), the JSON round trip for every optimizer, schedule and
// clip type, changes, the surface config, format_double and the generated reference.
#include <cmath>
#include <doctest/doctest.h>

#include "../config_equal.hpp"
#include "core/config/json.hpp"

namespace lrlab
{
namespace
{

using nlohmann::json;

Config parse_ok(const std::string& text)
{
    const ConfigResult r = parse_config_text(text);
    for (const ConfigError& e : r.errors)
        FAIL_CHECK(to_string(e));
    REQUIRE(r.ok());
    return r.config;
}

RunConfig only_run(const std::string& run_json, std::int64_t steps = 1000)
{
    const Config c = parse_ok("{\"train\": {\"steps\": " + std::to_string(steps) +
                              "}, \"runs\": [" + run_json + "]}");
    REQUIRE(c.runs.size() == 1);
    return c.runs[0];
}

TEST_CASE("an empty config takes every default")
{
    const Config c = parse_ok("{}");
    CHECK(c.seed == 1);
    CHECK(c.data.dataset == "circle");
    CHECK(c.data.seed == 1);
    CHECK(c.model.init_seed == 1);
    CHECK(c.model.hidden == std::vector<int>{4, 2});
    CHECK(c.train.steps == 1000);
    REQUIRE(c.runs.size() == 1);
    CHECK(c.runs[0].name == "run 1");
    CHECK(c.runs[0].optimizer.type == "sgd");
    CHECK(c.runs[0].optimizer.lr == 0.03);
    CHECK(c.runs[0].schedule.type == "constant");
    CHECK(c.runs[0].clip.type == "none");
    CHECK(c.runs[0].train.batch_size == 10);
    CHECK(to_minimal_json(c) == json::object());
}

TEST_CASE("seeds and run train values default to the top level")
{
    const Config c = parse_ok(R"({"seed": 42, "model": {"init_seed": 5},
        "train": {"batch_size": 25, "l1": 0.5, "l2": 0.25},
        "runs": [{}, {"name": "b", "train": {"l2": 1}}, {}]})");
    CHECK(c.data.seed == 42);
    CHECK(c.model.init_seed == 5);
    CHECK(c.runs[0].train.batch_size == 25);
    CHECK(c.runs[0].train.l1 == 0.5);
    CHECK(c.runs[1].train.l2 == 1.0);
    CHECK(c.runs[1].train.l1 == 0.5);
    CHECK(c.runs[0].name == "run 1");
    CHECK(c.runs[1].name == "b");
    CHECK(c.runs[2].name == "run 3");
    CHECK(parse_ok(R"({"seed": 4294967295})").data.seed == 4294967295ULL);
    CHECK(parse_ok(R"({"train": {"steps": 2000.0}})").train.steps == 2000);
}

TEST_CASE("optimizer defaults are PyTorch 1.13's (sgd and lion: DESIGN.md)")
{
    struct Row
    {
        const char* type;
        double lr, eps, weight_decay, beta2;
    };
    const Row rows[] = {
        {"sgd", 0.03, 1e-8, 0, 0.999},      {"adagrad", 1e-2, 1e-10, 0, 0.999},
        {"rmsprop", 1e-2, 1e-8, 0, 0.999},  {"adadelta", 1.0, 1e-6, 0, 0.999},
        {"adam", 1e-3, 1e-8, 0, 0.999},     {"adamw", 1e-3, 1e-8, 1e-2, 0.999},
        {"adamax", 2e-3, 1e-8, 0, 0.999},   {"nadam", 2e-3, 1e-8, 0, 0.999},
        {"radam", 1e-3, 1e-8, 0, 0.999},    {"lion", 1e-4, 1e-8, 0, 0.99},
    };
    for (const Row& row : rows)
    {
        CAPTURE(row.type);
        const RunConfig r = only_run(std::string("{\"optimizer\": {\"type\": \"") + row.type +
                                     "\"}}");
        CHECK(r.optimizer.lr == row.lr);
        CHECK(r.optimizer.eps == row.eps);
        CHECK(r.optimizer.weight_decay == row.weight_decay);
        CHECK(r.optimizer.betas[1] == row.beta2);
    }
    const RunConfig rms = only_run(R"({"optimizer": {"type": "rmsprop"}})");
    CHECK(rms.optimizer.alpha == 0.99);
    CHECK(only_run(R"({"optimizer": {"type": "adadelta"}})").optimizer.rho == 0.9);
    CHECK(only_run(R"({"optimizer": {"type": "nadam"}})").optimizer.momentum_decay == 4e-3);
}

TEST_CASE("schedule defaults follow DESIGN.md's table (S = steps, L = lr)")
{
    const auto sched = [](const char* type, std::int64_t steps, const char* extra = "")
    {
        return only_run(std::string("{\"optimizer\": {\"type\": \"sgd\", \"lr\": 0.1}, "
                                    "\"schedule\": {\"type\": \"") +
                            type + "\"" + extra + "}}",
                        steps)
            .schedule;
    };
    CHECK(sched("step", 1000).step_size == 333);
    CHECK(sched("step", 2).step_size == 1);  // max(1, S/3)
    CHECK(sched("step", 1000).gamma == 0.1);
    CHECK(sched("multistep", 1000).milestones == std::vector<std::int64_t>{500, 750});
    CHECK(sched("multistep", 1).milestones == std::vector<std::int64_t>{0, 0});
    CHECK(sched("exponential", 1000).gamma == doctest::Approx(std::pow(0.01, 1e-3)));
    CHECK(sched("inverse_time", 1000).decay_steps == 100);
    CHECK(sched("inverse_time", 9).decay_steps == 1);
    CHECK(sched("polynomial", 1000).total_iters == 1000);
    CHECK(sched("linear", 1000).total_iters == 100);
    CHECK(sched("linear", 1000).start_factor == 1.0 / 3.0);
    CHECK(sched("cosine", 777).T_max == 777);
    CHECK(sched("cosine_warm_restarts", 1000).T_0 == 250);
    const ScheduleConfig cyc = sched("cyclic", 1000);
    CHECK(cyc.base_lr == 0.1);
    CHECK(cyc.max_lr == 10 * 0.1);
    CHECK(cyc.step_size_up == 125);
    CHECK(cyc.step_size_down == 125);
    CHECK(cyc.mode == "triangular");
    CHECK(sched("cyclic", 1000, ", \"step_size_up\": 40").step_size_down == 40);
    const ScheduleConfig one = sched("one_cycle", 1000);
    CHECK(one.max_lr == 0.1);
    CHECK(one.total_steps == 1000);
    CHECK(one.base_momentum == 0.85);
    const ScheduleConfig plateau = sched("reduce_on_plateau", 1000);
    CHECK(plateau.mode == "min");
    CHECK(plateau.patience == 10);
    const ScheduleConfig seq = sched("sequential", 1000);
    REQUIRE(seq.schedules.size() == 2);
    CHECK(seq.schedules[0].type == "linear");
    CHECK(seq.schedules[1].T_max == 1000);  // children use S too
    CHECK(seq.milestones == std::vector<std::int64_t>{100});
    const ScheduleConfig seq3 = sched(
        "sequential", 500, R"(, "schedules": [{"type": "linear"}, {"type": "step"}, {}])");
    CHECK(seq3.milestones == std::vector<std::int64_t>{50, 100});
    CHECK(seq3.schedules[1].step_size == 166);
    CHECK(seq3.schedules[2].type == "constant");
}

// Every key of every type away from its default (sgd's dampening is covered by the second sgd
// run, since nesterov needs dampening 0).
const char* const round_trip_config = R"({
  "seed": 7,
  "data": {"dataset": "blobs", "samples": 300, "noise": 0.25, "train_fraction": 0.6,
           "classes": 4, "features": ["x1", "x2", "sin_x1"], "seed": 11},
  "model": {"hidden": [8, 8, 3], "activation": "leaky_relu", "leaky_slope": 0.2,
            "init": "he_normal", "init_seed": 13},
  "train": {"steps": 300, "batch_size": 16, "l1": 0.001, "l2": 0.002, "eval_every": 5},
  "runs": [
    {"name": "sgd nesterov",
     "optimizer": {"type": "sgd", "lr": 0.1, "momentum": 0.9, "nesterov": true,
                   "weight_decay": 0.01},
     "schedule": {"type": "constant", "factor": 0.5, "total_iters": 20},
     "clip": {"type": "value", "clip_value": 0.5},
     "train": {"batch_size": 8, "l1": 0.01, "l2": 0.02},
     "changes": [{"at": 50, "path": "train.batch_size", "value": 4},
                 {"at": 100, "path": "optimizer.lr", "value": 0.05}]},
    {"optimizer": {"type": "sgd", "dampening": 0.5},
     "schedule": {"type": "step", "step_size": 30, "gamma": 0.5},
     "clip": {"type": "norm", "max_norm": 2, "norm_type": 1}},
    {"optimizer": {"type": "adagrad", "lr": 0.05, "lr_decay": 0.01, "weight_decay": 0.001,
                   "initial_accumulator_value": 0.1, "eps": 1e-9},
     "schedule": {"type": "multistep", "milestones": [10, 20, 20], "gamma": 0.3},
     "clip": {"type": "global_norm", "max_norm": 0.5, "norm_type": "inf"}},
    {"optimizer": {"type": "rmsprop", "lr": 0.005, "alpha": 0.9, "eps": 1e-7,
                   "weight_decay": 0.001, "momentum": 0.5, "centered": true},
     "schedule": {"type": "exponential", "gamma": 0.99},
     "clip": {"type": "agc", "clipping": 0.02, "eps": 0.01}},
    {"optimizer": {"type": "adadelta", "lr": 0.5, "rho": 0.95, "eps": 1e-5, "weight_decay": 0.001},
     "schedule": {"type": "inverse_time", "decay_rate": 0.5, "decay_steps": 7, "staircase": true}},
    {"optimizer": {"type": "adam", "lr": 0.01, "betas": [0.8, 0.99], "eps": 1e-7,
                   "weight_decay": 0.001, "amsgrad": true},
     "schedule": {"type": "polynomial", "total_iters": 200, "power": 2}},
    {"optimizer": {"type": "adamw", "lr": 0.01, "betas": [0.8, 0.99], "eps": 1e-7,
                   "weight_decay": 0.05, "amsgrad": true},
     "schedule": {"type": "linear", "start_factor": 0.1, "end_factor": 0.9, "total_iters": 40}},
    {"optimizer": {"type": "adamax", "lr": 0.01, "betas": [0.8, 0.99], "eps": 1e-7,
                   "weight_decay": 0.001},
     "schedule": {"type": "cosine", "T_max": 100, "eta_min": 0.001}},
    {"optimizer": {"type": "nadam", "lr": 0.01, "betas": [0.8, 0.99], "eps": 1e-7,
                   "weight_decay": 0.001, "momentum_decay": 0.005},
     "schedule": {"type": "cosine_warm_restarts", "T_0": 50, "T_mult": 2, "eta_min": 0.0005}},
    {"optimizer": {"type": "radam", "lr": 0.01, "betas": [0.8, 0.99], "eps": 1e-7,
                   "weight_decay": 0.001},
     "schedule": {"type": "cyclic", "base_lr": 0.001, "max_lr": 0.05, "step_size_up": 20,
                  "step_size_down": 30, "mode": "exp_range", "gamma": 0.99,
                  "cycle_momentum": true, "base_momentum": 0.7, "max_momentum": 0.95}},
    {"optimizer": {"type": "lion", "lr": 0.0003, "betas": [0.95, 0.98], "weight_decay": 0.1},
     "schedule": {"type": "one_cycle", "max_lr": 0.2, "total_steps": 250, "pct_start": 0.25,
                  "anneal_strategy": "linear", "div_factor": 10, "final_div_factor": 100,
                  "three_phase": true, "cycle_momentum": true, "base_momentum": 0.8,
                  "max_momentum": 0.9}},
    {"optimizer": {"type": "adam"},
     "schedule": {"type": "sequential",
                  "schedules": [{"type": "constant", "factor": 0.5, "total_iters": 3},
                                {"type": "step", "step_size": 10}, {"type": "cosine"}],
                  "milestones": [40, 80]}},
    {"optimizer": {"type": "adam"},
     "schedule": {"type": "reduce_on_plateau", "mode": "max", "factor": 0.5, "patience": 3,
                  "threshold": 0.01, "threshold_mode": "abs", "cooldown": 2, "min_lr": 1e-5,
                  "eps": 1e-9}}
  ]
})";

TEST_CASE("round trip: every field away from its default, every type")
{
    const json input = json::parse(round_trip_config);
    const Config c = parse_ok(round_trip_config);
    REQUIRE(c.runs.size() == 13);
    // Nothing was left at a default: the minimal form is the input itself.
    CHECK(to_minimal_json(c) == input);
    const json full = to_json(c);
    CHECK(parse_config(full).config == c);
    CHECK(parse_config_text(full.dump()).config == c);
    CHECK(parse_config_text(full.dump(2)).config == c);
    CHECK(parse_config(to_minimal_json(c)).config == c);
    CHECK(to_json(parse_config(full).config) == full);
    // Only the keys of each type are written; the input gives all of them (but sgd nesterov's
    // dampening).
    for (std::size_t i = 0; i < 11; ++i)
    {
        CAPTURE(i);
        for (const char* section : {"optimizer", "schedule", "clip"})
        {
            const json& given = input["runs"][i];
            if (given.contains(section) && (i >= 2 || std::string(section) != "optimizer"))
                CHECK(full["runs"][i][section].size() == given[section].size());
        }
    }
    CHECK(full["runs"][2]["clip"]["norm_type"] == "inf");
    CHECK(std::isinf(c.runs[2].clip.norm_type));
    CHECK(full["runs"][4]["clip"] == json{{"type", "none"}});
}

TEST_CASE("defaults round-trip for every type with every key omitted")
{
    const char* const types[] = {"constant", "step", "multistep", "exponential",
                                 "inverse_time", "polynomial", "linear", "cosine",
                                 "cosine_warm_restarts", "cyclic", "one_cycle", "sequential",
                                 "reduce_on_plateau"};
    for (const char* t : types)
    {
        CAPTURE(t);
        const Config c = parse_ok(std::string(R"({"train": {"steps": 90}, "runs": [
            {"optimizer": {"type": "adamw", "lr": 0.2}, "schedule": {"type": ")") + t + "\"}}]}");
        CHECK(parse_config(to_json(c)).config == c);
        const json minimal = to_minimal_json(c);
        CHECK(parse_config(minimal).config == c);
        const json& run = minimal["runs"][0];
        if (std::string(t) == "constant")
            CHECK(!run.contains("schedule"));
        else
            CHECK(run["schedule"] == json{{"type", t}});
    }
}

TEST_CASE("changes are sorted by step (stably) and applied by run_config_at")
{
    const Config c = parse_ok(R"({"train": {"steps": 100}, "runs": [{"optimizer": {"type": "sgd"},
        "changes": [{"at": 30, "path": "optimizer.lr", "value": 0.3},
                    {"at": 10, "path": "optimizer.momentum", "value": 0.9},
                    {"at": 30, "path": "optimizer.lr", "value": 0.5},
                    {"at": 20, "path": "optimizer.nesterov", "value": true}]}]})");
    const std::vector<Change>& ch = c.runs[0].changes;
    REQUIRE(ch.size() == 4);
    CHECK(ch[0].at == 10);
    CHECK(ch[1].at == 20);
    CHECK(ch[2].value == json(0.3));
    CHECK(ch[3].value == json(0.5));
    CHECK(run_config_at(c, 0, 0).optimizer.momentum == 0.0);
    CHECK(run_config_at(c, 0, 10).optimizer.momentum == 0.9);
    CHECK(run_config_at(c, 0, 19).optimizer.nesterov == false);
    CHECK(run_config_at(c, 0, 20).optimizer.nesterov == true);
    CHECK(run_config_at(c, 0, 29).optimizer.lr == 0.03);
    CHECK(run_config_at(c, 0, 30).optimizer.lr == 0.5);
    CHECK(run_config_at(c, 0, 30).changes.size() == 4);
    CHECK(run_config_at(c, 0, 30).name == "run 1");
}

TEST_CASE("a change keeps the defaults resolved from the base run")
{
    const Config c = parse_ok(R"({"runs": [{"optimizer": {"type": "sgd", "lr": 0.1},
        "schedule": {"type": "cyclic"}, "train": {"batch_size": 5},
        "changes": [{"at": 5, "path": "optimizer.lr", "value": 0.2},
                    {"at": 6, "path": "schedule.max_lr", "value": 3},
                    {"at": 7, "path": "train.batch_size", "value": 50}]}]})");
    const RunConfig r = run_config_at(c, 0, 7);
    CHECK(r.optimizer.lr == 0.2);
    CHECK(r.schedule.base_lr == 0.1);
    CHECK(r.schedule.max_lr == 3.0);
    CHECK(r.train.batch_size == 50);
}

TEST_CASE("surface config: defaults and every key")
{
    const SurfaceConfigResult d = parse_surface_config(json::object());
    REQUIRE(d.ok());
    CHECK(d.config.function == "rosenbrock");
    CHECK(d.config.start == std::array<double, 2>{-1.5, 2.0});
    CHECK(d.config.steps == 200);
    REQUIRE(d.config.runs.size() == 1);
    CHECK(d.config.runs[0].name == "run 1");
    const SurfaceConfigResult r = parse_surface_config(json::parse(R"({"function": "beale",
        "start": [1, -1.25], "steps": 80, "runs": [{"name": "a", "optimizer": {"type": "adam"},
        "schedule": {"type": "step"}, "clip": {"type": "value", "clip_value": 2}},
        {"optimizer": {"type": "sgd"}}]})"));
    REQUIRE(r.ok());
    CHECK(r.config.function == "beale");
    CHECK(r.config.start[1] == -1.25);
    CHECK(r.config.runs[0].schedule.step_size == 26);  // S = steps = 80
    CHECK(r.config.runs[0].clip.clip_value == 2.0);
    CHECK(r.config.runs[1].name == "run 2");
    // view: the function's window by default, or what the config says
    CHECK(d.config.view_x == std::array<double, 2>{-2.0, 2.0});
    CHECK(r.config.view_y == std::array<double, 2>{-4.5, 4.5});
    const SurfaceConfigResult v = parse_surface_config(
        json::parse(R"({"function": "ackley", "view": {"x": [-1, 0.5]}})"));
    REQUIRE(v.ok());
    CHECK(v.config.view_x == std::array<double, 2>{-1.0, 0.5});
    CHECK(v.config.view_y == std::array<double, 2>{-5.0, 5.0});
}

TEST_CASE("format_double is the shortest form that reads back")
{
    CHECK(format_double(0.1) == "0.1");
    CHECK(format_double(1e-8) == "1e-08");
    CHECK(format_double(2000) == "2000");
    CHECK(format_double(-1) == "-1");
    CHECK(format_double(1.0 / 3.0) == "0.3333333333333333");
    CHECK(format_double(20000) == "20000");
    CHECK(format_double(1e20) == "1e+20");
    CHECK(format_double(0.1 + 0.2) == "0.30000000000000004");
    CHECK(format_double(std::nan("")) == "nan");
    CHECK(format_double(HUGE_VAL) == "inf");
    CHECK(format_double(-HUGE_VAL) == "-inf");
    for (double v : {0.1 + 0.2, 1e300, 5e-324, 123456.789, -0.0})
        CHECK(std::strtod(format_double(v).c_str(), nullptr) == v);
}

TEST_CASE("format_float is the shortest form that reads back to the same float")
{
    CHECK(format_float(0.1f) == "0.1");
    CHECK(format_float(150.0f) == "150");  // whole numbers in full, as format_double
    CHECK(format_float(16777216.0f) == "16777216");
    CHECK(format_float(1.0f / 3.0f) == "0.33333334");
    CHECK(format_float(3.4e38f) == "3.4e+38");  // beyond 1e17: no 17-digit expansion
    CHECK(format_float(-2.5e-7f) == "-2.5e-07");
    CHECK(format_float(std::nanf("")) == "nan");
    CHECK(format_float(-HUGE_VALF) == "-inf");
    for (float v : {0.1f, 1e-38f, 1e-45f, 123456.789f, 3.4028235e38f, -0.0f})
        CHECK(std::strtof(format_float(v).c_str(), nullptr) == v);
}

TEST_CASE("the reference documents every key of every type from the tables")
{
    const std::string md = config_reference_markdown();
    for (const char* s : {"### runs[].optimizer", "#### `lion`", "#### `reduce_on_plateau`",
                          "| `momentum_decay` |", "| `T_0` | integer | max(1, S/4) |",
                          "| `step_size_down` | integer | step_size_up |", "| `max_lr` |",
                          "| `data.features` |", "| `model.hidden` |", "| `norm_type` |",
                          "| `clipping` |", "| `function` |", "10 L", "[S/2, 3S/4]"})
    {
        CAPTURE(s);
        CHECK(md.find(s) != std::string::npos);
    }
}

}  // namespace
}  // namespace lrlab
