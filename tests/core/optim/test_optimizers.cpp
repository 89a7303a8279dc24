// Optimizers: first steps computed by hand from the torch 1.13 formulas, eight steps against
// a double-precision transcription of torch's loops (optim_reference.hpp) over a table of
// options, hyperparameters changed mid-run, and convergence on test functions for every
// registered type. The chain's structure is tested in test_optimizer_chain.cpp.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/optim/optimizers.hpp"
#include "core/surface/functions.hpp"
#include "../optim_cases.hpp"

using namespace lrlab;
using namespace lrlab::optim_test;

namespace
{

// A learning rate that suits each type on the two convergence problems (chosen once from a scan
// of 1e-4..10: each is within the range that converges, not at its edge).
double reasonable_lr(const std::string& type, bool quadratic)
{
    struct Row
    {
        const char* type;
        double quadratic, rosenbrock;
    };
    const Row rows[] = {{"sgd", 0.05, 1e-3},    {"adagrad", 0.3, 0.3},   {"rmsprop", 0.01, 0.01},
                        {"adadelta", 3.0, 0.3}, {"adam", 0.02, 0.02},    {"adamw", 0.02, 0.02},
                        {"adamax", 0.05, 0.05}, {"nadam", 0.01, 0.01},   {"radam", 0.05, 1e-3},
                        {"lion", 0.01, 3e-3}};
    for (const Row& r : rows)
        if (type == r.type)
            return quadratic ? r.quadratic : r.rosenbrock;
    return 0.0;  // a new type without an entry fails the test: add it here
}

}  // namespace

TEST_CASE("first steps equal the torch formulas computed by hand (p = 1, g = 0.5)")
{
    using C = OptimizerConfig;
    struct Row
    {
        const char* name;
        OptimizerConfig c;
        double expected;
    };
    const Row rows[] = {
        {"sgd", with("sgd", 0.1), 0.95},
        {"sgd nesterov: d = g + 0.9 g", with("sgd", 0.1, [](C& c) {
             c.momentum = 0.9; c.nesterov = true; }), 0.905},
        {"sgd: no dampening on the first step (buf = clone(g))", with("sgd", 0.1, [](C& c) {
             c.momentum = 0.9; c.dampening = 0.5; }), 0.95},
        {"sgd coupled wd: g = 0.5 + 0.5 * 1", with("sgd", 0.1, [](C& c) {
             c.weight_decay = 0.5; }), 0.9},
        {"adagrad", with("adagrad", 0.1), 0.9},
        {"adagrad initial accumulator 0.75: std = 1", with("adagrad", 0.1, [](C& c) {
             c.initial_accumulator_value = 0.75; }), 0.95},
        {"rmsprop: v = 0.0025", with("rmsprop", 0.01), 0.9},
        {"rmsprop centered: sqrt(0.0025 - 0.005^2)", with("rmsprop", 0.01, [](C& c) {
             c.centered = true; }), 1.0 - 0.005 / std::sqrt(0.002475)},
        {"adadelta: sqrt(1e-6) / sqrt(0.025 + 1e-6) * 0.5", with("adadelta", 1.0),
         1.0 - 0.5e-3 / std::sqrt(0.025001)},
        {"adam: m_hat / sqrt(v_hat) = 1", with("adam", 0.1), 0.9},
        {"adamw: 1 * (1 - 0.1 * 0.1) - 0.1", with("adamw", 0.1, [](C& c) {
             c.weight_decay = 0.1; }), 0.89},
        {"adamax: clr = 1, m / u = 0.1", with("adamax", 0.1), 0.9},
        {"nadam (torch 1.13 single-tensor)", with("nadam", 0.1), 0.89504683},
        {"radam: rho_1 = 1 <= 5, p - lr * m_hat", with("radam", 0.1), 0.95},
        {"lion: p - lr * sign", with("lion", 0.1), 0.9},
        {"lion decoupled wd: 1 * (1 - 0.1 * 1) - 0.1", with("lion", 0.1, [](C& c) {
             c.weight_decay = 1.0; }), 0.8},
    };
    for (const Row& r : rows)
    {
        CAPTURE(r.name);
        ParamSet p = make_params({1.0f});
        const Optimizer opt = make_optimizer(r.c, ClipConfig{});
        OptimizerState s = init(opt, p);
        ParamSet g = make_params({0.5f});
        update(opt, g, s, p, context(r.c.lr, -1.0, 0));
        CHECK(double(p.values(0)) == doctest::Approx(r.expected).epsilon(1e-6));
    }
}

