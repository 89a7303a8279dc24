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
