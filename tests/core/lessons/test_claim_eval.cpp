// Claim evaluation on synthetic histories: every op, every metric, absent, NaN and diverged
// values; and the lesson checks that reject a claim naming a run, a metric or an op that is not
// there (core/lessons/claim_eval.hpp, lesson.hpp).
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <string>

#include "core/lessons/claim_eval.hpp"
#include "core/lessons/lesson.hpp"

using namespace lrlab;
using nlohmann::json;

namespace
{

MetricsRow row(std::int64_t step, double train, double test, bool diverged = false)
{
    MetricsRow r;
    r.step = step;
    r.train_loss = train;
    r.test_loss = test;
    r.has_accuracy = true;
    r.train_acc = 0.9;
    r.test_acc = 0.8;
    r.has_grad = step > 0;
    r.grad_norm = 2.5;
    r.diverged = diverged;
    return r;
}

Claim claim(const json& j)
{
    Claim c;
    const std::vector<ConfigError> errors = parse_claim(j, "c", c);
    for (const ConfigError& e : errors)
        FAIL_CHECK(to_string(e));
    return c;
}

// Two runs: "a" trains well (test loss 0.7 -> 0.2 -> 0.3), "b" diverges at step 6.
struct Fixture
{
    std::vector<MetricsRow> a = {row(0, 0.69, 0.7), row(10, 0.3, 0.2), row(20, 0.1, 0.3)};
    std::vector<MetricsRow> b = {row(0, 0.69, 0.7), row(10, NAN, NAN, true)};
    MetricLookup lookup() const
    {
        return [this](const MetricRef& r)
        {
            return r.run == "a" ? network_metric({&a, -1}, r.metric)
                                : network_metric({&b, 6}, r.metric);
        };
    }
    ClaimResult eval(const json& j) const { return evaluate_claim(claim(j), lookup()); }
};

json lit(const std::string& run, const std::string& metric, const std::string& op, json right)
{
    return {{"text", "t"}, {"left", {{"run", run}, {"metric", metric}}}, {"op", op},
            {"right", right}};
}

}  // namespace

TEST_CASE("claims: each metric of a network run, at the last evaluation or over the history")
{
    const Fixture f;
    const std::map<std::string, double> a = {
        {"train_loss", 0.1}, {"test_loss", 0.3}, {"train_acc", 0.9},
        {"test_acc", 0.8},   {"grad_norm", 2.5}, {"diverged", 0.0},
        {"min_test_loss", 0.2}, {"max_test_loss", 0.7}};
    for (const auto& kv : a)  // not a structured binding: CAPTURE's lambda cannot take one
    {
        const std::string& metric = kv.first;
        CAPTURE(metric);
        const MetricValue v = network_metric({&f.a, -1}, metric);
        CHECK(v.present);
        CHECK(v.value == kv.second);
    }
    CHECK_FALSE(network_metric({&f.a, -1}, "diverged_at").present);  // never diverged
    CHECK(network_metric({&f.b, 6}, "diverged_at").value == 6);
    CHECK(network_metric({&f.b, 6}, "diverged").value == 1.0);
    CHECK(std::isnan(network_metric({&f.b, 6}, "test_loss").value));
    // A diverged run's largest test loss is infinite; its smallest is the last finite one.
    CHECK(network_metric({&f.b, 6}, "max_test_loss").value == INFINITY);
    CHECK(network_metric({&f.b, 6}, "min_test_loss").value == 0.7);
    // At step 0 there is no gradient yet; a regression row has no accuracy.
    const std::vector<MetricsRow> start = {row(0, 0.69, 0.7)};
    CHECK_FALSE(network_metric({&start, -1}, "grad_norm").present);
    std::vector<MetricsRow> reg = {row(0, 1.0, 1.0)};
    reg[0].has_accuracy = false;
    CHECK_FALSE(network_metric({&reg, -1}, "test_acc").present);
    const std::vector<MetricsRow> none;
    CHECK_FALSE(network_metric({&none, -1}, "test_loss").present);
}