TEST_CASE("eight steps of every optimizer and option follow torch's loops")
{
    for (const Case& tc : option_cases())
    {
        CAPTURE(tc.name);
        ParamSet p = make_params(kStart);
        const Optimizer opt = make_optimizer(tc.c, ClipConfig{});
        OptimizerState s = init(opt, p);
        run_float(opt, s, p, tc.c.lr, tc.cycled_momentum, 0, 8);

        std::vector<double> ref(kStart.begin(), kStart.end());
        reference::State rs = reference::make_state(tc.c, ref.size());
        run_reference(tc.c, rs, ref, tc.cycled_momentum, 0, 8);
        check_close(p, ref);
    }
}

TEST_CASE("changing hyperparameters mid-run keeps the state and its layout")
{
    for (const Case& tc : option_cases())
    {
        CAPTURE(tc.name);
        // The second half switches to another case of the same type (options, wd, lr).
        OptimizerConfig changed = tc.c;
        changed.lr *= 0.5;
        changed.weight_decay = tc.c.weight_decay == 0.0 ? 0.05 : 0.0;
        changed.momentum = tc.c.momentum == 0.0 ? 0.6 : 0.0;  // sgd: the buffer appears late
        changed.nesterov = !tc.c.nesterov && changed.momentum != 0.0;
        changed.amsgrad = !tc.c.amsgrad;
        changed.centered = !tc.c.centered;
        ClipConfig clip;
        clip.type = "global_norm";
        clip.max_norm = 100.0;  // never active: the layout, not the clipping, is under test

        ParamSet p = make_params(kStart);
        const Optimizer first = make_optimizer(tc.c, ClipConfig{});
        OptimizerState s = init(first, p);
        run_float(first, s, p, tc.c.lr, tc.cycled_momentum, 0, 4);
        const Optimizer second = make_optimizer(changed, clip);
        const OptimizerState fresh = init(second, p);
        REQUIRE(fresh.links.size() == s.links.size());
        for (std::size_t l = 0; l < s.links.size(); ++l)
        {
            REQUIRE(fresh.links[l].slots.size() == s.links[l].slots.size());
            REQUIRE(fresh.links[l].scalars.size() == s.links[l].scalars.size());
        }
        run_float(second, s, p, changed.lr, tc.cycled_momentum, 4, 8);
        CHECK(s.links.back().count == 8);

        std::vector<double> ref(kStart.begin(), kStart.end());
        reference::State rs = reference::make_state(tc.c, ref.size());
        run_reference(tc.c, rs, ref, tc.cycled_momentum, 0, 4);
        run_reference(changed, rs, ref, tc.cycled_momentum, 4, 8);
        check_close(p, ref);
    }
}

TEST_CASE("every optimizer with a reasonable lr decreases the loss in 200 steps")
{
    struct Problem
    {
        const char* surface;
        float x, y;
        double factor;  // final loss must be below factor * initial loss
    };
    const Problem problems[] = {{"quadratic", 1.5f, 1.0f, 0.1}, {"rosenbrock", 0.8f, 0.6f, 0.5}};
    for (const OptimizerInfo& info : optimizer_registry())
        for (const Problem& pr : problems)
        {
            const std::string type = info.type;
            CAPTURE(type);
            const std::string surface = pr.surface;
            CAPTURE(surface);
            OptimizerConfig c = defaults(type);
            c.lr = reasonable_lr(type, pr.surface == std::string("quadratic"));
            ParamSet p;
            add_tensor(p, "xy", TensorKind::point, 1, 2);
            p.values(0) = pr.x;
            p.values(1) = pr.y;
            const float initial = surface_value(pr.surface, pr.x, pr.y);
            const Optimizer opt = make_optimizer(c, ClipConfig{});
            OptimizerState s = init(opt, p);
            ParamSet g = zeros_like(p);
            for (int k = 0; k < 200; ++k)
            {
                surface_grad(pr.surface, p.values(0), p.values(1), g.values(0), g.values(1));
                update(opt, g, s, p, context(c.lr, -1.0, k));
            }
            const float final_loss = surface_value(pr.surface, p.values(0), p.values(1));
            CHECK(final_loss < pr.factor * initial);
        }
}
