// Schedules: closed forms and hand-worked PyTorch 1.13 values for every type and its quirks.
// Values that involve no transcendental function are checked exactly (the same operations in
// the same order as torch); the others to 1e-12 (detmath is within a few ulp of libm).
#include <doctest/doctest.h>

#include <cmath>
#include <iterator>
#include <string>
#include <vector>

#include "core/optim/descriptor.hpp"
#include "core/schedules/schedule.hpp"

using namespace lrlab;

namespace
{

constexpr double kPi = 3.141592653589793;

OptimizerConfig optimizer(const char* type, double lr, double momentum = 0.0)
{
    OptimizerConfig o = optimizer_defaults(type);
    o.lr = lr;
    o.momentum = momentum;
    return o;
}

ScheduleConfig sched(const char* type)
{
    ScheduleConfig c;
    c.type = type;
    return c;
}

std::vector<double> rows(const ScheduleConfig& c, double lr, int n)
{
    return lr_table(c, optimizer("sgd", lr), n);
}

bool near(double got, double want)
{
    return std::fabs(got - want) <= 1e-12 * std::fmax(std::fabs(want), 1e-3);
}

// want[k] for rows 0..want.size()-1, to 1e-12
void check_near(const std::vector<double>& got, const std::vector<double>& want)
{
    REQUIRE(got.size() >= want.size());
    for (std::size_t k = 0; k < want.size(); ++k)
    {
        INFO("row " << k << ": got " << got[k] << ", want " << want[k]);
        CHECK(near(got[k], want[k]));
    }
}

}  // namespace

TEST_CASE("the registry names every schedule of DESIGN.md with a label")
{
    const char* types[] = {"constant", "step", "multistep", "exponential", "inverse_time",
                           "polynomial", "linear", "cosine", "cosine_warm_restarts", "cyclic",
                           "one_cycle", "sequential", "reduce_on_plateau"};
    CHECK(schedule_registry().size() == std::size(types));
    for (const char* t : types)
    {
        INFO(t);
        const ScheduleInfo* info = find_schedule(t);
        REQUIRE(info != nullptr);
        CHECK(std::string(info->type) == t);
        CHECK(std::string(info->label).size() > 0);
    }
    CHECK(find_schedule("cosine_annealing") == nullptr);
}

TEST_CASE("constant: no change by default; ConstantLR with factor and total_iters")
{
    for (double v : rows(sched("constant"), 0.1, 5))
        CHECK(v == 0.1);

    ScheduleConfig c = sched("constant");
    c.factor = 0.5;
    c.total_iters = 4;
    const std::vector<double> r = rows(c, 0.05, 7);
    for (int k = 0; k < 4; ++k)
        CHECK(r[k] == 0.05 * 0.5);
    for (int k = 4; k < 7; ++k)
        CHECK(r[k] == 0.05 * 0.5 * (1.0 / 0.5));

    c.total_iters = 0;  // quirk: the restoring step never comes, factor * lr stays
    for (double v : rows(c, 0.05, 4))
        CHECK(v == 0.05 * 0.5);

    c.factor = 0.0;  // torch divides by 0 at total_iters; we restore the base LR
    c.total_iters = 2;
    const std::vector<double> z = rows(c, 0.05, 4);
    CHECK(z == std::vector<double>{0.0, 0.0, 0.05, 0.05});
}

TEST_CASE("step and multistep multiply the previous LR at their milestones")
{
    ScheduleConfig c = sched("step");
    c.step_size = 3;
    c.gamma = 0.1;
    const std::vector<double> r = rows(c, 0.1, 9);
    const double a = 0.1, b = a * 0.1, d = b * 0.1;
    CHECK(r == std::vector<double>{a, a, a, b, b, b, d, d, d});

    ScheduleConfig m = sched("multistep");
    m.milestones = {3, 7, 3};  // a milestone listed twice multiplies by gamma ** 2
    m.gamma = 0.5;
    check_near(rows(m, 0.1, 9), {0.1, 0.1, 0.1, 0.025, 0.025, 0.025, 0.025, 0.0125, 0.0125});

    m.milestones = {0, 2};  // milestone 0 applies at construction
    m.gamma = 0.1;
    check_near(rows(m, 1.0, 3), {0.1, 0.1, 0.01});
}

