// Shared pieces of the optimizer tests: torch 1.13 defaults, the test problem (a quadratic
// pulled around by a step-dependent shift), the table of option cases and runners for the
// float32 chain and the double reference (optim_reference.hpp).
#pragma once

#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

#include "core/optim/descriptor.hpp"
#include "core/optim/optimizers.hpp"
#include "optim_reference.hpp"

namespace lrlab::optim_test
{

// The type's defaults, from its descriptor (PyTorch 1.13's; the parser fills the same ones).
inline OptimizerConfig defaults(const std::string& type)
{
    return optimizer_defaults(type);
}

inline ParamSet make_params(const std::vector<float>& values)
{
    ParamSet p;
    add_tensor(p, "w", TensorKind::weight, 1, values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        p.values(i) = values[i];
    return p;
}

// The test problem's gradient at step k: g_i = k_i * p_i + b_i * wiggle_k (a quadratic pulled
// around, so that second moments also shrink and amsgrad matters).
// The last element's gradient changes sign with the wiggle, so Lion's momentum decides its sign.
inline const double kScale[4] = {1.0, 3.0, 0.5, 0.2};
inline const double kShift[4] = {0.1, -0.2, 0.3, 1.0};
inline const double kWiggle[8] = {1.0, -0.5, 2.0, 0.1, -1.0, 0.3, 1.5, -0.2};

template <typename T>
inline T test_grad(T p, std::size_t i, int k)
{
    return T(kScale[i]) * p + T(kShift[i]) * T(kWiggle[k % 8]);
}

struct Case
{
    const char* name;
    OptimizerConfig c;
    double cycled_momentum;  // < 0: none; else ctx.has_momentum with this value
};

inline OptimizerConfig with(const char* type, double lr,
                            void (*edit)(OptimizerConfig&) = nullptr)
{
    OptimizerConfig c = defaults(type);
    c.lr = lr;
    if (edit)
        edit(c);
    return c;
}

inline std::vector<Case> option_cases()
{
    using C = OptimizerConfig;
    return {
        {"sgd", with("sgd", 0.1), -1},
        {"sgd momentum", with("sgd", 0.1, [](C& c) { c.momentum = 0.9; }), -1},
        {"sgd dampening", with("sgd", 0.1, [](C& c) { c.momentum = 0.9; c.dampening = 0.3; }), -1},
        {"sgd nesterov", with("sgd", 0.1, [](C& c) { c.momentum = 0.9; c.nesterov = true; }), -1},
        {"sgd wd", with("sgd", 0.1, [](C& c) { c.momentum = 0.5; c.weight_decay = 0.1; }), -1},
        {"sgd cycled", with("sgd", 0.1), 0.8},
        {"adagrad", with("adagrad", 0.1), -1},
        {"adagrad options", with("adagrad", 0.1, [](C& c) {
             c.lr_decay = 0.1; c.initial_accumulator_value = 0.5; c.weight_decay = 0.05; }), -1},
        {"rmsprop", with("rmsprop", 0.01), -1},
        {"rmsprop centered", with("rmsprop", 0.01, [](C& c) { c.centered = true; }), -1},
        {"rmsprop momentum", with("rmsprop", 0.01, [](C& c) { c.momentum = 0.5; }), -1},
        {"rmsprop all", with("rmsprop", 0.01, [](C& c) {
             c.centered = true; c.momentum = 0.5; c.weight_decay = 0.1; c.alpha = 0.9; }), -1},
        {"rmsprop cycled", with("rmsprop", 0.01), 0.7},
        {"adadelta", with("adadelta", 1.0), -1},
        {"adadelta options", with("adadelta", 1.0, [](C& c) {
             c.rho = 0.5; c.weight_decay = 0.1; }), -1},
        {"adam", with("adam", 0.05), -1},
        {"adam amsgrad", with("adam", 0.05, [](C& c) { c.amsgrad = true; }), -1},
        {"adam amsgrad fast beta2", with("adam", 0.05, [](C& c) {
             c.amsgrad = true; c.betas = {0.9, 0.5}; }), -1},
        {"adam coupled wd", with("adam", 0.05, [](C& c) { c.weight_decay = 0.1; }), -1},
        {"adam cycled", with("adam", 0.05), 0.8},
        {"adamw decoupled wd", with("adamw", 0.05, [](C& c) { c.weight_decay = 0.1; }), -1},
        {"adamw amsgrad", with("adamw", 0.05, [](C& c) { c.amsgrad = true; c.betas = {0.8, 0.6}; }),
         -1},
        {"adamax", with("adamax", 0.05), -1},
        {"adamax wd", with("adamax", 0.05, [](C& c) { c.weight_decay = 0.1; }), -1},
        {"nadam", with("nadam", 0.05), -1},
        {"nadam options", with("nadam", 0.05, [](C& c) {
             c.weight_decay = 0.1; c.momentum_decay = 0.01; }), -1},
        {"nadam cycled", with("nadam", 0.05), 0.85},
        {"radam", with("radam", 0.05), -1},
        {"radam rectified early", with("radam", 0.05, [](C& c) { c.betas = {0.9, 0.5}; }), -1},
        {"radam wd", with("radam", 0.05, [](C& c) { c.weight_decay = 0.1; }), -1},
        {"lion", with("lion", 0.01), -1},
        {"lion decoupled wd", with("lion", 0.01, [](C& c) { c.weight_decay = 0.5; }), -1},
        {"lion cycled", with("lion", 0.01), 0.5},
    };
}

inline StepContext context(double lr, double cycled_momentum, std::int64_t step)
{
    StepContext ctx;
    ctx.step = step;
    ctx.lr = lr;
    ctx.has_momentum = cycled_momentum >= 0.0;
    ctx.momentum = ctx.has_momentum ? cycled_momentum : 0.0;
    return ctx;
}

// Runs steps [from, to) of the test problem with `opt` on float params and its state.
inline void run_float(const Optimizer& opt, OptimizerState& state, ParamSet& p, double lr,
                      double cycled_momentum, int from, int to)
{
    for (int k = from; k < to; ++k)
    {
        ParamSet g = zeros_like(p);
        for (std::size_t i = 0; i < p.size(); ++i)
            g.values(i) = test_grad<float>(p.values(i), i, k);
        update(opt, g, state, p, context(lr, cycled_momentum, k));
    }
}

inline void run_reference(const OptimizerConfig& c, reference::State& s,
                          std::vector<double>& p, double cycled_momentum, int from, int to)
{
    for (int k = from; k < to; ++k)
    {
        std::vector<double> g(p.size());
        for (std::size_t i = 0; i < p.size(); ++i)
            g[i] = test_grad<double>(p[i], i, k);
        reference::step(c, s, p, g, c.lr, cycled_momentum);
    }
}

inline const std::vector<float> kStart = {0.5f, -1.2f, 2.0f, 0.05f};

inline void check_close(const ParamSet& p, const std::vector<double>& ref)
{
    for (std::size_t i = 0; i < ref.size(); ++i)
        CHECK(double(p.values(i)) == doctest::Approx(ref[i]).epsilon(1e-5).scale(0.1));
}

inline bool same_bits(const ParamSet& a, const ParamSet& b)
{
    return a.size() == b.size() &&
           std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

}  // namespace lrlab::optim_test
