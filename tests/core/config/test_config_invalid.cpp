// Config: invalid configs, table-driven; each must be rejected with an error at the exact JSON
// path given, and with the given words in its message. Also: several errors reported at once,
// syntax errors with line and column, non-finite numbers, the surface config.
#include <cmath>
#include <doctest/doctest.h>

#include "core/config/json.hpp"

namespace lrlab
{
namespace
{

using nlohmann::json;

struct Invalid
{
    std::string text;     // the config
    const char* path;     // the path the error must name
    const char* message;  // words the message must contain
};

bool has_error(const std::vector<ConfigError>& errors, const std::string& path,
               const std::string& words)
{
    for (const ConfigError& e : errors)
    {
        if (e.path == path && e.message.find(words) != std::string::npos)
            return true;
    }
    return false;
}

std::string all(const std::vector<ConfigError>& errors)
{
    std::string out;
    for (const ConfigError& e : errors)
        out += to_string(e) + "\n";
    return out;
}

// A run with the given optimizer, schedule and other keys, in a config of 500 samples (250 for
// training) and 100 steps.
std::string run(const std::string& body)
{
    return R"({"train": {"steps": 100}, "runs": [{)" + body + "}]}";
}

std::string seventeen_runs()
{
    std::string runs;
    for (int i = 0; i < 17; ++i)
        runs += std::string(i ? "," : "") + "{}";
    return "{\"runs\": [" + runs + "]}";
}

const std::vector<Invalid>& invalid_configs()
{
    static const std::vector<Invalid> rows{
        // top level
        {"[]", "", "must be a JSON object, got an array"},
        {R"({"sed": 1})", "sed", "unknown key for the config; the config takes seed, data"},
        {R"({"seed": -1})", "seed", "must be in [0, 4294967295], got -1"},
        {R"({"seed": 4294967296})", "seed", "must be in [0, 4294967295], got 4294967296"},
        {R"({"seed": 1.5})", "seed", "must be an integer, got 1.5"},
        {R"({"seed": "1"})", "seed", "must be an integer, got string \"1\""},
        {R"({"seed": -1e999})", "seed", "must be finite, got -inf"},
        // data
        {R"({"data": []})", "data", "must be an object, got an array"},
        {R"({"data": {"dataset": "spirall"}})", "data.dataset",
         "unknown value \"spirall\"; expected one of: circle, xor"},
        {R"({"data": {"dataset": 3}})", "data.dataset", "must be a string, got number 3"},
        {R"({"data": {"samples": 1}})", "data.samples", "must be in [2, 20000], got 1"},
        {R"({"data": {"samples": 1000000000}})", "data.samples", "must be in [2, 20000]"},
        {R"({"data": {"noise": 1.5}})", "data.noise", "must be in [0, 1], got 1.5"},
        {R"({"data": {"train_fraction": 1}})", "data.train_fraction", "must be in (0, 1), got 1"},
        {R"({"data": {"samples": 3, "train_fraction": 0.9}})", "data.train_fraction",
         "leaves 3 train and 0 test samples of 3"},
        {R"({"data": {"classes": 9}})", "data.classes", "must be in [2, 8], got 9"},
        {R"({"data": {"features": []}})", "data.features", "must not be empty"},
        {R"({"data": {"features": ["x1", "x1"]}})", "data.features[1]", "duplicate \"x1\""},
        {R"({"data": {"features": ["x1", "x3"]}})", "data.features[1]",
         "unknown value \"x3\"; expected one of: x1, x2, x1_sq"},
        {R"({"data": {"dataset": "digits8x8", "features": ["x1"]}})", "data.features",
         "digits8x8 takes no features"},
        {R"({"data": {"colour": 1}})", "data.colour", "unknown key for data; data takes dataset"},
        // model
        {R"({"model": {"hidden": [8, 8, 8, 8, 8, 8, 8, 8, 8]}})", "model.hidden",
         "must have at most 8 entries, got 9"},
        {R"({"model": {"hidden": [8, 1000]}})", "model.hidden[1]", "must be in [1, 256], got 1000"},
        {R"({"model": {"hidden": 8}})", "model.hidden", "must be an array of integers"},
        {R"({"model": {"activation": "swish"}})", "model.activation",
         "unknown value \"swish\"; expected one of: relu, tanh"},
        {R"({"model": {"init": "orthogonal"}})", "model.init", "expected one of: auto"},
        {R"({"model": {"leaky_slope": -0.1}})", "model.leaky_slope", "must be in [0, 1]"},
        // train
        {R"({"train": {"steps": 0}})", "train.steps", "must be in [1, 1000000], got 0"},
        {R"({"train": {"steps": 2000000}})", "train.steps", "must be in [1, 1000000]"},
        {R"({"train": {"steps": 2000.5}})", "train.steps", "must be an integer, got 2000.5"},
        {R"({"train": {"batch_size": 300}})", "train.batch_size",
         "must be <= the number of train samples (250), got 300"},
        {R"({"train": {"eval_every": 0}})", "train.eval_every", "must be in [1, 1000000]"},
        {R"({"train": {"l2": -1}})", "train.l2", "must be >= 0, got -1"},
        {R"({"train": {"l1": "0"}})", "train.l1", "must be a number, got string \"0\""},
        {R"({"train": {"steps": 100, "epochs": 3}})", "train.epochs", "unknown key for train"},
        // runs
        {R"({"runs": []})", "runs", "must be a non-empty array of runs"},
        {R"({"runs": {}})", "runs", "must be a non-empty array of runs, got an object"},
        {seventeen_runs(), "runs", "must have at most 16 runs, got 17"},
        {R"({"runs": [{"name": "a"}, {"name": "b"}, {"name": "a"}]})", "runs[2].name",
         "duplicate run name \"a\" (also runs[0])"},
        {R"({"runs": [{"name": "run 2"}, {}]})", "runs[1].name", "duplicate run name \"run 2\""},
        {R"({"runs": [{"name": ""}]})", "runs[0].name", "must be a non-empty string"},
        {R"({"runs": [{"name": "a\nb"}]})", "runs[0].name", "control characters"},
        {R"({"runs": [{"name": "a\u0000b"}]})", "runs[0].name", "control characters"},
        {R"({"runs": [{"optimiser": {"type": "sgd"}}]})", "runs[0].optimiser",
         "unknown key for a run; a run takes name, optimizer, schedule, clip, train, changes"},
        // optimizers
        {run(R"("optimizer": {"lr": 0.1})"), "runs[0].optimizer.type", "required; one of: sgd"},
        {run(R"("optimizer": {"type": "adamm"})"), "runs[0].optimizer.type",
         "unknown optimizer \"adamm\"; expected one of: sgd, adagrad, rmsprop"},
        {run(R"("optimizer": "sgd")"), "runs[0].optimizer",
         "must be an object, got string \"sgd\""},
        {R"({"runs": [{}, {"optimizer": {"type": "sgd", "lr": -1}}]})", "runs[1].optimizer.lr",
         "must be > 0, got -1"},
        {run(R"("optimizer": {"type": "sgd", "lr": 0})"), "runs[0].optimizer.lr",
         "must be > 0, got 0"},
        {run(R"("optimizer": {"type": "sgd", "lr": 1e999})"), "runs[0].optimizer.lr",
         "must be finite, got inf"},
        {run(R"("optimizer": {"type": "adam", "momentum": 0.9})"), "runs[0].optimizer.momentum",
         "unknown key for adam; adam takes lr, betas, eps, weight_decay, amsgrad"},
        {run(R"("optimizer": {"type": "adam", "betas": [0.9, 1.0]})"),
         "runs[0].optimizer.betas[1]", "must be in [0, 1), got 1"},
        {run(R"("optimizer": {"type": "lion", "betas": [0.9]})"), "runs[0].optimizer.betas",
         "must be an array of 2 numbers"},
        {run(R"("optimizer": {"type": "sgd", "nesterov": true})"), "runs[0].optimizer.nesterov",
         "nesterov requires momentum > 0 and dampening 0"},
        {run(R"("optimizer": {"type": "sgd", "momentum": 0.9, "dampening": 0.1,
                 "nesterov": true})"),
         "runs[0].optimizer.nesterov", "dampening 0.1"},
        {run(R"("optimizer": {"type": "sgd", "dampening": 2})"), "runs[0].optimizer.dampening",
         "must be in [0, 1], got 2"},
        {run(R"("optimizer": {"type": "sgd", "momentum": -0.5})"), "runs[0].optimizer.momentum",
         "must be >= 0, got -0.5"},
        {run(R"("optimizer": {"type": "adam", "eps": 0})"), "runs[0].optimizer.eps",
         "must be > 0, got 0"},
        {run(R"("optimizer": {"type": "adamw", "amsgrad": "yes"})"),
         "runs[0].optimizer.amsgrad", "must be true or false, got string \"yes\""},
        {run(R"("optimizer": {"type": "rmsprop", "centered": 1})"),
         "runs[0].optimizer.centered", "must be true or false, got number 1"},
        {run(R"("optimizer": {"type": "rmsprop", "alpha": 1.5})"), "runs[0].optimizer.alpha",
         "must be in [0, 1]"},
        {run(R"("optimizer": {"type": "adadelta", "rho": -0.1})"), "runs[0].optimizer.rho",
         "must be in [0, 1]"},
        {run(R"("optimizer": {"type": "adagrad", "lr_decay": -1})"),
         "runs[0].optimizer.lr_decay", "must be >= 0"},
        {run(R"("optimizer": {"type": "nadam", "weight_decay": -0.01})"),
         "runs[0].optimizer.weight_decay", "must be >= 0, got -0.01"},
        // schedules
        {run(R"("schedule": {"type": "cosinus"})"), "runs[0].schedule.type",
         "unknown schedule \"cosinus\"; expected one of: constant, step"},
        {run(R"("schedule": {"type": "step", "step_size": 0})"), "runs[0].schedule.step_size",
         "must be in [1, 1000000000], got 0"},
        {run(R"("schedule": {"type": "cosine", "T_max": 10.5})"), "runs[0].schedule.T_max",
         "must be an integer, got 10.5"},
        {run(R"("schedule": {"type": "cosine", "gamma": 0.5})"), "runs[0].schedule.gamma",
         "unknown key for schedule cosine; schedule cosine takes T_max, eta_min"},
        {run(R"("schedule": {"max_norm": 1})"), "runs[0].schedule.max_norm",
         "unknown key for schedule constant"},
        {run(R"("schedule": {"type": "multistep", "milestones": [50, 20]})"),
         "runs[0].schedule.milestones[1]", "must be >= the milestone before (50), got 20"},
        {run(R"("schedule": {"type": "multistep", "milestones": [5, -1]})"),
         "runs[0].schedule.milestones[1]", "must be in [0, 1000000000], got -1"},
        {run(R"("schedule": {"type": "sequential", "schedules": [{}, {}, {}],
                 "milestones": [50]})"),
         "runs[0].schedule.milestones", "must have one entry fewer than schedules (2), got 1"},
        {run(R"("schedule": {"type": "sequential", "schedules": [{}, {}, {}],
                 "milestones": [50, 50]})"),
         "runs[0].schedule.milestones[1]", "must be > the milestone before (50), got 50"},
        {run(R"("schedule": {"type": "sequential",
                 "schedules": [{"type": "linear"}, {"type": "sequential"}]})"),
         "runs[0].schedule.schedules[1].type", "not allowed inside sequential"},
        {run(R"("schedule": {"type": "sequential",
                 "schedules": [{"type": "linear"}, {"type": "cosine", "T_max": 0}]})"),
         "runs[0].schedule.schedules[1].T_max", "must be in [1, 1000000000], got 0"},
        {run(R"("schedule": {"type": "sequential",
                 "schedules": [{"type": "linear", "bogus": 1}, {}]})"),
         "runs[0].schedule.schedules[0].bogus", "unknown key for schedule linear"},
        {run(R"("schedule": {"type": "sequential", "schedules": []})"),
         "runs[0].schedule.schedules", "must have 1 to 8 schedules, got 0"},
        {run(R"("optimizer": {"type": "adagrad"},
                "schedule": {"type": "cyclic", "cycle_momentum": true})"),
         "runs[0].schedule.cycle_momentum", "needs an optimizer with momentum or betas"},
        {run(R"("optimizer": {"type": "adadelta"},
                "schedule": {"type": "one_cycle", "cycle_momentum": true})"),
         "runs[0].schedule.cycle_momentum", "adadelta has neither"},
        {run(R"("schedule": {"type": "cyclic", "mode": "triangle"})"), "runs[0].schedule.mode",
         "unknown value \"triangle\"; expected one of: triangular, triangular2, exp_range"},
        {run(R"("schedule": {"type": "one_cycle", "pct_start": 1.5})"),
         "runs[0].schedule.pct_start", "must be in [0, 1], got 1.5"},
        {run(R"("schedule": {"type": "one_cycle", "anneal_strategy": "cosine"})"),
         "runs[0].schedule.anneal_strategy", "expected one of: cos, linear"},
        {run(R"("schedule": {"type": "reduce_on_plateau", "factor": 1})"),
         "runs[0].schedule.factor", "must be in [0, 1), got 1"},
        {run(R"("schedule": {"type": "cosine_warm_restarts", "T_mult": 0})"),
         "runs[0].schedule.T_mult", "must be in [1, 100], got 0"},
        {run(R"("schedule": {"type": "linear", "start_factor": 0})"),
         "runs[0].schedule.start_factor", "must be in (0, 1], got 0"},
        // clipping
        {run(R"("clip": {"type": "norms"})"), "runs[0].clip.type",
         "unknown clip \"norms\"; expected one of: none, value, norm, global_norm, agc"},
        {run(R"("clip": {"type": "norm", "norm_type": 0})"), "runs[0].clip.norm_type",
         "must be > 0, got 0"},
        {run(R"("clip": {"type": "global_norm", "norm_type": "infinity"})"),
         "runs[0].clip.norm_type", "must be a number or \"inf\", got string \"infinity\""},
        {run(R"("clip": {"type": "value", "max_norm": 1})"), "runs[0].clip.max_norm",
         "unknown key for clip value; clip value takes clip_value"},
        {run(R"("clip": {"clip_value": 1})"), "runs[0].clip.clip_value",
         "clip none takes no other keys"},
        {run(R"("clip": {"type": "agc", "clipping": -1})"), "runs[0].clip.clipping",
         "must be > 0, got -1"},
        // a run's train
        {run(R"("train": {"steps": 10})"), "runs[0].train.steps",
         "unknown key for a run's train; a run's train takes batch_size, l1, l2"},
        {run(R"("train": {"batch_size": 400})"), "runs[0].train.batch_size",
         "must be <= the number of train samples (250), got 400"},
        {run(R"("train": {"l1": -2})"), "runs[0].train.l1", "must be >= 0, got -2"},
        // changes
        {run(R"("changes": {"at": 1})"), "runs[0].changes", "must be an array of changes"},
        {run(R"("changes": [{"at": 101, "path": "optimizer.lr", "value": 1}])"),
         "runs[0].changes[0].at", "must be in [0, 100], got 101"},
        {run(R"("changes": [{"at": 1, "path": "optimizer.type", "value": "adam"}])"),
         "runs[0].changes[0].path", "unknown path \"optimizer.type\" for this run"},
        {run(R"("changes": [{"at": 1, "path": "optimizer.betas", "value": [0.9, 0.9]}])"),
         "runs[0].changes[0].path", "changes may set optimizer.lr, optimizer.momentum"},
        {run(R"("changes": [{"at": 1, "path": "name", "value": "x"}])"),
         "runs[0].changes[0].path", "unknown path \"name\""},
        {run(R"("changes": [{"at": 1, "path": "optimizer.lr", "value": 0.1},
                            {"at": 5, "path": "optimizer.lr", "value": -1}])"),
         "runs[0].changes[1].value", "must be > 0, got -1"},
        {run(R"("changes": [{"at": 1, "path": "optimizer.lr", "value": "fast"}])"),
         "runs[0].changes[0].value", "must be a number, got string \"fast\""},
        {run(R"("changes": [{"at": 1, "path": "optimizer.lr"}])"), "runs[0].changes[0].value",
         "required"},
        {run(R"("changes": [{"step": 1, "at": 1, "path": "optimizer.lr", "value": 1}])"),
         "runs[0].changes[0].step", "unknown key for a change; a change takes at, path, value"},
        {run(R"("optimizer": {"type": "sgd", "momentum": 0.9},
                "changes": [{"at": 3, "path": "optimizer.nesterov", "value": true},
                            {"at": 2, "path": "optimizer.momentum", "value": 0}])"),
         "runs[0].changes[0].value",
         "nesterov requires momentum > 0 and dampening 0, got momentum 0"},
        {run(R"("changes": [{"at": 1, "path": "train.batch_size", "value": 251}])"),
         "runs[0].changes[0].value", "must be <= the number of train samples (250), got 251"},
        // JSON text
        {R"({"seed": 1,})", "", "line 1, column 12: syntax error"},
        {"{\n  \"seed\": tru\n}", "", "syntax error while parsing value - invalid literal"},
        {"", "", "line 1, column 1: syntax error"},
        {"{\"runs\": [{}]", "", "line 1, column 14: syntax error"},
        {R"({"seed": 1, "seed": 2})", "seed", "duplicate key"},
        {R"({"runs": [{"optimizer": {"type": "sgd", "lr": 1, "lr": 2}}]})",
         "runs[0].optimizer.lr", "duplicate key"},
    };
    return rows;
}