TEST_CASE("exponential, inverse_time and polynomial decays")
{
    ScheduleConfig e = sched("exponential");
    e.gamma = 0.9;
    const std::vector<double> r = rows(e, 0.1, 50);
    CHECK(r[0] == 0.1);
    for (int k = 1; k < 50; ++k)
        CHECK(r[k] == r[k - 1] * 0.9);  // recursive, as torch
    CHECK(near(r[49], 0.1 * std::pow(0.9, 49)));

    ScheduleConfig t = sched("inverse_time");  // Keras: L / (1 + rate * t / steps)
    t.decay_rate = 0.5;
    t.decay_steps = 4;
    const std::vector<double> it = rows(t, 0.1, 9);
    for (int k = 0; k < 9; ++k)
        CHECK(it[k] == 0.1 / (1.0 + 0.5 * (k / 4.0)));
    t.staircase = true;
    const std::vector<double> st = rows(t, 0.1, 9);
    CHECK(st[3] == 0.1);
    CHECK(st[4] == 0.1 / 1.5);
    CHECK(st[7] == 0.1 / 1.5);
    CHECK(st[8] == 0.1 / 2.0);

    ScheduleConfig p = sched("polynomial");  // torch docstring: 0.001, 0.00075, ..., 0
    p.total_iters = 4;
    p.power = 1.0;
    check_near(rows(p, 0.001, 6), {0.001, 0.00075, 0.0005, 0.00025, 0.0, 0.0});
    p.total_iters = 7;
    p.power = 2.0;
    const std::vector<double> p2 = rows(p, 0.1, 9);
    for (int k = 0; k <= 7; ++k)
        CHECK(near(p2[k], 0.1 * std::pow(1.0 - k / 7.0, 2.0)));
    CHECK(p2[8] == 0.0);
    p.total_iters = 0;  // nothing to decay over
    CHECK(rows(p, 0.1, 3) == std::vector<double>{0.1, 0.1, 0.1});
}

TEST_CASE("linear: torch's recursive LinearLR and its corners")
{
    ScheduleConfig c = sched("linear");  // torch docstring example
    c.start_factor = 0.5;
    c.end_factor = 1.0;
    c.total_iters = 4;
    const std::vector<double> r = rows(c, 0.05, 7);
    check_near(r, {0.025, 0.03125, 0.0375, 0.04375, 0.05});
    CHECK(r[5] == r[4]);
    CHECK(r[6] == r[4]);

    c.start_factor = 1.0;  // a decay
    c.end_factor = 0.1;
    check_near(rows(c, 1.0, 6), {1.0, 0.775, 0.55, 0.325, 0.1, 0.1});

    c.start_factor = 0.0;  // torch: ZeroDivisionError at step 1; we follow the closed form
    c.end_factor = 1.0;
    check_near(rows(c, 0.1, 6), {0.0, 0.025, 0.05, 0.075, 0.1, 0.1});

    c.start_factor = 0.5;  // quirk: total_iters 0 leaves start_factor * lr
    c.total_iters = 0;
    CHECK(rows(c, 0.1, 3) == std::vector<double>{0.05, 0.05, 0.05});
}

TEST_CASE("cosine: the recursive CosineAnnealingLR rises again past T_max")
{
    ScheduleConfig c = sched("cosine");
    c.T_max = 10;
    c.eta_min = 0.001;
    const std::vector<double> r = rows(c, 0.1, 41);
    for (int k = 0; k <= 10; ++k)
        CHECK(near(r[k], 0.001 + 0.099 * (1.0 + std::cos(kPi * k / 10.0)) / 2.0));
    for (int j = 1; j <= 10; ++j)  // mirror image: back up to the base LR at 2 * T_max
        CHECK(near(r[10 + j], r[10 - j]));
    CHECK(near(r[20], 0.1));
    CHECK(near(r[30], 0.001));
    CHECK(near(r[40], 0.1));

    c.T_max = 1;  // alternates between the base LR and eta_min
    c.eta_min = 0.0;
    check_near(rows(c, 0.1, 6), {0.1, 0.0, 0.1, 0.0, 0.1, 0.0});
}

