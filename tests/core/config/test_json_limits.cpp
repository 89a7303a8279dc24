// The JSON text reader's limits (core/config/json_limits.hpp) and the history budget
// (core/config/budget.hpp): refused with a message naming the limit, before anything is built.
#include <chrono>
#include <string>

#include <doctest/doctest.h>

#include <limits>

#include "core/config/budget.hpp"
#include "core/config/json.hpp"
#include "core/config/json_limits.hpp"

using nlohmann::json;
using namespace lrlab;

namespace
{

std::string nested(std::size_t depth, const std::string& inner = "")
{
    return std::string(depth, '[') + inner + std::string(depth, ']');
}

bool reads(const std::string& text, ConfigError& e)
{
    json j;
    return parse_json_text(text, j, e);
}

}  // namespace

TEST_CASE("json limits: 64 nested arrays are read, 65 are refused naming the limit")
{
    ConfigError e;
    CHECK(reads(nested(64), e));
    CHECK_FALSE(reads(nested(65), e));
    CHECK(e.message == "nested more than 64 arrays and objects deep (the limit is 64)");
    std::string path;  // the 65th array: element 0 of 64 arrays
    for (int i = 0; i < 64; ++i)
        path += "[0]";
    CHECK(e.path == path);
    CHECK_FALSE(reads(R"({"runs": [{"optimizer": )" + nested(70) + "}]}", e));
    CHECK(e.path.rfind("runs[0].optimizer[0][0]", 0) == 0);
}

TEST_CASE("json limits: 100,000 nested open brackets are refused at once (was 47 s and 17.8 GB)")
{
    const auto start = std::chrono::steady_clock::now();
    ConfigError e;
    CHECK_FALSE(reads(std::string(100000, '['), e));
    const ConfigResult r = parse_config_text(nested(100000));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.find("the limit is 64") != std::string::npos);
    CHECK(seconds < 2.0);
}

TEST_CASE("json limits: text over 4 MiB is refused before it is parsed")
{
    ConfigError e;
    const std::string big = "{\"runs\": [{\"name\": \"" + std::string(json_limits::max_bytes, 'x') +
                            "\"}]}";
    CHECK_FALSE(reads(big, e));
    CHECK(e.path == "");
    CHECK(e.message == "the JSON text is " + std::to_string(big.size()) +
                           " bytes; the limit is 4 MiB (4194304 bytes)");
    // Just under the limit the text is read, and the validator names the key.
    const std::string under = "{\"runs\": [{\"name\": \"" +
                              std::string(json_limits::max_bytes - 100, 'x') + "\"}]}";
    CHECK(reads(under, e));
    const ConfigResult r = parse_config_text(under);
    REQUIRE_FALSE(r.ok());
    CHECK(r.errors[0].path == "runs[0].name");
}

TEST_CASE("json limits: numbers out of range are read as infinities, however many")
{
    // Once at most 64 (each cost a re-parse); now one pass reads them all (test_json_overflow).
    std::string many = "[";
    for (int i = 0; i < 5000; ++i)
        many += std::string(i ? "," : "") + "-1e999";
    ConfigError e;
    json j;
    REQUIRE(parse_json_text(many + "]", j, e));
    CHECK(j.size() == 5000);
    CHECK(j[4999] == -std::numeric_limits<double>::infinity());
}

TEST_CASE("json limits: the largest valid config (16 runs x 1000 changes) is well inside")
{
    json runs = json::array();
    for (int i = 0; i < 16; ++i)
    {
        json changes = json::array();
        for (int k = 0; k < 1000; ++k)
            changes.push_back(
                {{"at", k}, {"path", "optimizer.lr"}, {"value", 0.001 * (k % 7 + 1)}});
        runs.push_back({{"name", "run number " + std::to_string(i)},
                        {"optimizer", {{"type", "sgd"}}},
                        {"changes", changes}});
    }
    const std::string text = json{{"runs", runs}}.dump(2);
    CHECK(text.size() < json_limits::max_bytes);
    const ConfigResult r = parse_config_text(text);
    for (const ConfigError& err : r.errors)
        FAIL_CHECK(to_string(err));
}

TEST_CASE("history budget: runs x evaluations at most 1,000,000 rows, named at train.eval_every")
{
    CHECK(evaluation_count(1000, 10) == 101);
    CHECK(evaluation_count(1005, 10) == 102);  // and at train.steps
    CHECK(evaluation_count(5, 1000000) == 2);
    const auto config = [](std::int64_t steps, std::int64_t every, int runs) {
        json r = json::array();
        for (int i = 0; i < runs; ++i)
            r.push_back({{"optimizer", {{"type", "sgd"}}}});
        return json{{"train", {{"steps", steps}, {"eval_every", every}}}, {"runs", r}};
    };
    CHECK(parse_config(config(62499, 1, 16)).ok());  // 16 x 62,500 = 1,000,000
    const ConfigResult over = parse_config(config(62500, 1, 16));
    REQUIRE(over.errors.size() == 1);
    CHECK(over.errors[0].path == "train.eval_every");
    CHECK(over.errors[0].message ==
          "the history would hold 16 runs × 62,501 evaluations = 1,000,016 rows; the limit is "
          "1,000,000 (raise train.eval_every to at least 2 or lower train.steps)");
    // The largest steps at the default eval_every fit any number of runs up to 8.
    CHECK(parse_config(config(1000000, 10, 8)).ok());
    const ConfigResult sixteen = parse_config(config(1000000, 10, 16));
    REQUIRE(sixteen.errors.size() == 1);
    CHECK(sixteen.errors[0].message.find("at least 17") != std::string::npos);
    CHECK(parse_config(config(1000000, 17, 16)).ok());
}