TEST_CASE("invalid configs name the offending key by its JSON path")
{
    CHECK(invalid_configs().size() >= 45);
    for (const Invalid& row : invalid_configs())
    {
        CAPTURE(row.text);
        const ConfigResult r = parse_config_text(row.text);
        CHECK_FALSE(r.ok());
        CAPTURE(all(r.errors));
        CHECK_MESSAGE(has_error(r.errors, row.path, row.message), row.path, ": ", row.message);
    }
}

TEST_CASE("every error is reported at once, siblings keep being validated")
{
    const ConfigResult r = parse_config_text(R"({
        "seed": -3, "data": {"samples": 0, "noise": 2},
        "model": {"hidden": [0], "activation": "nope"},
        "train": {"steps": 1e999},
        "runs": [{"optimizer": {"type": "adam", "lr": -1, "betas": [2, 2], "momentum": 1},
                  "schedule": {"type": "step", "gamma": -1, "step_size": 0}},
                 {"name": 5, "clip": {"type": "agc", "eps": 0}}]})");
    const char* const paths[] = {"seed", "data.samples", "data.noise", "model.hidden[0]",
                                 "model.activation", "train.steps", "runs[0].optimizer.lr",
                                 "runs[0].optimizer.betas[0]", "runs[0].optimizer.betas[1]",
                                 "runs[0].optimizer.momentum", "runs[0].schedule.gamma",
                                 "runs[0].schedule.step_size", "runs[1].name",
                                 "runs[1].clip.eps"};
    CAPTURE(all(r.errors));
    CHECK(r.errors.size() == std::size(paths));
    for (const char* p : paths)
        CHECK_MESSAGE(has_error(r.errors, p, ""), p);
}

