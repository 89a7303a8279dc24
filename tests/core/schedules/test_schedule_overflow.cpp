// Schedules whose LR overflows are refused, naming the key (issue 14, defect 6): PyTorch raises
// on them; lrlab used to train with an inf or nan LR.
#include <doctest/doctest.h>

#include <string>

#include "core/config/json.hpp"

using namespace lrlab;

namespace
{

std::vector<ConfigError> errors_of(const std::string& schedule, const std::string& extra = "")
{
    return parse_config_text(R"({"train": {"steps": 1000}, "runs": [{"optimizer": {"type": "sgd",
        "lr": 0.1}, "schedule": )" + schedule + extra + "}]}").errors;
}

std::string only_path(const std::vector<ConfigError>& errors)
{
    CHECK(errors.size() == 1);
    return errors.empty() ? "(no error)" : errors[0].path;
}

}  // namespace

TEST_CASE("an exponential gamma that overflows is refused at runs[i].schedule.gamma")
{
    const auto e = errors_of(R"({"type": "exponential", "gamma": 1e300})");
    CHECK(only_path(e) == "runs[0].schedule.gamma");
    REQUIRE(!e.empty());
    CHECK(e[0].message.find("at step 2") != std::string::npos);  // 0.1, 1e299, inf
    // Growing but finite over the run's 1000 steps: accepted (an LR range test grows the LR).
    CHECK(errors_of(R"({"type": "exponential", "gamma": 1.5})").empty());
    // 1.5^2000 overflows: the same gamma is refused when the run is long enough.
    const auto longer = parse_config_text(R"({"train": {"steps": 2000}, "runs": [{"optimizer":
        {"type": "sgd"}, "schedule": {"type": "exponential", "gamma": 1.5}}]})");
    CHECK(only_path(longer.errors) == "runs[0].schedule.gamma");
}

TEST_CASE("cyclic exp_range, step and multistep gammas that overflow are refused")
{
    CHECK(only_path(errors_of(R"({"type": "cyclic", "mode": "exp_range", "gamma": 1e300})")) ==
          "runs[0].schedule.gamma");
    CHECK(only_path(errors_of(R"({"type": "step", "step_size": 1, "gamma": 1e300})")) ==
          "runs[0].schedule.gamma");
    CHECK(only_path(errors_of(R"({"type": "multistep", "milestones": [1, 2], "gamma": 1e300})")) ==
          "runs[0].schedule.gamma");
}

TEST_CASE("inside a sequential the child active at the overflow is named")
{
    const auto e = errors_of(R"({"type": "sequential", "milestones": [10],
        "schedules": [{"type": "constant"}, {"type": "exponential", "gamma": 1e200}]})");
    CHECK(only_path(e) == "runs[0].schedule.schedules[1].gamma");
}

TEST_CASE("a one_cycle whose initial LR overflows is refused at its schedule")
{
    const auto e = errors_of(R"({"type": "one_cycle", "div_factor": 1e-310})");
    REQUIRE(!e.empty());
    CHECK(e[0].path.rfind("runs[0].schedule", 0) == 0);
}

TEST_CASE("a change that makes the LR overflow is refused at the change")
{
    const auto e = errors_of(
        R"({"type": "exponential", "gamma": 0.99})",
        R"(, "changes": [{"at": 10, "path": "schedule.gamma", "value": 1e300}])");
    REQUIRE(e.size() == 1);
    CHECK(e[0].path == "runs[0].changes[0].value");
    CHECK(e[0].message.find("non-finite LR") != std::string::npos);
}

TEST_CASE("the schedule verb's and surface's schedules are checked the same way")
{
    ScheduleConfig out;
    OptimizerConfig opt;
    opt.type = "sgd";
    opt.lr = 0.1;
    const auto e = parse_schedule(nlohmann::json::parse(R"({"type": "exponential",
        "gamma": 1e300})"), "schedule", opt, 300, out);
    CHECK(only_path(e) == "schedule.gamma");
    const auto s = parse_surface_config(nlohmann::json::parse(R"({"function": "beale",
        "runs": [{"optimizer": {"type": "adam"}, "schedule": {"type": "exponential",
        "gamma": 1e300}}]})"));
    CHECK(only_path(s.errors) == "runs[0].schedule.gamma");
}
