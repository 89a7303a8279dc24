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

TEST_CASE("json limits: text over 64 MiB is refused before it is parsed")
{
    ConfigError e;
    const std::string big = "{\"runs\": [{\"name\": \"" + std::string(json_limits::max_bytes, 'x') +
                            "\"}]}";
    CHECK_FALSE(reads(big, e));
    CHECK(e.path == "");
    CHECK(e.message == "the JSON text is " + std::to_string(big.size()) +
                           " bytes; the limit is 64 MiB (67108864 bytes)");
    // At the limit the text is read, and the validator names the key (padded with spaces: a
    // 64 MiB string would cost seconds in the validator, not in the reader).
    std::string under = "{\"runs\": [{\"name\": \"" + std::string(1000, 'x') + "\"}]}";
    under += std::string(json_limits::max_bytes - under.size(), ' ');
    const ConfigResult r = parse_config_text(under);
    REQUIRE_FALSE(r.ok());
    CHECK(r.errors[0].path == "runs[0].name");
}

TEST_CASE("json limits: more than 2,000,000 values are refused before anything is built")
{
    const auto list = [](std::size_t n)
    {
        std::string t = "{\"seed\": [";
        for (std::size_t i = 0; i < n; ++i)
            t += i ? ",0" : "0";
        return t + "]}";
    };
    ConfigError e;
    // The object, its array and the numbers: 2 + n values.
    CHECK(reads(list(json_limits::max_values - 2), e));
    CHECK_FALSE(reads(list(json_limits::max_values - 1), e));
    CHECK(e.path == "");
    CHECK(e.message == "the JSON text has 2000001 values (numbers, strings, arrays, ...); "
                       "the limit is 2000000");
    // Keys are not values; strings holding brackets and commas are one value each.
    json j;
    REQUIRE(parse_json_text(R"({"a": "[,]", "b": {"c": [1, [2, {}]]}})", j, e));
}

// The largest own data the validator accepts (DESIGN "Your own data": 20,000 rows of 64 inputs
// and a target), every number written with the longest shortest-repr double, must fit both
// limits. Parsing it is measured by tests/cli/measure_points_bounds.sh, not here.
TEST_CASE("json limits: the largest points config fits the byte and value limits")
{
    const std::string widest = "-2.2250738585072014e-308";  // 24 characters, finite
    CHECK(json(std::stod(widest)).dump() == widest);
    std::string row = "[";
    for (int k = 0; k < 64; ++k)
        row += widest + ",";
    row += "1]";  // a class label
    const std::size_t rows = 20000;
    const std::size_t head = std::string(R"({"data": {"dataset": "points", "points": [)").size();
    const std::size_t bytes = head + rows * (row.size() + 1) + 3;
    const std::size_t values = 3 + rows * 66;  // root, data, points; each row and its 65 numbers
    CHECK(bytes < json_limits::max_bytes / 2);
    CHECK(values < json_limits::max_values);
    // 200 such rows, counted and read by the same code (so the arithmetic above is the reader's).
    std::string text = R"({"data": {"dataset": "points", "points": [)";
    for (std::size_t r = 0; r < 200; ++r)
        text += (r ? "," : "") + row.substr(0, row.size() - 2) + (r % 2 ? "1]" : "0]");
    text += "]}}";
    CHECK(text.size() == head + 200 * (row.size() + 1) + 2);
    const ConfigResult r = parse_config_text(text);
    for (const ConfigError& err : r.errors)
        FAIL_CHECK(to_string(err));
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
