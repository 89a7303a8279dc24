// The URL hash <-> JSON codec of the page (src/app/url_codec.cpp), DESIGN.md "Browser".
#include <doctest/doctest.h>

#include "core/config/url_codec.hpp"
#include "core/config/json.hpp"

using nlohmann::json;
using namespace lrlab;

TEST_CASE("url codec: readable keys and values, as DESIGN.md writes them")
{
    const json j = json::parse(R"({"seed": 3, "model": {"hidden": [8, 8]},
        "runs": [{"optimizer": {"type": "adam", "lr": 0.01}},
                 {"name": "sgd high", "optimizer": {"type": "sgd", "lr": 3}}]})");
    const std::string h = json_to_hash(j);
    CHECK(h.find("model.hidden=[8,8]") != std::string::npos);
    CHECK(h.find("runs[0].optimizer.type=adam") != std::string::npos);
    CHECK(h.find("runs[0].optimizer.lr=0.01") != std::string::npos);
    CHECK(h.find("runs[1].name=%22sgd%20high%22") != std::string::npos);
    CHECK(h.find("seed=3") != std::string::npos);
    const HashResult back = hash_to_json("#" + h);
    CHECK(back.errors.empty());
    CHECK(back.json == j);
}

TEST_CASE("url codec: values round-trip exactly")
{
    const struct
    {
        json value;
    } table[] = {{0.1},         {1e-300},   {3.0000000000000004}, {-2.5e20}, {true},
                 {false},       {"tanh"},   {"true"},             {"12"},    {"a b&c=d#e%f"},
                 {json::array()}, {json::array({"x1", "sin_x1"})}, {"inf"},  {1234567890123LL}};
    for (const auto& row : table)
    {
        const json j = {{"k", row.value}};
        const HashResult back = hash_to_json(json_to_hash(j));
        CAPTURE(j.dump());
        CHECK(back.errors.empty());
        CHECK(back.json == j);
    }
}

TEST_CASE("url codec: a bare word reads as a string, and '+' is not a space")
{
    const HashResult r = hash_to_json("runs[0].optimizer.type=adam&x=1e+3&s=a+b&n=sgd%20high");
    CHECK(r.errors.empty());
    CHECK(r.json["runs"][0]["optimizer"]["type"] == "adam");
    CHECK(r.json["x"] == 1000.0);
    CHECK(r.json["s"] == "a+b");
    CHECK(r.json["n"] == "sgd high");
}

TEST_CASE("url codec: bad pairs are reported by key, the rest is kept")
{
    const struct
    {
        const char* hash;
        const char* bad_key;
    } table[] = {
        {"seed=2&novalue", "novalue"},
        {"seed=2&a..b=1", "a..b"},
        {"seed=2&runs[x].name=a", "runs[x].name"},
        {"seed=2&bad=%zz", "bad"},
        {"seed=2&runs[99999].name=a", "runs[99999].name"},
        {"seed=2&seed=3", "seed"},
        {"seed=2&a=1&a.b=2", "a.b"},
        {"seed=2&k=null", "k"},
    };
    for (const auto& row : table)
    {
        CAPTURE(row.hash);
        const HashResult r = hash_to_json(row.hash);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].path == row.bad_key);
        CHECK(r.json["seed"] == 2);
    }
}

TEST_CASE("url codec: garbage never throws and yields errors or nothing")
{
    for (const char* g : {"#", "#&&&", "#%", "#=", "#[", "#]]]=[[[", "#a=%E2%82", "#\x01\x02=\xff"})
    {
        CAPTURE(g);
        const HashResult r = hash_to_json(g);
        CHECK(r.json.is_object());
    }
    CHECK(hash_to_json("#=1").errors.size() == 1);
}

TEST_CASE("url codec: a whole config survives config -> minimal json -> hash -> config")
{
    const char* text = R"({"seed": 7,
        "data": {"dataset": "spiral", "samples": 300, "noise": 0.15, "train_fraction": 0.6,
                 "features": ["x1", "x2", "sin_x1"]},
        "model": {"hidden": [8, 8], "activation": "relu"},
        "train": {"steps": 600, "batch_size": 16, "l2": 0.001, "eval_every": 5},
        "runs": [
          {"name": "sgd slow", "optimizer": {"type": "sgd", "lr": 0.003, "momentum": 0.9,
                                             "nesterov": true}},
          {"name": "adam cos", "optimizer": {"type": "adam", "lr": 0.01, "betas": [0.8, 0.99]},
           "schedule": {"type": "cosine", "eta_min": 0.0001},
           "clip": {"type": "norm", "max_norm": 0.5, "norm_type": "inf"},
           "changes": [{"at": 100, "path": "optimizer.lr", "value": 0.002}]},
          {"optimizer": {"type": "sgd"}, "schedule": {"type": "sequential",
             "schedules": [{"type": "linear"}, {"type": "exponential", "gamma": 0.99}],
             "milestones": [60]}}]})";
    const ConfigResult first = parse_config_text(text);
    REQUIRE(first.ok());
    const std::string hash = json_to_hash(to_minimal_json(first.config));
    const HashResult decoded = hash_to_json(hash);
    REQUIRE(decoded.errors.empty());
    const ConfigResult second = parse_config(decoded.json);
    for (const ConfigError& e : second.errors)
        FAIL_CHECK(to_string(e));
    CHECK(to_json(second.config) == to_json(first.config));
}

// ---- Lenient reading of a URL (issue 8 item 7) -----------------------------------------------

