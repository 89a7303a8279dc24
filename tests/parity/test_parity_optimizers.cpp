// Parity with PyTorch 1.13: every optimizer (with its options, schedules and clipping in the
// loop) on the 2-D test functions and on small MLPs, against trajectories recorded by
// gen_fixtures.py (optimizers.json). The loop is the lab's step: gradient -> clip -> optimizer
// (LR and cycled momentum from the schedule) -> next step.
//
// Two ways to feed the gradient:
//   replay      step k gets the gradient torch computed at step k. The trajectory then depends
//               only on the optimizer chain, so rounding differences add up linearly and every
//               step can be compared tightly, chaotic functions included.
//   closed loop step k gets lrlab's own gradient (surface_grad, Mlp::loss_and_grad + penalty)
//               at lrlab's own parameters, as training does. Differences of a few ulp in the
//               gradient are amplified by ill-conditioned or chaotic functions, so this compares
//               only `compare_steps` rows (30 for rastrigin) with a looser tolerance.
// Bit equality is not expected: torch's CPU kernels may fuse `add(..., alpha)` into an FMA,
// sum in other orders (matmul) and evaluate scalar hyperparameters in double in Python.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/model/mlp.hpp"
#include "core/optim/optimizers.hpp"
#include "core/schedules/schedule.hpp"
#include "core/surface/functions.hpp"
#include "fixtures.hpp"

