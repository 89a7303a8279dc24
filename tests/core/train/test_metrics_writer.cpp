// The one metrics writer (core/train/metrics_writer.hpp): the spellings of DESIGN.md's CLI
// contract, and the CSV, JSONL and JSON forms agreeing on every column.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <sstream>

#include "../experiment_fixtures.hpp"
#include "core/train/csv.hpp"
#include "core/train/metrics_writer.hpp"

using namespace lrlab;

namespace
{

MetricsRow sample_row()
{
    MetricsRow r;
    r.step = 120;
    r.epoch = 2.4;
    r.lr = 0.001;
    r.train_loss = 0.5;
    r.test_loss = std::numeric_limits<double>::quiet_NaN();
    r.has_accuracy = true;
    r.train_acc = 0.75;
    r.test_acc = 1.0;
    r.has_grad = true;
    r.grad_norm = std::numeric_limits<double>::infinity();
    r.clipped_grad_norm = -std::numeric_limits<double>::infinity();
    r.diverged = true;
    return r;
}

}  // namespace

TEST_CASE("the CSV header is the run verb's column list")
{
    CHECK(metrics_csv_header() == "run,step,epoch,lr,train_loss,test_loss,train_acc,test_acc,"
                                  "grad_norm,clipped_grad_norm,diverged\n");
    REQUIRE(metrics_columns().size() == metric_value_columns().size() + 1);
    CHECK(metrics_columns().front() == "run");
}

TEST_CASE("csv_field quotes per RFC 4180 only when needed")
{
    CHECK(csv_field("adam cosine") == "adam cosine");
    CHECK(csv_field("sgd, high") == "\"sgd, high\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
}

TEST_CASE("CSV rows: shortest numbers, nan/inf spelled out, empty when absent")
{
    CHECK(metrics_csv_row("a,b", sample_row()) ==
          "\"a,b\",120,2.4,0.001,0.5,nan,0.75,,inf,-inf,1\n");  // no accuracy next to nan
    MetricsRow start;
    start.lr = 0.03;
    start.train_loss = 0.69314718055994529;
    start.test_loss = 0.7;
    CHECK(metrics_csv_row("r", start) == "r,0,0,0.03,0.6931471805599453,0.7,,,,,0\n");
}

TEST_CASE("JSONL rows: keys in column order, null for absent or non-finite values")
{
    CHECK(metrics_jsonl_row("say \"hi\"", sample_row()) ==
          "{\"run\":\"say \\\"hi\\\"\",\"step\":120,\"epoch\":2.4,\"lr\":0.001,\"train_loss\":0.5,"
          "\"test_loss\":null,\"train_acc\":0.75,\"test_acc\":null,\"grad_norm\":null,"
          "\"clipped_grad_norm\":null,\"diverged\":true}\n");
}

TEST_CASE("JSON rows (the page's API) hold the values of the JSONL rows")
{
    const nlohmann::json j = metrics_json_row("r", sample_row());
    CHECK(j.dump() == "{\"clipped_grad_norm\":null,\"diverged\":true,\"epoch\":2.4,"
                      "\"grad_norm\":null,\"lr\":0.001,\"run\":\"r\",\"step\":120,"
                      "\"test_acc\":null,\"test_loss\":null,\"train_acc\":0.75,"
                      "\"train_loss\":0.5}");
    CHECK(j["step"].is_number_integer());
    CHECK(j["diverged"].is_boolean());
}

TEST_CASE("a table: rows by step then by run; JSONL and JSON agree value for value")
{
    Experiment e(testing::config_from(R"({"data": {"dataset": "reg_plane", "samples": 60},
        "train": {"steps": 30, "batch_size": 10, "eval_every": 10},
        "runs": [{"name": "a", "optimizer": {"type": "sgd"}},
                 {"name": "b, c", "optimizer": {"type": "adam"}}]})"));
    e.step_all(30);
    const std::string csv = metrics_table(e, MetricsFormat::csv);
    std::istringstream lines(csv);
    std::string line;
    std::vector<std::string> got;
    while (std::getline(lines, line))
        got.push_back(line);
    REQUIRE(got.size() == 1 + 2 * 4);  // header, steps 0 10 20 30 for each of two runs
    CHECK(got[1].rfind("a,0,", 0) == 0);
    CHECK(got[2].rfind("\"b, c\",0,", 0) == 0);
    CHECK(got[8].rfind("\"b, c\",30,", 0) == 0);
    CHECK(got[1].find(",,") != std::string::npos);  // regression: no accuracy, no gradient yet

    std::istringstream jsonl(metrics_table(e, MetricsFormat::jsonl));
    std::size_t k = 0;
    while (std::getline(jsonl, line))
    {
        const std::size_t run = k % 2;
        const MetricsRow& r = e.run(run).history()[k / 2];
        CHECK(nlohmann::json::parse(line) == metrics_json_row(e.config().runs[run].name, r));
        ++k;
    }
    CHECK(k == 8);
}