TEST_CASE("non-finite numbers given through the JSON API are errors at their path")
{
    json j = json::parse(R"({"runs": [{"optimizer": {"type": "adam"}}]})");
    j["train"]["l1"] = std::nan("");
    j["runs"][0]["optimizer"]["betas"] = json::array({0.9, HUGE_VAL});
    j["runs"][0]["schedule"] = json{{"type", "cosine"}, {"eta_min", -HUGE_VAL}};
    const ConfigResult r = parse_config(j);
    CAPTURE(all(r.errors));
    CHECK(has_error(r.errors, "train.l1", "must be finite, got nan"));
    CHECK(has_error(r.errors, "runs[0].optimizer.betas[1]", "must be finite, got inf"));
    CHECK(has_error(r.errors, "runs[0].schedule.eta_min", "must be finite, got -inf"));
}

TEST_CASE("names with invalid UTF-8 (possible through the JSON API) are reported, not fatal")
{
    json j;
    j["runs"] = json::array({json{{"name", "\xff"}}, json{{"name", "\xff"}}});
    const ConfigResult r = parse_config(j);
    CHECK(has_error(r.errors, "runs[1].name", "duplicate run name"));
}

TEST_CASE("parse_json_text reports the position of a syntax error")
{
    json j;
    ConfigError e;
    CHECK(parse_json_text("{\"a\": [1, 2]}", j, e));
    CHECK(j["a"][1] == 2);
    CHECK_FALSE(parse_json_text("{\n  \"a\": 1\n  \"b\": 2\n}", j, e));
    CHECK(e.path.empty());
    CHECK(e.message.rfind("line 3, column 5: syntax error", 0) == 0);
    CHECK(parse_json_text("{\"a\": 1e999, \"b\": [-2e400]}", j, e));  // read as infinities
    CHECK(j["a"].get<double>() == HUGE_VAL);
    CHECK(j["b"][0].get<double>() == -HUGE_VAL);
    CHECK_FALSE(parse_json_text("{\"a\": 1e999, \"b\": x}", j, e));
    CHECK(e.message.rfind("line 1, column 19", 0) == 0);  // positions unchanged by the rewrite
}

