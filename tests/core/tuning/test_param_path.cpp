// --param PATH: resolved against the user's JSON, set where the user would have written it.
#include <doctest/doctest.h>

#include "core/config/json.hpp"
#include "core/tuning/param_path.hpp"

using namespace lrlab;
using nlohmann::json;

namespace
{
const json base = json::parse(R"({"train": {"steps": 10},
    "runs": [{"name": "a", "optimizer": {"type": "sgd", "lr": 0.1}}]})");

bool resolves(const std::string& path, std::string& error)
{
    ParamPath p;
    return resolve_param_path(base, path, p, error);
}
}  // namespace

TEST_CASE("a resolved path is set in place and validates")
{
    for (const char* path : {"runs[0].optimizer.lr", "train.l2", "runs[0].train.batch_size",
                             "runs[0].optimizer.momentum", "data.noise"})
    {
        CAPTURE(path);
        ParamPath p;
        std::string error;
        REQUIRE(resolve_param_path(base, path, p, error));
        json j = base;
        set_param(j, p, 0.5);
        const ConfigResult parsed = parse_config(j);
        if (std::string(path) == "runs[0].train.batch_size")
        {
            REQUIRE_FALSE(parsed.ok());  // 0.5 is no batch size: the validator says so
            CHECK(parsed.errors[0].path == path);
        }
        else
            CHECK(parsed.ok());
    }
    ParamPath p;
    std::string error;
    REQUIRE(resolve_param_path(base, "runs[0].train.batch_size", p, error));
    json j = base;
    set_param(j, p, 32);
    CHECK(j["runs"][0]["train"]["batch_size"].is_number_integer());
    CHECK(parse_config(j).config.runs[0].train.batch_size == 32);
}

TEST_CASE("paths that name no numeric key are refused")
{
    std::string error;
    CHECK_FALSE(resolves("runs[3].optimizer.lr", error));
    CHECK(error.find("runs has no element [3] (it has 1)") != std::string::npos);
    CHECK_FALSE(resolves("runs[0].optimizer.type", error));
    CHECK(error.find("not a numeric key") != std::string::npos);
    CHECK_FALSE(resolves("runs[0].name.x", error));
    CHECK_FALSE(resolves("runs[0]", error));
    CHECK_FALSE(resolves("runs[", error));
    CHECK_FALSE(resolves("", error));
}