TEST_CASE("cosine_warm_restarts with T_mult 2 restarts at 0, T_0, 3 T_0, 7 T_0")
{
    ScheduleConfig c = sched("cosine_warm_restarts");
    c.T_0 = 3;
    c.T_mult = 2;
    c.eta_min = 0.01;
    const std::vector<double> r = rows(c, 0.1, 22);
    for (int k : {0, 3, 9, 21})
        CHECK(near(r[k], 0.1));
    check_near(r, {0.1, 0.0775, 0.0325, 0.1});              // cos(pi/3), cos(2 pi/3)
    CHECK(near(r[6], 0.055));                                // the middle of the 6-step cycle
    CHECK(near(r[4], 0.01 + 0.09 * (1.0 + std::cos(kPi / 6.0)) / 2.0));
    CHECK(near(r[20], 0.01 + 0.09 * (1.0 + std::cos(kPi * 11.0 / 12.0)) / 2.0));

    c.T_0 = 1;
    c.T_mult = 1;
    for (double v : rows(c, 0.1, 4))
        CHECK(near(v, 0.1));
}

TEST_CASE("cyclic: triangular from base_lr (not optimizer.lr), momentum inversely")
{
    ScheduleConfig c = sched("cyclic");
    c.base_lr = 0.01;
    c.max_lr = 0.1;
    c.step_size_up = 4;
    c.step_size_down = 2;
    c.cycle_momentum = true;
    c.base_momentum = 0.8;
    c.max_momentum = 0.9;
    const Schedule s = make_schedule(c, optimizer("sgd", 0.5, 0.9), 13);
    REQUIRE(s.has_momentum());
    const double lr[] = {0.01, 0.0325, 0.055, 0.0775, 0.1, 0.055, 0.01, 0.0325, 0.055,
                         0.0775, 0.1, 0.055, 0.01};
    const double mom[] = {0.9, 0.875, 0.85, 0.825, 0.8, 0.85, 0.9};
    for (int k = 0; k < 13; ++k)
        CHECK(near(s.lr(k), lr[k]));
    for (int k = 0; k < 7; ++k)
        CHECK(near(s.momentum(k), mom[k]));

    c.cycle_momentum = false;
    CHECK_FALSE(make_schedule(c, optimizer("sgd", 0.5, 0.9), 13).has_momentum());

    c.step_size_up = 1;  // the smallest cycle
    c.step_size_down = 1;
    check_near(rows(c, 0.5, 5), {0.01, 0.1, 0.01, 0.1, 0.01});
}

TEST_CASE("cyclic: triangular2 halves the amplitude each cycle; exp_range scales by gamma^t")
{
    ScheduleConfig c = sched("cyclic");
    c.base_lr = 0.01;
    c.max_lr = 0.1;
    c.step_size_up = 2;
    c.step_size_down = 2;
    c.mode = "triangular2";
    const std::vector<double> r = rows(c, 0.01, 17);
    check_near({r[2], r[6], r[10], r[14]}, {0.1, 0.055, 0.0325, 0.02125});
    check_near({r[0], r[4], r[8], r[12], r[16]}, {0.01, 0.01, 0.01, 0.01, 0.01});
    CHECK(near(r[5], 0.0325));

    c.mode = "exp_range";
    c.gamma = 0.9;
    c.step_size_up = 3;
    c.step_size_down = 3;
    const std::vector<double> e = rows(c, 0.01, 13);
    CHECK(near(e[3], 0.01 + 0.09 * std::pow(0.9, 3)));
    CHECK(near(e[9], 0.01 + 0.09 * std::pow(0.9, 9)));
    CHECK(near(e[1], 0.01 + 0.09 / 3.0 * 0.9));
    CHECK(near(e[6], 0.01));
}

