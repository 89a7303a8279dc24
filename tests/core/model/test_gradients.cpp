// Gradients by central finite differences: Mlp::loss_and_grad for every activation x task,
// and penalty / add_penalty_grad.
//
// The model computes in float32, so a difference quotient is only as good as its step: each
// parameter is moved by h to the nearest float, and the quotient divides by the step actually
// taken (float-safe step), in double: (L(p+) - L(p-)) / (p+ - p-). With h = 4e-3, rounding
// noise in the loss (~1e-7 relative, amplified by 1/h) and the O(h^2) truncation error are
// both below 1e-4 of the loss scale; the tolerance allows 2e-3 of the largest gradient
// component plus 2 % of the component itself — far below what a missing term, a wrong
// activation derivative or a transposed weight would cause.
#include <cmath>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "core/model/activations.hpp"
#include "core/model/mlp.hpp"

namespace lrlab
{
namespace
{

constexpr double fd_h = 4e-3;
constexpr std::size_t n_samples = 7;
constexpr int n_inputs = 3;

// Deterministic, irregular test values (no RNG needed; not a training path).
float wave(std::size_t i, double a, double b, double scale)
{
    return static_cast<float>(scale * std::sin(a * static_cast<double>(i) + b));
}

struct Problem
{
    Mlp mlp;
    ParamSet params;
    std::vector<float> x, y;
    Workspace ws;
};

Problem make_problem(const std::string& activation, TaskKind task)
{
    ModelConfig m;
    m.hidden = {4, 3};
    m.activation = activation;
    m.leaky_slope = 0.1;
    const int outputs = task == TaskKind::multiclass ? 3 : 1;
    Mlp mlp(n_inputs, m, outputs, task);
    ParamSet p = mlp.make_params();
    for (std::size_t i = 0; i < p.size(); ++i)
        p.values(i) = wave(i, 2.92, 0.6, 0.9);
    std::vector<float> x(n_samples * n_inputs), y(n_samples);
    for (std::size_t i = 0; i < x.size(); ++i)
        x[i] = wave(i, 1.37, 0.5, 1.5);
    for (std::size_t i = 0; i < n_samples; ++i)
        y[i] = task == TaskKind::binary       ? static_cast<float>(i % 2)
               : task == TaskKind::multiclass ? static_cast<float>(i % 3)
                                              : wave(i, 0.91, 1.1, 2.0);
    Workspace ws = mlp.make_workspace(n_samples);
    return Problem{mlp, p, x, y, ws};
}

// Smallest |pre-activation| over the hidden layers: relu and leaky_relu have a kink at 0,
// where a finite difference is meaningless. A step of h moves a pre-activation by about
// h * (|input| + |weights|) < 0.05 here. The constants of make_problem were chosen (by a
// search) so that every hidden unit is active for some samples and inactive for others,
// with every pre-activation at least 0.3 away from 0.
double closest_to_kink(Problem& pr)
{
    pr.mlp.forward(pr.params, pr.x.data(), n_samples, pr.ws);
    double m = 1e30;
    const std::vector<int>& sizes = pr.mlp.sizes();
    for (std::size_t l = 0; l + 2 < sizes.size(); ++l)
        for (std::size_t i = 0; i < n_samples * static_cast<std::size_t>(sizes[l + 1]); ++i)
            m = std::fmin(m, std::fabs(pr.ws.z[l].data()[i]));
    return m;
}

double loss_at(Problem& pr, ParamSet& scratch)
{
    return pr.mlp.loss_and_grad(pr.params, pr.x.data(), pr.y.data(), n_samples, pr.ws, scratch);
}

// Central difference of f over parameter i with a float-safe step.
template <class F>
double central_difference(ParamSet& p, std::size_t i, F f)
{
    const float orig = p.values(i);
    const float plus = static_cast<float>(orig + fd_h * std::fmax(1.0, std::fabs(orig)));
    const float minus = static_cast<float>(orig - fd_h * std::fmax(1.0, std::fabs(orig)));
    p.values(i) = plus;
    const double f_plus = f();
    p.values(i) = minus;
    const double f_minus = f();
    p.values(i) = orig;
    return (f_plus - f_minus) / (static_cast<double>(plus) - static_cast<double>(minus));
}

const char* task_name(TaskKind t)
{
    return t == TaskKind::binary ? "binary" : t == TaskKind::multiclass ? "multiclass"
                                                                        : "regression";
}

}  // namespace

TEST_CASE("loss_and_grad matches central finite differences for every activation and task")
{
    for (const ActivationInfo& act : activation_registry())
    {
        for (TaskKind task : {TaskKind::binary, TaskKind::multiclass, TaskKind::regression})
        {
            INFO("activation ", std::string(act.name), ", task ", std::string(task_name(task)));
            Problem pr = make_problem(act.name, task);
            if (act.relu_family)
                REQUIRE(closest_to_kink(pr) > 0.3);
            ParamSet grads = zeros_like(pr.params), scratch = zeros_like(pr.params);
            const double loss = pr.mlp.loss_and_grad(pr.params, pr.x.data(), pr.y.data(),
                                                     n_samples, pr.ws, grads);
            CHECK(std::isfinite(loss));
            double largest = 0.0;
            for (std::size_t i = 0; i < grads.size(); ++i)
                largest = std::fmax(largest, std::fabs(grads.values(i)));
            REQUIRE(largest > 1e-3);  // a zero gradient would pass trivially
            for (std::size_t i = 0; i < grads.size(); ++i)
            {
                const double fd = central_difference(pr.params, i,
                                                     [&] { return loss_at(pr, scratch); });
                INFO("parameter ", i, ": analytic ", grads.values(i), ", finite difference ", fd);
                CHECK(std::fabs(grads.values(i) - fd) <=
                      2e-3 * largest + 2e-2 * std::fabs(fd));
            }
        }
    }
}

// penalty and its gradient are exact piecewise polynomials in double: the difference quotient
// is exact up to rounding as long as no weight crosses 0 (|w| >= 0.1 here; 0 is tested apart).
TEST_CASE("penalty and add_penalty_grad match finite differences; biases are not penalized")
{
    ModelConfig m;
    m.hidden = {3};
    Mlp mlp(2, m, 2, TaskKind::multiclass);
    ParamSet p = mlp.make_params();
    for (std::size_t i = 0; i < p.size(); ++i)
    {
        const float v = wave(i, 1.91, 0.4, 1.0);
        p.values(i) = std::fabs(v) < 0.1f ? 0.5f : v;
    }
    for (const std::pair<double, double>& weights : {std::pair{0.01, 0.0}, std::pair{0.0, 0.05},
                                                     std::pair{0.03, 0.2}})
    {
        // Plain variables: C++17 lambdas cannot capture structured bindings (clang rejects it).
        const double l1 = weights.first, l2 = weights.second;
        INFO("l1 ", l1, ", l2 ", l2);
        ParamSet grads = zeros_like(p, 0.25f);  // add_penalty_grad adds
        add_penalty_grad(p, l1, l2, grads);
        for (std::size_t t = 0; t < p.tensors.size(); ++t)
        {
            const TensorInfo& info = p.tensors[t];
            for (std::size_t j = 0; j < info.size(); ++j)
            {
                const std::size_t i = info.offset + j;
                const double fd = central_difference(p, i, [&] { return penalty(p, l1, l2); });
                INFO(info.name, "[", j, "]");
                if (info.kind == TensorKind::bias)
                    CHECK(grads.values(i) == 0.25f);
                else
                    CHECK(std::fabs((grads.values(i) - 0.25) - fd) <= 1e-6 * (1 + std::fabs(fd)));
            }
        }
    }
}

TEST_CASE("penalty: value by hand, and sign(0) = 0 as torch.sign")
{
    ModelConfig m;
    m.hidden = {};
    Mlp mlp(2, m, 1, TaskKind::binary);  // w0 (2, 1), b0 (1, 1)
    ParamSet p = mlp.make_params();
    p.values(0) = 0.0f;
    p.values(1) = -2.0f;
    p.values(2) = 5.0f;  // bias: ignored
    CHECK(penalty(p, 0.1, 0.0) == doctest::Approx(0.2).epsilon(1e-12));
    CHECK(penalty(p, 0.0, 0.5) == doctest::Approx(1.0).epsilon(1e-12));
    ParamSet g = zeros_like(p);
    add_penalty_grad(p, 0.1, 0.5, g);
    CHECK(g.values(0) == 0.0f);
    CHECK(g.values(1) == doctest::Approx(-0.1 - 1.0).epsilon(1e-6));
    CHECK(g.values(2) == 0.0f);
}

}  // namespace lrlab
