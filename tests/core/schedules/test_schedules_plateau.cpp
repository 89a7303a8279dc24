// reduce_on_plateau (PyTorch 1.13's ReduceLROnPlateau.step(metrics)), the Schedule lookups, and
// that every schedule builds cheaply and finitely on long tables and degenerate (valid) configs.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "core/optim/descriptor.hpp"
#include "core/schedules/schedule.hpp"

using namespace lrlab;

namespace
{

ScheduleConfig plateau(std::int64_t patience, double factor)
{
    ScheduleConfig c;
    c.type = "reduce_on_plateau";
    c.mode = "min";
    c.patience = patience;
    c.factor = factor;
    return c;
}

OptimizerConfig sgd(double lr)
{
    OptimizerConfig o = optimizer_defaults("sgd");
    o.lr = lr;
    return o;
}

// The LR after each observed metric.
std::vector<double> trace(const ScheduleConfig& c, double lr, const std::vector<double>& metrics)
{
    Schedule s = make_schedule(c, sgd(lr), 100);
    std::vector<double> out;
    for (const double m : metrics)
    {
        s.observe(m);
        out.push_back(s.lr(0));
    }
    return out;
}

}  // namespace

TEST_CASE("reduce_on_plateau: more than `patience` bad evaluations reduce the LR")
{
    const ScheduleConfig c = plateau(2, 0.5);
    const std::vector<double> r = trace(c, 0.1, {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5});
    CHECK(r == std::vector<double>{0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025});

    Schedule s = make_schedule(c, sgd(0.1), 50);
    CHECK(s.observes_metric());
    for (int i = 0; i < 4; ++i)
        s.observe(2.0);
    CHECK(s.lr(0) == 0.05);  // the current plateau LR, whatever the step
    CHECK(s.lr(49) == 0.05);
    CHECK(s.lr(1000) == 0.05);
    for (double v : lr_table(c, sgd(0.1), 5))  // no metric: the base LR throughout
        CHECK(v == 0.1);
}

TEST_CASE("reduce_on_plateau: cooldown, min_lr and eps")
{
    ScheduleConfig c = plateau(1, 0.5);
    c.cooldown = 2;  // two evaluations after a reduction are ignored
    CHECK(trace(c, 0.1, std::vector<double>(9, 1.0)) ==
          std::vector<double>{0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025});

    c = plateau(0, 0.1);
    c.min_lr = 0.002;  // never below min_lr
    CHECK(trace(c, 0.1, {1.0, 1.0, 1.0, 1.0}) ==
          std::vector<double>{0.1, 0.1 * 0.1, 0.002, 0.002});

    c = plateau(0, 0.5);
    c.eps = 0.02;  // a reduction smaller than eps is skipped: 0.04 -> 0.02 is not > 0.02
    CHECK(trace(c, 0.04, {1.0, 1.0, 1.0}) == std::vector<double>{0.04, 0.04, 0.04});
    CHECK(trace(c, 0.08, {1.0, 1.0, 1.0}) == std::vector<double>{0.08, 0.04, 0.04});
}

TEST_CASE("reduce_on_plateau: threshold modes rel/abs and mode max")
{
    ScheduleConfig c = plateau(0, 0.5);
    c.threshold = 0.1;  // rel: better means < best * 0.9
    CHECK(trace(c, 0.1, {1.0, 0.95, 0.89}) == std::vector<double>{0.1, 0.05, 0.05});
    c.threshold_mode = "abs";  // abs: better means < best - 0.1
    CHECK(trace(c, 0.1, {1.0, 0.91, 0.85}) == std::vector<double>{0.1, 0.05, 0.05});
    CHECK(trace(c, 0.1, {1.0, 0.85, 0.7}) == std::vector<double>{0.1, 0.1, 0.1});

    c.mode = "max";  // better means > best + 0.1
    CHECK(trace(c, 0.1, {0.5, 0.65, 0.7}) == std::vector<double>{0.1, 0.1, 0.05});
    c.threshold_mode = "rel";  // better means > best * 1.1
    CHECK(trace(c, 0.1, {0.5, 0.56, 0.6}) == std::vector<double>{0.1, 0.1, 0.05});

    c = plateau(0, 0.5);  // a NaN metric is never better
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK(trace(c, 0.1, {nan, 1.0, nan}) == std::vector<double>{0.05, 0.05, 0.025});
}

TEST_CASE("Schedule lookups hold the last row; observe is a no-op without a plateau")
{
    ScheduleConfig c;
    c.type = "exponential";
    c.gamma = 0.5;
    Schedule s = make_schedule(c, sgd(1.0), 4);
    CHECK_FALSE(s.observes_metric());
    CHECK_FALSE(s.has_momentum());
    s.observe(123.0);
    CHECK(s.lr(-1) == 1.0);
    CHECK(s.lr(3) == 0.125);
    CHECK(s.lr(10) == 0.125);
    CHECK(lr_table(c, sgd(1.0), 0).empty());
    CHECK(lr_table(c, sgd(1.0), 3).size() == 3);
    CHECK(make_schedule(c, sgd(1.0), 0).lr(0) == 1.0);
}

TEST_CASE("every schedule builds 1e6+1 rows quickly and stays finite on degenerate configs")
{
    std::vector<ScheduleConfig> configs;
    auto add = [&](const char* type) -> ScheduleConfig& {
        configs.emplace_back();
        configs.back().type = type;
        return configs.back();
    };
    add("constant");
    add("step").step_size = 1;
    add("multistep").milestones = {0, 1, 1};
    add("exponential").gamma = 0.0;
    add("inverse_time").staircase = true;
    add("polynomial").total_iters = 1;
    add("polynomial").power = 0.0;
    add("linear").total_iters = 0;
    ScheduleConfig& lin0 = add("linear");
    lin0.start_factor = 0.0;
    lin0.end_factor = 0.0;
    lin0.total_iters = 3;
    add("cosine").T_max = 1;
    add("cosine_warm_restarts").T_mult = 1000000;
    ScheduleConfig& cyc = add("cyclic");
    cyc.mode = "triangular2";
    cyc.max_lr = 1.0;
    cyc.cycle_momentum = true;
    ScheduleConfig& oc = add("one_cycle");
    oc.max_lr = 0.1;
    oc.total_steps = 10;
    oc.pct_start = 0.1;  // a first phase of length 0 (torch divides 0 by 0)
    oc.three_phase = true;
    add("one_cycle").max_lr = 0.1;  // total_steps 1
    ScheduleConfig& seq = add("sequential");
    seq.schedules = {configs[0], configs[9], plateau(1, 0.5)};
    seq.milestones = {0, 0};
    add("sequential");  // no children
    add("reduce_on_plateau");

    for (const ScheduleConfig& c : configs)
    {
        INFO(c.type);
        const bool big = c.type == "cosine" || c.type == "cyclic" || c.type == "sequential";
        const std::int64_t n = big ? 1000001 : 1001;
        const Schedule s = make_schedule(c, sgd(0.1), n);
        REQUIRE(s.length() == n);
        bool finite = true;
        for (std::int64_t k = 0; k < n; ++k)
            finite = finite && std::isfinite(s.lr(k)) && std::isfinite(s.momentum(k));
        CHECK(finite);
    }
}