namespace lrlab
{
namespace
{

using nlohmann::json;

// Tolerances, per element of row k (k optimizer steps done): |got - want| <= (k + 1) *
// (atol + rtol * |want|). Each float32 step rounds the update and the sum p + u to a few ulp
// (float32 ulp = 1.2e-7 relative), so errors grow at most linearly with the step count.
// replay: a few ulp per step. closed loop: the gradient itself differs by up to ~1e-6
// relative (float32 evaluation order) and the trajectory amplifies it mildly over the
// compared steps.
constexpr double replay_rtol = 1e-6, replay_atol = 1e-7;
constexpr double loop_rtol = 2e-5, loop_atol = 2e-6;
// LRs and momenta are computed in double on both sides (schedules parity has the details).
constexpr double lr_rtol = 1e-12;

enum class Feed
{
    replay,
    closed_loop
};

// The state of a model-backed case: what Mlp::loss_and_grad needs.
struct MlpCase
{
    Mlp mlp;
    Workspace ws;
    std::vector<float> x, y;
    std::size_t n;
};

TaskKind task_kind(const std::string& task)
{
    return task == "binary" ? TaskKind::binary
           : task == "multiclass" ? TaskKind::multiclass
                                  : TaskKind::regression;
}

MlpCase make_mlp_case(const json& c)
{
    const json& m = c["model"];
    const std::vector<int> sizes = m["sizes"].get<std::vector<int>>();
    ModelConfig mc;
    mc.hidden.assign(sizes.begin() + 1, sizes.end() - 1);
    mc.activation = m["activation"].get<std::string>();
    mc.leaky_slope = m.value("leaky_slope", 0.01);
    Mlp mlp(sizes.front(), mc, sizes.back(), task_kind(m["task"].get<std::string>()));
    std::vector<float> x = parity::floats(c["x"]), y = parity::floats(c["y"]);
    const std::size_t n = y.size();
    Workspace ws = mlp.make_workspace(n);
    return MlpCase{mlp, ws, x, y, n};
}

struct Trajectory
{
    std::vector<std::vector<float>> params;  // row k: after k steps
    std::vector<double> lr, momentum;        // what the schedule gave step k
};

// One fixture case through make_optimizer / make_schedule, as Run::step does.
Trajectory run_case(const json& c, Feed feed)
{
    const OptimizerConfig oc = parity::optimizer_config(c["optimizer"]);
    const ClipConfig cc = parity::clip_config(c["clip"]);
    const std::int64_t steps = c["steps"].get<std::int64_t>();
    const ScheduleConfig sc = parity::schedule_config(c["schedule"], oc, steps);
    const Schedule schedule = make_schedule(sc, oc, steps + 1);
    const Optimizer opt = make_optimizer(oc, cc);

    ParamSet params = parity::params_from_layout(c["layout"]);
    parity::set_values(params, parity::floats(c["params"][0]));
    ParamSet grads = zeros_like(params);
    OptimizerState state = init(opt, params);
    const bool is_mlp = c["kind"] == "mlp";
    std::optional<MlpCase> model;
    if (is_mlp)
        model = make_mlp_case(c);
    const std::string function = c.value("function", "");
    const double l1 = c["l1"].get<double>(), l2 = c["l2"].get<double>();

    Trajectory t;
    t.params.emplace_back(params.data(), params.data() + params.size());
    for (std::int64_t k = 0; k < steps; ++k)
    {
        if (feed == Feed::replay)
            parity::set_values(grads, parity::floats(c["grads"][k]));
        else if (is_mlp)
        {
            model->mlp.loss_and_grad(params, model->x.data(), model->y.data(), model->n,
                                     model->ws, grads);
            add_penalty_grad(params, l1, l2, grads);
        }
        else
        {
            surface_grad(function, params.values(0), params.values(1), grads.values(0),
                         grads.values(1));
        }
        StepContext ctx;
        ctx.step = k;
        ctx.lr = schedule.lr(k);
        ctx.has_momentum = schedule.has_momentum();
        ctx.momentum = ctx.has_momentum ? schedule.momentum(k) : 0.0;
        t.lr.push_back(ctx.lr);
        t.momentum.push_back(ctx.momentum);
        update(opt, grads, state, params, ctx);
        t.params.emplace_back(params.data(), params.data() + params.size());
    }
    return t;
}

// "w1[2,0]" for flat index i of the layout.
std::string element_name(const json& layout, std::size_t i)
{
    for (const auto& t : layout)
    {
        const std::size_t rows = t[1].get<std::size_t>(), cols = t[2].get<std::size_t>();
        if (i < rows * cols)
        {
            std::ostringstream s;
            s << t[0].get<std::string>() << "[" << i / cols << "," << i % cols << "]";
            return s.str();
        }
        i -= rows * cols;
    }
    return "?";
}

// The size of the largest term in the function or its gradient at (x, y): float32 evaluation
// is accurate to a few ulp of it, not of the (possibly cancelling) result.
double surface_term_scale(const std::string& f, double x, double y)
{
    const double ax = std::fabs(x), ay = std::fabs(y);
    if (f == "rosenbrock")
        return 1.0 + 400.0 * (ax * ax * ax + ax * ay) + 100.0 * (ax * ax + ay) * (ax * ax + ay);
    if (f == "beale")
        return 3.0 * (2.625 + ax + ax * ay * ay * ay) * (3.0 + 6.0 * ax * (1 + ay * ay));
    if (f == "himmelblau")
        return (11.0 + ax * ax + ay + 7.0 + ax + ay * ay) * (4.0 * (ax + ay) + 2.0);
    if (f == "rastrigin")
        return 20.0 + ax * ax + ay * ay + 20.0 * 3.14159265358979 * (1.0 + ax + ay);
    if (f == "six_hump_camel")
    {
        const double x2 = ax * ax, y2 = ay * ay;
        return 1.0 + 4.0 * x2 + 2.1 * x2 * x2 + x2 * x2 * x2 / 3.0 + ax * ay + 4.0 * y2 +
               4.0 * y2 * y2 + 8.0 * ax + 8.4 * x2 * ax + 2.0 * x2 * x2 * ax + 8.0 * ay +
               16.0 * y2 * ay;
    }
    if (f == "ackley")  // terms bounded by 20 + e + 1; gradient terms by 2 sqrt(2) and pi e
        return 30.0;
    if (f == "styblinski_tang")
        return 1.0 + (ax * ax + 16.0) * ax * ax + 5.0 * ax + 2.0 * ax * ax * ax + 16.0 * ax +
               (ay * ay + 16.0) * ay * ay + 5.0 * ay + 2.0 * ay * ay * ay + 16.0 * ay;
    return 1.0 + 10.0 * (ax * ax + ay * ay + ax + ay);  // saddle, quadratic
}

bool verbose() { return std::getenv("LRLAB_PARITY_VERBOSE") != nullptr; }

// Compares rows 1..last; reports the first step and element beyond the tolerance.
void check_trajectory(const json& c, const Trajectory& t, Feed feed)
{
    const std::string label = c["name"].get<std::string>() +
                              (feed == Feed::replay ? " (replay)" : " (closed loop)");
    const std::int64_t steps = c["steps"].get<std::int64_t>();
    const std::int64_t last = feed == Feed::replay
                                  ? steps
                                  : std::min(steps, c["compare_steps"].get<std::int64_t>());
    const double rtol = feed == Feed::replay ? replay_rtol : loop_rtol;
    const double atol = feed == Feed::replay ? replay_atol : loop_atol;
    double worst = 0.0;
    std::ostringstream failure;
    for (std::int64_t k = 1; k <= last && failure.str().empty(); ++k)
    {
        const std::vector<float> want = parity::floats(c["params"][k]);
        const double growth = static_cast<double>(k + 1);
        const long i = parity::first_mismatch(t.params[k], want, want.size(), growth * rtol,
                                              growth * atol, &worst);
        if (i >= 0)
            failure << label << ": step " << k << " " << element_name(c["layout"], i)
                    << " expected " << parity::num(want[i]) << " got "
                    << parity::num(t.params[k][i]) << " (|diff| "
                    << parity::num(std::fabs(t.params[k][i] - want[i])) << ", tolerance "
                    << parity::num(growth * (atol + rtol * std::fabs(want[i]))) << ")";
    }
    if (verbose())
        MESSAGE(label << ": worst error / tolerance " << worst << " over " << last << " steps");
    CHECK_MESSAGE(failure.str().empty(), failure.str());
}

void check_schedule_values(const json& c, const Trajectory& t)
{
    // Absolute allowance relative to the largest LR: a recurrence may land on 1e-18 for 0.
    const std::vector<double> lr = parity::doubles(c["lr"]);
    const double scale = *std::max_element(lr.begin(), lr.end());
    const long i = parity::first_mismatch(t.lr, lr, lr.size(), lr_rtol, lr_rtol * scale);
    CHECK_MESSAGE(i < 0, c["name"].get<std::string>()
                             << ": lr of step " << i << " expected "
                             << parity::num(i < 0 ? 0.0 : lr[i], 17) << " got "
                             << parity::num(i < 0 ? 0.0 : t.lr[i], 17));
    if (!c.contains("momentum"))
        return;
    const std::vector<double> m = parity::doubles(c["momentum"]);
    const long j = parity::first_mismatch(t.momentum, m, m.size(), lr_rtol, lr_rtol);
    CHECK_MESSAGE(j < 0, c["name"].get<std::string>()
                             << ": momentum of step " << j << " expected "
                             << parity::num(j < 0 ? 0.0 : m[j], 17) << " got "
                             << parity::num(j < 0 ? 0.0 : t.momentum[j], 17));
}

const json& optimizer_fixture()
{
    static const json doc = parity::load_fixture("optimizers.json");
    return doc;
}

}  // namespace

TEST_CASE("parity: optimizers replaying torch's gradients follow torch's trajectories")
{
    for (const json& c : optimizer_fixture()["cases"])
    {
        INFO("case: ", c["name"].get<std::string>());
        const Trajectory t = run_case(c, Feed::replay);
        check_schedule_values(c, t);
        check_trajectory(c, t, Feed::replay);
    }
}

TEST_CASE("parity: optimizers on lrlab's own gradients follow torch's trajectories")
{
    for (const json& c : optimizer_fixture()["cases"])
    {
        INFO("case: ", c["name"].get<std::string>());
        check_trajectory(c, run_case(c, Feed::closed_loop), Feed::closed_loop);
    }
}

// The fixtures' surface gradients are float64 autograd rounded to float32; lrlab evaluates in
// float32, where rounding in the terms (e.g. y - x^2, 10 cos 2 pi x) costs a few ulp of the
// largest term rather than of the result: hence an absolute allowance scaled by the term size.
TEST_CASE("parity: surface values and gradients agree with float64 autograd")
{
    for (const json& c : optimizer_fixture()["cases"])
    {
        if (c["kind"] != "surface")
            continue;
        INFO("case: ", c["name"].get<std::string>());
        const std::string f = c["function"].get<std::string>();
        const std::vector<double> loss = parity::doubles(c["loss"]);
        for (std::size_t k = 0; k < loss.size(); ++k)
        {
            const std::vector<float> p = parity::floats(c["params"][k]);
            const std::vector<float> g = parity::floats(c["grads"][k]);
            float gx = 0.0f, gy = 0.0f;
            surface_grad(f, p[0], p[1], gx, gy);
            const double v = surface_value(f, p[0], p[1]);
            const double scale = surface_term_scale(f, p[0], p[1]);
            INFO("step ", k, " at (", p[0], ", ", p[1], ")");
            CHECK(parity::close(v, loss[k], 1e-6, 1e-6 * scale));
            CHECK(parity::close(gx, g[0], 1e-6, 1e-6 * scale));
            CHECK(parity::close(gy, g[1], 1e-6, 1e-6 * scale));
        }
    }
}

TEST_CASE("parity: every registered surface function has fixture cases")
{
    std::vector<std::string> covered;
    for (const json& c : optimizer_fixture()["cases"])
        if (c["kind"] == "surface")
            covered.push_back(c["function"].get<std::string>());
    for (const SurfaceInfo& info : surface_registry())
    {
        INFO("surface function: ", info.name);
        CHECK(std::find(covered.begin(), covered.end(), info.name) != covered.end());
    }
}

TEST_CASE("parity: every registered optimizer type has fixture cases")
{
    std::vector<std::string> covered;
    for (const json& c : optimizer_fixture()["cases"])
        covered.push_back(c["optimizer"]["type"].get<std::string>());
    for (const OptimizerInfo& info : optimizer_registry())
    {
        INFO("optimizer type: ", info.type);
        CHECK(std::find(covered.begin(), covered.end(), info.type) != covered.end());
    }
}

}  // namespace lrlab