namespace
{

// The page's four default runs (app/lessons.cpp), as read_url_config gets them.
const json default_runs = json::parse(R"([
    {"name": "sgd 0.03", "optimizer": {"type": "sgd", "lr": 0.03}},
    {"name": "sgd 0.3", "optimizer": {"type": "sgd", "lr": 0.3}},
    {"name": "sgd 3", "optimizer": {"type": "sgd", "lr": 3}},
    {"name": "adam 0.01", "optimizer": {"type": "adam", "lr": 0.01}}])");

struct UrlRead
{
    ConfigResult result;
    std::vector<ConfigError> errors;
    bool names(const std::string& path, const std::string& text = "") const
    {
        for (const ConfigError& e : errors)
        {
            if (e.path == path && e.message.find(text) != std::string::npos)
                return true;
        }
        return false;
    }
};

UrlRead read_url(const std::string& hash, const json& base = json::object())
{
    UrlRead r;
    r.result = read_url_config(base, hash_to_json(hash), default_runs, r.errors);
    return r;
}

std::vector<std::string> run_names(const Config& c)
{
    std::vector<std::string> out;
    for (const RunConfig& r : c.runs)
        out.push_back(r.name);
    return out;
}

const std::vector<std::string> default_names{"sgd 0.03", "sgd 0.3", "sgd 3", "adam 0.01"};

}  // namespace

TEST_CASE("url fallback: a bad LR is reported by its own key, and the default runs stay")
{
    const UrlRead r = read_url("runs[0].optimizer.lr=-5");
    REQUIRE(r.result.ok());
    CHECK(r.names("runs[0].optimizer.lr", "must be > 0, got -5"));
    CHECK(run_names(r.result.config) == default_names);
    CHECK(r.result.config.runs[0].optimizer.lr == 0.03);
}

TEST_CASE("url fallback: an optimizer key without its type reads as sgd, and says so")
{
    const UrlRead r = read_url("runs[0].optimizer.lr=0.5&runs[0].name=mine");
    REQUIRE(r.result.ok());
    CHECK(r.names("runs[0].optimizer.type", "read as sgd"));
    REQUIRE(r.result.config.runs.size() == 1);
    CHECK(r.result.config.runs[0].name == "mine");
    CHECK(r.result.config.runs[0].optimizer.type == "sgd");
    CHECK(r.result.config.runs[0].optimizer.lr == 0.5);
}

TEST_CASE("url fallback: the second run alone keeps its index; the first is the default run")
{
    const UrlRead r = read_url("runs[1].optimizer.type=adam");
    REQUIRE(r.result.ok());
    CHECK(r.names("runs[0]", "not in the URL"));
    REQUIRE(r.result.config.runs.size() == 2);
    CHECK(r.result.config.runs[0].name == "sgd 0.03");
    CHECK(r.result.config.runs[1].name == "run 2");
    CHECK(r.result.config.runs[1].optimizer.type == "adam");
}

TEST_CASE("url fallback: every valid part is kept; a run with nothing usable is its default")
{
    const UrlRead r = read_url("seed=7&runs[0].name=keep&runs[0].optimizer.type=adam&"
                               "runs[0].optimizer.lr=-1&runs[1].optimizer.type=sgd&"
                               "runs[1].optimizer.lr=banana&model.hidden=[8,0]");
    REQUIRE(r.result.ok());
    const Config& c = r.result.config;
    CHECK(c.seed == 7);
    CHECK(r.names("runs[0].optimizer.lr"));
    CHECK(r.names("runs[1].optimizer.lr"));
    CHECK(r.names("model.hidden[1]"));
    REQUIRE(c.runs.size() == 2);
    CHECK(c.runs[0].name == "keep");
    CHECK(c.runs[0].optimizer.type == "adam");
    CHECK(c.runs[0].optimizer.lr == 0.001);  // adam's own default
    CHECK(c.runs[1].optimizer.type == "sgd");  // runs[1].optimizer.type=sgd was valid
}

TEST_CASE("url fallback: on top of a lesson, a bad key keeps the lesson's value")
{
    const json lesson = json::parse(R"({"train": {"steps": 300},
        "runs": [{"name": "a", "optimizer": {"type": "sgd", "lr": 0.1}},
                 {"name": "b", "optimizer": {"type": "adam", "lr": 0.02}}]})");
    const UrlRead r = read_url("runs[1].optimizer.lr=-3&train.steps=0", lesson);
    REQUIRE(r.result.ok());
    CHECK(r.names("runs[1].optimizer.lr"));
    CHECK(r.names("train.steps"));
    CHECK(r.result.config.train.steps == 300);
    CHECK(run_names(r.result.config) == std::vector<std::string>{"a", "b"});
    CHECK(r.result.config.runs[1].optimizer.lr == 0.02);
}

TEST_CASE("url fallback: too many runs, or runs that are no objects, fall back to the defaults")
{
    const UrlRead many = read_url("runs[20].name=x");
    REQUIRE(many.result.ok());
    CHECK(many.names("runs", "at most 16"));
    CHECK(run_names(many.result.config) == default_names);
    const UrlRead scalar = read_url("runs=5&seed=3");
    REQUIRE(scalar.result.ok());
    CHECK(scalar.names("runs"));
    CHECK(scalar.result.config.seed == 3);
    CHECK(run_names(scalar.result.config) == default_names);
}

TEST_CASE("url fallback: a valid hash is read exactly, with no errors")
{
    const ConfigResult first = parse_config_text(R"({"seed": 5, "runs": [
        {"name": "x", "optimizer": {"type": "adam", "lr": 0.003}},
        {"optimizer": {"type": "sgd"}}]})");
    REQUIRE(first.ok());
    const UrlRead r = read_url(json_to_hash(to_minimal_json(first.config)));
    CHECK(r.errors.empty());
    CHECK(to_json(r.result.config) == to_json(first.config));
}
