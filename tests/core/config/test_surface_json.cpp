// Surface config <-> JSON: to_json and to_minimal_json read back to the same config for every
// key away from its default; the minimal form leaves out what equals a default (the URL).
#include <doctest/doctest.h>

#include <algorithm>

#include "core/config/json.hpp"
#include "core/config/url_codec.hpp"

using namespace lrlab;
using nlohmann::json;

namespace
{

SurfaceConfig read(const json& j)
{
    const SurfaceConfigResult r = parse_surface_config(j);
    for (const ConfigError& e : r.errors)
        MESSAGE(e.path << ": " << e.message);
    REQUIRE(r.ok());
    return r.config;
}

}  // namespace

TEST_CASE("a surface config with every key away from its default round-trips")
{
    const json full = json::parse(R"({
        "function": "six_hump_camel", "start": [0.5, -0.25], "steps": 321,
        "view": {"x": [-1.5, 1.25], "y": [-0.75, 1.0]},
        "runs": [{"name": "adam warm", "optimizer": {"type": "adam", "lr": 0.02, "amsgrad": true},
                  "schedule": {"type": "cosine_warm_restarts", "T_0": 40},
                  "clip": {"type": "global_norm", "max_norm": 2.0}},
                 {"name": "sgd", "optimizer": {"type": "sgd", "lr": 0.01, "momentum": 0.9},
                  "schedule": {"type": "sequential",
                               "schedules": [{"type": "linear"}, {"type": "cosine"}],
                               "milestones": [30]}}]})");
    const SurfaceConfig c = read(full);
    const json all = to_json(c), minimal = to_minimal_json(c);
    CHECK(to_json(read(all)) == all);
    CHECK(to_json(read(minimal)) == all);
    // And through the URL codec, as the page writes and reads its hash.
    const HashResult back = hash_to_json(json_to_hash(minimal));
    CHECK(back.errors.empty());
    CHECK(to_json(read(back.json)) == all);
}

TEST_CASE("the minimal form leaves defaults out but always names the function")
{
    CHECK(to_minimal_json(read(json::object())) == json{{"function", "rosenbrock"}});
    const SurfaceConfig c = read(json::parse(R"({"function": "beale",
        "runs": [{"optimizer": {"type": "sgd"}, "schedule": {"type": "cosine", "T_max": 200}}]})"));
    // T_max = S is cosine's default: the schedule keeps only its type; view is beale's own.
    CHECK(to_minimal_json(c) ==
          json::parse(R"({"function": "beale", "runs": [{"schedule": {"type": "cosine"}}]})"));
    CHECK(json_to_hash(to_minimal_json(c)) == "function=beale&runs[0].schedule.type=cosine");
}

TEST_CASE("to_json fills in the function's own view")
{
    const json j = to_json(read(json{{"function", "ackley"}}));
    CHECK(j["view"] == json::parse(R"({"x": [-5.0, 5.0], "y": [-5.0, 5.0]})"));
    CHECK(j["runs"].size() == 1);
    CHECK(j["runs"][0]["optimizer"]["type"] == "sgd");
}

TEST_CASE("a surface URL with bad keys keeps the rest and names what it dropped")
{
    std::vector<ConfigError> errors;
    const HashResult h = hash_to_json(
        "function=beale&start=[1,1]&steps=-5&runs[0].optimizer.type=adam&runs[0].optimizer.lr=-1"
        "&runs[1].optimizer.type=adamm&view.x=[2,1]");
    const SurfaceConfigResult r = read_surface_url(json::object(), h, errors);
    REQUIRE(r.ok());
    CHECK(r.config.function == "beale");
    CHECK(r.config.start == std::array<double, 2>{1, 1});
    CHECK(r.config.steps == 200);                         // dropped: the default
    CHECK(r.config.runs[0].optimizer.type == "adam");     // kept
    CHECK(r.config.runs[0].optimizer.lr == 1e-3);         // dropped: Adam's default
    CHECK(r.config.runs.size() == 2);
    CHECK(r.config.runs[1].optimizer.type == "sgd");      // an unknown type: the default run
    CHECK(r.config.view_x == std::array<double, 2>{-4.5, 4.5});
    std::vector<std::string> paths;
    for (const ConfigError& e : errors)
        paths.push_back(e.path);
    CHECK(std::find(paths.begin(), paths.end(), "steps") != paths.end());
    CHECK(std::find(paths.begin(), paths.end(), "runs[0].optimizer.lr") != paths.end());
    CHECK(std::find(paths.begin(), paths.end(), "runs[1].optimizer.type") != paths.end());
    CHECK(std::find(paths.begin(), paths.end(), "view.x") != paths.end());
}

TEST_CASE("a surface URL applies on top of a lesson's config, run by run")
{
    const json lesson = json::parse(R"({"function": "quadratic", "start": [2, 1], "steps": 50,
        "runs": [{"name": "a", "optimizer": {"type": "sgd", "lr": 0.1}},
                 {"name": "b", "optimizer": {"type": "adam", "lr": 0.2}}]})");
    std::vector<ConfigError> errors;
    const SurfaceConfigResult r =
        read_surface_url(lesson, hash_to_json("runs[1].optimizer.lr=0.05&view.y=[-1,1]"), errors);
    REQUIRE(r.ok());
    CHECK(errors.empty());
    CHECK(r.config.runs[0].optimizer.lr == 0.1);
    CHECK(r.config.runs[1].name == "b");
    CHECK(r.config.runs[1].optimizer.lr == 0.05);
    CHECK(r.config.view_y == std::array<double, 2>{-1, 1});
}
