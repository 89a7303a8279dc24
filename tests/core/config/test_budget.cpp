// The work and memory budget over a whole config (issue 14, defect 9): every size at its bound
// once passed validation and would have run for years in about 8 GB.
#include <doctest/doctest.h>

#include <string>

#include "core/config/budget.hpp"
#include "core/config/json.hpp"
#include "core/train/metrics.hpp"

using namespace lrlab;

namespace
{

const ConfigError* find_error(const std::vector<ConfigError>& errors, const std::string& path)
{
    for (const ConfigError& e : errors)
        if (e.path == path)
            return &e;
    return nullptr;
}

// Every key at its bound: 20,000 samples, 8 layers of 256, 10^6 steps, 16 runs of batch 20,000.
std::string everything_at_its_bound(const std::string& dataset)
{
    std::string runs;
    for (int r = 0; r < 16; ++r)
        runs += std::string(r ? "," : "") + R"({"name": "r)" + std::to_string(r) +
                R"(", "optimizer": {"type": "adam"}})";
    return R"({"data": {"dataset": ")" + dataset + R"(", "samples": 20000}, "model": {"hidden": [256, 256, 256, 256, 256, 256, 256, 256]},
        "train": {"steps": 1000000, "batch_size": 10000, "eval_every": 1000000},
        "runs": [)" + runs + "]}";
}

}  // namespace

TEST_CASE("a config with every size at its bound is refused, naming the key and the limit")
{
    const ConfigResult r = parse_config_text(everything_at_its_bound("digits8x8"));
    REQUIRE(!r.ok());
    const ConfigError* work = find_error(r.errors, "train.steps");
    REQUIRE(work);
    CHECK(work->message.find("multiply-adds") != std::string::npos);
    CHECK(work->message.find("the limit is 2e+11") != std::string::npos);
    const ConfigError* memory = find_error(r.errors, "train.batch_size");
    REQUIRE(memory);
    CHECK(memory->message.find("of memory; the limit is 4 GiB") != std::string::npos);
}

TEST_CASE("the footprint of the default config")
{
    const ConfigResult r = parse_config_text("{}");
    REQUIRE(r.ok());
    const Footprint f = footprint(r.config);
    // 2 inputs, hidden [4, 2], 1 output: 12 + 10 + 3 = 25 parameters; 1000 steps of 10 and 101
    // evaluations of 500 samples.
    CHECK(f.work == 25.0 * (3 * 1000 * 10 + 101 * 500));
    CHECK(f.history_rows == 101);
    CHECK(f.schedule_rows == 1001);
    CHECK(f.memory_bytes < 1e6);
    CHECK(sizeof(MetricsRow) == 96);  // restated in budget.cpp
}

TEST_CASE("the page's budget is lower than the CLI's")
{
    // 16 runs of 40,833 parameters (hidden [128, 128, 128], blobs of 8 classes) x (3 x batch 250
    // + 5,000 samples) = 3.8e9 multiply-adds a step: a few seconds a frame in a tab; the CLI
    // takes the 100 steps (1.5e11 in all).
    std::string runs;
    for (int r = 0; r < 16; ++r)
        runs += std::string(r ? "," : "") + R"({"name": "r)" + std::to_string(r) +
                R"(", "optimizer": {"type": "adam"}})";
    const ConfigResult r = parse_config_text(
        R"({"data": {"dataset": "blobs", "classes": 8, "samples": 5000},
            "model": {"hidden": [128, 128, 128]},
            "train": {"steps": 100, "batch_size": 250, "eval_every": 50}, "runs": [)" +
        runs + "]}");
    REQUIRE(r.ok());
    std::vector<ConfigError> errors;
    check_budget(r.config, page_budget(), errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "train.batch_size");
    CHECK(errors[0].message.find("the limit in the page is 1e+08") != std::string::npos);
    CHECK(page_budget().max_step_work < cli_budget().max_step_work);
    CHECK(page_budget().max_memory_bytes < cli_budget().max_memory_bytes);
    CHECK(page_budget().max_schedule_rows < cli_budget().max_schedule_rows);
    CHECK(page_budget().max_history_rows == cli_budget().max_history_rows);  // README
}

TEST_CASE("the page takes the speed workload: 8 runs of 2-[8,8]-1 for 10^6 steps")
{
    std::string runs;
    for (int r = 0; r < 8; ++r)
        runs += std::string(r ? "," : "") + R"({"name": "r)" + std::to_string(r) +
                R"(", "optimizer": {"type": "sgd"}})";
    const ConfigResult r = parse_config_text(R"({"data": {"dataset": "spiral"},
        "model": {"hidden": [8, 8]}, "train": {"steps": 1000000}, "runs": [)" + runs + "]}");
    REQUIRE(r.ok());
    std::vector<ConfigError> errors;
    check_budget(r.config, page_budget(), errors);
    CHECK(errors.empty());
}

TEST_CASE("LR tables rebuilt by many changes are refused before they are checked")
{
    std::string runs;
    for (int r = 0; r < 16; ++r)
    {
        std::string changes;
        for (int k = 0; k < 1000; ++k)
            changes += std::string(k ? "," : "") + R"({"at": )" + std::to_string(k * 999) +
                       R"(, "path": "optimizer.lr", "value": 0.01})";
        runs += std::string(r ? "," : "") + R"({"name": "r)" + std::to_string(r) +
                R"(", "optimizer": {"type": "sgd"}, "changes": [)" + changes + "]}";
    }
    // 16 x 1001 tables of 10^6 + 1 rows: checking them all would take minutes.
    const ConfigResult r =
        parse_config_text(R"({"train": {"steps": 1000000, "eval_every": 1000}, "runs": [)" +
                          runs + "]}");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].path == "runs[0].changes");
    CHECK(r.errors[0].message.find("the limit is 200,000,000") != std::string::npos);
}