TEST_CASE("claims: each op, with a literal, with another run and a factor")
{
    const Fixture f;
    CHECK(f.eval(lit("a", "test_loss", "<", 0.31)).held);
    CHECK_FALSE(f.eval(lit("a", "test_loss", "<", 0.3)).held);
    CHECK(f.eval(lit("a", "test_loss", "<=", 0.3)).held);
    CHECK_FALSE(f.eval(lit("a", "test_loss", "<=", 0.29)).held);
    CHECK(f.eval(lit("a", "test_loss", ">", 0.29)).held);
    CHECK_FALSE(f.eval(lit("a", "test_loss", ">", 0.3)).held);
    CHECK(f.eval(lit("a", "test_loss", ">=", 0.3)).held);
    CHECK_FALSE(f.eval(lit("a", "test_loss", ">=", 0.31)).held);
    CHECK(f.eval(lit("a", "test_loss", "==", 0.3)).held);
    CHECK_FALSE(f.eval(lit("a", "test_loss", "==", 0.2)).held);
    // left op factor × right: 0.3 > 1.4 × 0.2 holds, 0.3 > 1.6 × 0.2 does not.
    json j = lit("a", "test_loss", ">", {{"run", "a"}, {"metric", "min_test_loss"}});
    j["factor"] = 1.4;
    ClaimResult r = f.eval(j);
    CHECK(r.held);
    CHECK(r.right.value == doctest::Approx(0.28));
    j["factor"] = 1.6;
    CHECK_FALSE(f.eval(j).held);
    // Across runs.
    CHECK(f.eval(lit("a", "max_test_loss", "==", {{"run", "b"}, {"metric", "min_test_loss"}}))
              .held);
}

TEST_CASE("claims: NaN, infinite, absent and diverged values")
{
    const Fixture f;
    // NaN fails every comparison, whichever side it is on.
    for (const char* op : {"<", "<=", ">", ">=", "=="})
    {
        CAPTURE(op);
        CHECK_FALSE(f.eval(lit("b", "test_loss", op, 1.0)).held);
        CHECK_FALSE(f.eval(lit("a", "test_loss", op, {{"run", "b"}, {"metric", "train_loss"}}))
                        .held);
    }
    CHECK(f.eval(lit("b", "max_test_loss", ">", 1e300)).held);  // infinite
    CHECK(f.eval(lit("b", "diverged", "==", true)).held);
    CHECK_FALSE(f.eval(lit("b", "diverged", "==", false)).held);
    CHECK(f.eval(lit("a", "diverged", "==", false)).held);
    CHECK(f.eval(lit("b", "diverged_at", "<=", 6)).held);
    CHECK_FALSE(f.eval(lit("b", "diverged_at", "<", 6)).held);
    // A run that never diverged has no diverged_at: no comparison holds, not even "> 1e9".
    const ClaimResult never = f.eval(lit("a", "diverged_at", ">", -1));
    CHECK_FALSE(never.held);
    CHECK_FALSE(never.left.present);
    CHECK(claim_numbers(claim(lit("a", "diverged_at", ">", -1)), never).find("never diverged") !=
          std::string::npos);
}

TEST_CASE("claims: a surface run's last row")
{
    std::vector<SurfaceRow> rows(2);
    rows[1] = {5, 1.0, 2.0, 0.5, 0.01, 0.1};
    CHECK(surface_metric(rows, "loss").value == 0.5);
    CHECK(surface_metric(rows, "x").value == 1.0);
    CHECK(surface_metric(rows, "y").value == 2.0);
    CHECK(surface_metric(rows, "diverged").value == 0.0);
    rows[1].loss = NAN;
    CHECK(surface_metric(rows, "diverged").value == 1.0);
    rows[1].loss = 0.5;
    rows[1].x = INFINITY;
    CHECK(surface_metric(rows, "diverged").value == 1.0);
    CHECK_FALSE(surface_metric({}, "loss").present);
}

TEST_CASE("claims: the numbers shown beside a tick or a cross")
{
    const Fixture f;
    const json j = lit("a", "test_loss", "<", {{"run", "b"}, {"metric", "min_test_loss"}});
    CHECK(claim_numbers(claim(j), f.eval(j)) == "0.3 < 0.7");
    json k = j;
    k["factor"] = 0.5;
    CHECK(claim_numbers(claim(k), f.eval(k)) == "0.3 < 0.35 (0.5 × b's min_test_loss)");
    const json d = lit("b", "diverged", "==", true);
    CHECK(claim_numbers(claim(d), f.eval(d)) == "diverged");
}

namespace
{

json lesson_with(const json& claim_json)
{
    return {{"name", "n"},
            {"title", "t"},
            {"caption", "c"},
            {"config", {{"data", {{"dataset", "circle"}}},
                        {"runs", {{{"name", "a"}, {"optimizer", {{"type", "sgd"}}}},
                                  {{"name", "b"}, {"optimizer", {{"type", "adam"}}}}}}}},
            {"claims", json::array({claim_json})}};
}

// The one error parse_lesson reports for a record, as "PATH: MESSAGE".
std::string lesson_error(const json& j)
{
    Lesson l;
    const std::vector<ConfigError> errors = parse_lesson(j, l);
    REQUIRE(errors.size() == 1);
    return to_string(errors[0]);
}

}  // namespace

