// Parity with torch.optim.lr_scheduler (1.13): the LR (and the cycled momentum) that
// param_groups[0] holds before each optimizer step, recorded by gen_fixtures.py
// (schedules.json) for every schedule type and several parameter sets; inverse_time is Keras's
// InverseTimeDecay, computed from its formula. Configs go through parse_schedule as in the CLI.
//
// Both sides compute in double. Where PyTorch uses a recurrence (cosine, exponential, ...)
// rounding adds up over the steps and is amplified where the recurrence divides by a factor
// near zero (1 + cos(pi t / T) near t = T); tens of ulp at most over these lengths. So
// values must agree within 1e-12 of the schedule's own scale (its largest LR), which still
// catches any off-by-one step, wrong phase or wrong constant.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/schedules/schedule.hpp"
#include "fixtures.hpp"

namespace lrlab
{
namespace
{

using nlohmann::json;

constexpr double rtol = 1e-12;

double scale_of(const std::vector<double>& v)
{
    double s = 0.0;
    for (double x : v)
        s = std::fmax(s, std::fabs(x));
    return s;
}

// Reports the first step where got and want differ.
void check_sequence(const std::string& what, const std::string& name,
                    const std::vector<double>& got, const std::vector<double>& want)
{
    REQUIRE(got.size() == want.size());
    const double atol = rtol * scale_of(want);
    const long k = parity::first_mismatch(got, want, want.size(), rtol, atol);
    CHECK_MESSAGE(k < 0, name << ": " << what << " of step " << k << " expected "
                              << parity::num(k < 0 ? 0.0 : want[k], 17) << " got "
                              << parity::num(k < 0 ? 0.0 : got[k], 17) << " (tolerance "
                              << parity::num(atol) << " + " << rtol << " relative)");
}

const json& schedule_fixture()
{
    static const json doc = parity::load_fixture("schedules.json");
    return doc;
}

}  // namespace

TEST_CASE("parity: schedules give torch's LR and momentum sequences")
{
    for (const json& c : schedule_fixture()["cases"])
    {
        if (c.contains("metrics"))
            continue;  // reduce_on_plateau: below
        const std::string name = c["name"].get<std::string>();
        INFO("case: ", name, " ", c["schedule"].dump());
        const std::int64_t n = c["steps"].get<std::int64_t>();
        const OptimizerConfig oc = parity::optimizer_config(c["optimizer"]);
        const ScheduleConfig sc = parity::schedule_config(c["schedule"], oc, n);
        const std::vector<double> want = parity::doubles(c["lr"]);

        check_sequence("lr_table", name, lr_table(sc, oc, n), want);

        const Schedule s = make_schedule(sc, oc, n);
        std::vector<double> lr, momentum;
        for (std::int64_t k = 0; k < n; ++k)
        {
            lr.push_back(s.lr(k));
            if (s.has_momentum())
                momentum.push_back(s.momentum(k));
        }
        check_sequence("Schedule::lr", name, lr, want);
        CHECK(s.has_momentum() == c.contains("momentum"));
        if (c.contains("momentum") && s.has_momentum())
            check_sequence("momentum", name, momentum, parity::doubles(c["momentum"]));
    }
}

// torch: the LR before each scheduler.step(metric) call, and after the last one. lrlab: the
// schedule's LR before each observe(metric), as Run feeds it the test loss at evaluations.
TEST_CASE("parity: reduce_on_plateau follows torch's ReduceLROnPlateau")
{
    int cases = 0;
    for (const json& c : schedule_fixture()["cases"])
    {
        if (!c.contains("metrics"))
            continue;
        ++cases;
        const std::string name = c["name"].get<std::string>();
        INFO("case: ", name, " ", c["schedule"].dump());
        const std::int64_t n = c["steps"].get<std::int64_t>();
        const OptimizerConfig oc = parity::optimizer_config(c["optimizer"]);
        const ScheduleConfig sc = parity::schedule_config(c["schedule"], oc, n);
        const std::vector<double> metrics = parity::doubles(c["metrics"]);

        Schedule s = make_schedule(sc, oc, n + 1);
        CHECK(s.observes_metric());
        std::vector<double> lr;
        for (std::int64_t k = 0; k < n; ++k)
        {
            lr.push_back(s.lr(k));
            s.observe(metrics[k]);
        }
        lr.push_back(s.lr(n));
        std::vector<double> want = parity::doubles(c["lr"]);
        want.push_back(c["lr_after"].get<double>());
        check_sequence("lr", name, lr, want);

        // The table the CLI prints for a plateau schedule is the base LR throughout.
        const std::vector<double> table = lr_table(sc, oc, n);
        CHECK(std::all_of(table.begin(), table.end(), [&](double v) { return v == oc.lr; }));
    }
    CHECK(cases >= 5);
}

TEST_CASE("parity: every registered schedule type has fixture cases")
{
    std::vector<std::string> covered;
    for (const json& c : schedule_fixture()["cases"])
    {
        covered.push_back(c["schedule"]["type"].get<std::string>());
        if (c["schedule"].contains("schedules"))
            for (const json& sub : c["schedule"]["schedules"])
                covered.push_back(sub["type"].get<std::string>());
    }
    for (const ScheduleInfo& info : schedule_registry())
    {
        INFO("schedule type: ", info.type);
        CHECK(std::find(covered.begin(), covered.end(), info.type) != covered.end());
    }
}

}  // namespace lrlab
