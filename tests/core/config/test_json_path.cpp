// Paths of JSON values and merging of partial configs (src/app/json_path.cpp).
#include <doctest/doctest.h>

#include "core/config/json_path.hpp"

using nlohmann::json;
using namespace lrlab;

TEST_CASE("json paths parse and erase as error messages name them")
{
    std::vector<PathPart> parts;
    REQUIRE(parse_json_path("runs[1].optimizer.betas", parts));
    REQUIRE(parts.size() == 4);
    CHECK(parts[0].key == "runs");
    CHECK(parts[1].index == 1);
    CHECK(parts[3].key == "betas");
    CHECK_FALSE(parse_json_path("runs[].x", parts));
    CHECK_FALSE(parse_json_path("a.", parts));

    json j = json::parse(R"({"runs": [{"optimizer": {"type": "sgd", "lr": -1}}, {"name": "b"}]})");
    CHECK(erase_json_path(j, "runs[0].optimizer.lr"));
    CHECK_FALSE(j["runs"][0]["optimizer"].contains("lr"));
    CHECK(erase_json_path(j, "runs[1].optimizer.type"));  // missing: its nearest parent goes
    CHECK(j["runs"].size() == 1);
    CHECK_FALSE(erase_json_path(j, "nothing.here"));
}

TEST_CASE("merging: objects by key, arrays of objects by index, a null keeps the base element")
{
    const json base = json::parse(R"({"seed": 1, "model": {"hidden": [8, 8], "activation": "tanh"},
        "runs": [{"name": "a", "optimizer": {"type": "sgd", "lr": 0.1}}, {"name": "b"}]})");
    const json patch = json::parse(R"({"model": {"hidden": [4]},
        "runs": [null, {"optimizer": {"lr": 3}}, {"name": "c"}]})");
    const json m = merge_json(base, patch);
    CHECK(m["seed"] == 1);
    CHECK(m["model"]["hidden"] == json::parse("[4]"));  // not an array of objects: replaced
    CHECK(m["model"]["activation"] == "tanh");
    CHECK(m["runs"].size() == 3);
    CHECK(m["runs"][0] == base["runs"][0]);
    CHECK(m["runs"][1]["name"] == "b");
    CHECK(m["runs"][1]["optimizer"]["lr"] == 3);
    CHECK(m["runs"][2]["name"] == "c");
    CHECK(merge_json(base, json(5)) == json(5));
    CHECK(merge_json(json::array(), json::parse("[1, 2]")) == json::parse("[1, 2]"));
}