TEST_CASE("lesson table checks: unknown run, unknown metric, bad op, mismatched kinds")
{
    Lesson ok;
    CHECK(parse_lesson(lesson_with(lit("a", "test_loss", "<", {{"run", "b"}, {"metric",
                                                                             "test_loss"}})),
                       ok)
              .empty());
    CHECK(ok.claims.size() == 1);
    CHECK(lesson_error(lesson_with(lit("c", "test_loss", "<", 1))).find("claims[0].left.run") == 0);
    CHECK(lesson_error(lesson_with(lit("a", "test_loss", "<", {{"run", "zz"}, {"metric",
                                                                              "test_loss"}})))
              .find("claims[0].right.run") == 0);
    CHECK(lesson_error(lesson_with(lit("a", "val_loss", "<", 1))).find("claims[0].left.metric") ==
          0);
    CHECK(lesson_error(lesson_with(lit("a", "test_loss", "!=", 1))).find("claims[0].op") == 0);
    CHECK(lesson_error(lesson_with(lit("a", "test_loss", "<", "x"))).find("claims[0].right") == 0);
    CHECK(lesson_error(lesson_with(lit("a", "diverged", "==", 1))).find("claims[0].right") == 0);
    CHECK(lesson_error(lesson_with(lit("a", "test_loss", "==", true))).find("claims[0].right") ==
          0);
    CHECK(lesson_error(lesson_with(lit("a", "diverged", "<", false))).find("claims[0].op") == 0);
    json factor = lit("a", "test_loss", "<", 1);
    factor["factor"] = 2;
    CHECK(lesson_error(lesson_with(factor)).find("claims[0].factor") == 0);
    json extra = lit("a", "test_loss", "<", 1);
    extra["because"] = "x";
    CHECK(lesson_error(lesson_with(extra)).find("claims[0].because") == 0);
    // A surface metric on a network run, and accuracy on a regression task.
    CHECK(lesson_error(lesson_with(lit("a", "loss", "<", 1))).find("claims[0].left.metric") == 0);
    json reg = lesson_with(lit("a", "test_acc", ">", 0.5));
    reg["config"]["data"]["dataset"] = "reg_plane";
    CHECK(lesson_error(reg) == "claims[0].left.metric: a regression task has no accuracy");
}

TEST_CASE("lesson table checks: the record and its config")
{
    json j = lesson_with(lit("a", "test_loss", "<", 1));
    j["config"]["data"]["seed"] = 3;  // would stop --seed reaching the data
    CHECK(lesson_error(j).find("config.data.seed") == 0);
    j = lesson_with(lit("a", "test_loss", "<", 1));
    j["config"]["model"] = {{"init_seed", 3}};
    CHECK(lesson_error(j).find("config.model.init_seed") == 0);
    j = lesson_with(lit("a", "test_loss", "<", 1));
    j["config"]["train"] = {{"steps", -1}};
    CHECK(lesson_error(j).find("config.train.steps") == 0);
    j = lesson_with(lit("a", "test_loss", "<", 1));
    j["claims"] = json::array();
    CHECK(lesson_error(j).find("claims") == 0);
    j = lesson_with(lit("a", "test_loss", "<", 1));
    j.erase("title");
    CHECK(lesson_error(j).find("title") == 0);
    // A surface lesson: its runs and the surface metrics.
    json s = {{"name", "s"},
              {"title", "t"},
              {"caption", "c"},
              {"config", {{"function", "rosenbrock"},
                          {"runs", {{{"name", "adam"}, {"optimizer", {{"type", "adam"}}}}}}}},
              {"claims", json::array({lit("adam", "loss", "<", 1)})}};
    Lesson l;
    CHECK(parse_lesson(s, l).empty());
    CHECK(l.surface);
    s["claims"] = json::array({lit("adam", "test_loss", "<", 1)});
    CHECK(lesson_error(s).find("claims[0].left.metric") == 0);
}

TEST_CASE("lesson_config: --seed sets the top-level seed, nothing else")
{
    Lesson l;
    REQUIRE(parse_lesson(lesson_with(lit("a", "test_loss", "<", 1)), l).empty());
    CHECK_FALSE(lesson_config(l).contains("seed"));
    json j = lesson_config(l, 42);
    CHECK(j["seed"] == 42);
    j.erase("seed");
    CHECK(j == l.config);
}