TEST_CASE("one_cycle: two phases, cos; past total_steps the LR is held")
{
    ScheduleConfig c = sched("one_cycle");
    c.max_lr = 0.1;
    c.total_steps = 20;  // phase ends: 0.3 * 20 - 1 = 5, then 19
    c.base_momentum = 0.85;
    c.max_momentum = 0.95;
    const std::vector<double> r = rows(c, 0.123, 25);
    CHECK(near(r[0], 0.004));                                // max_lr / div_factor
    CHECK(near(r[5], 0.1));
    CHECK(near(r[19], 4e-7));                                // initial / final_div_factor
    CHECK(near(r[2], 0.1 + (0.004 - 0.1) / 2.0 * (std::cos(kPi * 0.4) + 1.0)));
    // Torch's row total_steps would extrapolate (pct 15/14), then torch raises: from
    // total_steps on we hold the end of the last phase.
    for (int k = 20; k < 25; ++k)
        CHECK(r[k] == r[19]);

    c.cycle_momentum = true;  // Adam: betas[0] is driven
    OptimizerConfig adam = optimizer("adam", 0.01);
    const Schedule s = make_schedule(c, adam, 21);
    REQUIRE(s.has_momentum());
    CHECK(near(s.momentum(0), 0.95));
    CHECK(near(s.momentum(5), 0.85));
    CHECK(near(s.momentum(19), 0.95));
    CHECK_FALSE(make_schedule(c, optimizer("adagrad", 0.01), 21).has_momentum());
}

TEST_CASE("one_cycle: three_phase is symmetric, then anneals; linear anneal")
{
    ScheduleConfig c = sched("one_cycle");
    c.max_lr = 0.1;
    c.total_steps = 20;  // phase ends 5, 10, 19
    c.three_phase = true;
    c.cycle_momentum = true;
    c.base_momentum = 0.85;
    c.max_momentum = 0.95;
    const Schedule s = make_schedule(c, optimizer("sgd", 0.1, 0.9), 21);
    for (int k = 0; k <= 5; ++k)
    {
        CHECK(near(s.lr(k), s.lr(10 - k)));
        CHECK(near(s.momentum(k), s.momentum(10 - k)));
    }
    CHECK(near(s.lr(5), 0.1));
    CHECK(near(s.lr(10), 0.004));
    CHECK(near(s.lr(19), 4e-7));
    for (int k = 10; k < 20; ++k)
        CHECK(near(s.momentum(k), 0.95));

    c.three_phase = false;
    c.anneal_strategy = "linear";
    c.total_steps = 15;  // phase ends 3.5, 14
    const std::vector<double> r = rows(c, 0.1, 16);
    for (int k = 0; k <= 3; ++k)
        CHECK(near(r[k], (0.1 - 0.004) * (k / 3.5) + 0.004));
    CHECK(near(r[9], (4e-7 - 0.1) * ((9 - 3.5) / 10.5) + 0.1));
    CHECK(near(r[14], 4e-7));
    CHECK(r[15] == r[14]);  // never the negative value torch's linear extrapolation gives
}

TEST_CASE("sequential: LinearLR warmup then CosineAnnealingLR, as torch 1.13 runs it")
{
    ScheduleConfig warm = sched("linear");
    warm.start_factor = 1.0 / 3.0;
    warm.end_factor = 1.0;
    warm.total_iters = 5;
    ScheduleConfig cos = sched("cosine");
    cos.T_max = 10;
    ScheduleConfig c = sched("sequential");
    c.schedules = {warm, cos};
    c.milestones = {5};
    const std::vector<double> r = rows(c, 0.1, 26);
    for (int k = 0; k < 5; ++k)  // the warmup from optimizer.lr, not from what cosine's
        CHECK(near(r[k], 0.1 * (1.0 / 3.0 + (2.0 / 3.0) * k / 5.0)));  // constructor left
    for (int j = 0; j <= 10; ++j)  // the cosine restarts from optimizer.lr at the milestone
        CHECK(near(r[5 + j], 0.05 * (1.0 + std::cos(kPi * j / 10.0))));
    CHECK(near(r[25], 0.1));  // and rises again past T_max
}