TEST_CASE("partial parsers prefix their paths")
{
    OptimizerConfig opt;
    CHECK(parse_optimizer(json{{"type", "sgd"}}, "optimizer", opt).empty());
    ScheduleConfig s;
    const std::vector<ConfigError> e =
        parse_schedule(json{{"type", "step"}, {"step_size", 0}}, "schedule", opt, 100, s);
    REQUIRE(e.size() == 1);
    CHECK(e[0].path == "schedule.step_size");
    ClipConfig c;
    const std::vector<ConfigError> ec = parse_clip(json{{"type", "norm"}, {"x", 1}}, "c", c);
    REQUIRE(ec.size() == 1);
    CHECK(ec[0].path == "c.x");
}

TEST_CASE("invalid surface configs")
{
    const Invalid rows[] = {
        {R"({"function": "banana"})", "function",
         "unknown value \"banana\"; expected one of: rosenbrock, beale"},
        {R"({"start": [1]})", "start", "must be an array of 2 numbers"},
        {R"({"start": [1, 1e999]})", "start[1]", "must be finite, got inf"},
        {R"({"steps": 0})", "steps", "must be in [1, 100000], got 0"},
        {R"({"steps": 200000})", "steps", "must be in [1, 100000]"},
        {R"({"runs": []})", "runs", "must be an array of 1 to 16 runs"},
        {R"({"runs": [{"train": {}}]})", "runs[0].train", "unknown key for a surface run"},
        {R"({"runs": [{"optimizer": {"type": "sgd", "lr": -1}}]})", "runs[0].optimizer.lr",
         "must be > 0"},
        {R"({"runs": [{"name": "a"}, {"name": "a"}]})", "runs[1].name", "duplicate run name"},
        {R"({"seed": 1})", "seed", "unknown key for a surface config"},
        {R"({"view": [0, 1]})", "view", "must be an object"},
        {R"({"view": {"z": [0, 1]}})", "view.z", "unknown key for the view"},
        {R"({"view": {"x": [1, 0]}})", "view.x", "MIN < MAX"},
        {R"({"view": {"y": [0]}})", "view.y", "must be [MIN, MAX], two numbers"},
        {R"({"view": {"x": [0, 1e7]}})", "view.x", "MAX <= 1e6"},
    };
    for (const Invalid& row : rows)
    {
        CAPTURE(row.text);
        json j;
        ConfigError e;
        REQUIRE(parse_json_text(row.text, j, e));
        const SurfaceConfigResult r = parse_surface_config(j);
        CAPTURE(all(r.errors));
        CHECK_MESSAGE(has_error(r.errors, row.path, row.message), row.path);
    }
}

}  // namespace
}  // namespace lrlab