TEST_CASE("sequential: a closed-form restart at the milestone (torch's docstring is wrong)")
{
    // The docstring of SequentialLR promises 0.1, 0.1, 0.9, 0.81 for [ConstantLR(0.1, 2),
    // ExponentialLR(0.9)] with milestone 2 and lr 1; 1.13 really restarts ExponentialLR with
    // step(0), i.e. its closed form base * 0.9 ** 0.
    ScheduleConfig a = sched("constant");
    a.factor = 0.1;
    a.total_iters = 2;
    ScheduleConfig b = sched("exponential");
    b.gamma = 0.9;
    ScheduleConfig c = sched("sequential");
    c.schedules = {a, b};
    c.milestones = {2};
    check_near(rows(c, 1.0, 5), {0.1, 0.1, 1.0, 0.9, 0.81});

    ScheduleConfig k = sched("constant");  // three children: ConstantLR's own recursion runs
    k.factor = 0.5;
    k.total_iters = 2;
    ScheduleConfig w = sched("linear");
    w.start_factor = 0.2;
    w.total_iters = 3;
    c.schedules = {w, k, b};
    c.milestones = {3, 8};
    check_near(rows(c, 1.0, 10),
               {0.2, 0.2 + 0.8 / 3.0, 0.2 + 1.6 / 3.0, 0.5, 0.5, 1.0, 1.0, 1.0, 1.0, 0.9});
}

TEST_CASE("sequential: a cyclic child sets the momentum from its construction on")
{
    ScheduleConfig st = sched("step");
    st.step_size = 2;
    st.gamma = 0.5;
    ScheduleConfig cy = sched("cyclic");
    cy.base_lr = 0.01;
    cy.max_lr = 0.2;
    cy.step_size_up = 2;
    cy.step_size_down = 2;
    cy.cycle_momentum = true;
    ScheduleConfig c = sched("sequential");
    c.schedules = {st, cy};
    c.milestones = {5};
    const Schedule s = make_schedule(c, optimizer("sgd", 0.1, 0.5), 10);
    REQUIRE(s.has_momentum());
    check_near({s.lr(0), s.lr(2), s.lr(4), s.lr(5), s.lr(7), s.lr(9)},
               {0.1, 0.05, 0.025, 0.01, 0.2, 0.01});
    for (int k = 0; k <= 5; ++k)  // cyclic's constructor left max_momentum
        CHECK(near(s.momentum(k), 0.9));
    CHECK(near(s.momentum(7), 0.8));
}

TEST_CASE("sequential: milestone 0 runs the cosine recursion on the warmup's LR (torch quirk)")
{
    // Milestone 0 is never reached by step(), so CosineAnnealingLR is stepped normally from
    // row 1: it keeps the LR LinearLR left (0.05) and scales it by the cosine ratio down to 0,
    // but its rising branch adds (base - eta_min) * (1 - cos(pi/T)) / 2 with base = 0.1.
    ScheduleConfig warm = sched("linear");
    warm.start_factor = 0.5;
    warm.total_iters = 4;
    ScheduleConfig cos = sched("cosine");
    cos.T_max = 5;
    ScheduleConfig c = sched("sequential");
    c.schedules = {warm, cos};
    c.milestones = {0};
    const double f1 = (1.0 + std::cos(kPi / 5.0)) / 2.0;
    check_near(rows(c, 0.1, 8), {0.05, 0.05, 0.05 * f1, 0.05 * (1.0 + std::cos(2 * kPi / 5)) / 2,
                                 0.05 * (1.0 + std::cos(3 * kPi / 5)) / 2,
                                 0.05 * (1.0 + std::cos(4 * kPi / 5)) / 2, 0.0,
                                 0.1 * (1.0 - std::cos(kPi / 5.0)) / 2.0});
}
