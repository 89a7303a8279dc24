// The optimizer chain: the registry, the weight-decay links (exact no-ops at wd = 0), chains
// equal to their bare rule at wd = 0, and coupled vs decoupled decay.
#include <doctest/doctest.h>

#include <string>

#include "core/optim/optimizers.hpp"
#include "../optim_cases.hpp"

using namespace lrlab;
using namespace lrlab::optim_test;

TEST_CASE("registry: types, labels and flags")
{
    struct Row
    {
        const char* type;
        const char* label;
        bool momentum, betas;
    };
    const Row rows[] = {{"sgd", "SGD", true, false},        {"adagrad", "Adagrad", false, false},
                        {"rmsprop", "RMSprop", true, false}, {"adadelta", "Adadelta", false, false},
                        {"adam", "Adam", false, true},       {"adamw", "AdamW", false, true},
                        {"adamax", "Adamax", false, true},   {"nadam", "NAdam", false, true},
                        {"radam", "RAdam", false, true},     {"lion", "Lion", false, true}};
    REQUIRE(optimizer_registry().size() == std::size(rows));
    for (std::size_t i = 0; i < std::size(rows); ++i)
    {
        const OptimizerInfo& info = optimizer_registry()[i];
        CHECK(std::string(info.type) == rows[i].type);
        CHECK(std::string(info.label) == rows[i].label);
        CHECK(info.has_momentum == rows[i].momentum);
        CHECK(info.has_betas == rows[i].betas);
        CHECK(find_optimizer(rows[i].type) == &info);
        // clip -> weight decay -> rule, whatever the options
        CHECK(make_optimizer(defaults(rows[i].type), ClipConfig{}).chain.size() == 3);
    }
    CHECK(find_optimizer("adamm") == nullptr);
}

TEST_CASE("weight-decay links are exact no-ops at wd = 0 and act otherwise")
{
    ParamSet p = make_params({1.5f, -0.0f, 3e-39f, -2.0f});
    const ParamSet g0 = make_params({0.25f, -1.0f, 0.0f, 7.0f});
    const StepContext ctx = context(0.1, -1.0, 0);
    for (bool decoupled : {false, true})
    {
        CAPTURE(decoupled);
        for (double wd : {0.0, 0.5})
        {
            const GradientTransform link =
                decoupled ? add_decoupled_weight_decay(wd) : add_coupled_weight_decay(wd);
            ParamSet params = p, grads = g0;
            TransformState s = link.init(params);
            link.update(grads, s, params, ctx);
            const bool unchanged = same_bits(params, p) && same_bits(grads, g0);
            CHECK(unchanged == (wd == 0.0));
            if (wd != 0.0 && decoupled)
                CHECK(params.values(0) == float(1.5) * float(1.0 - 0.1 * 0.5));
            if (wd != 0.0 && !decoupled)
                CHECK(grads.values(0) == 0.25f + 0.5f * 1.5f);
        }
    }
}

TEST_CASE("with wd = 0 every chain equals its bare update rule, bit for bit")
{
    for (const Case& tc : option_cases())
    {
        if (tc.c.weight_decay != 0.0)
            continue;
        CAPTURE(tc.name);
        const Optimizer chain = make_optimizer(tc.c, ClipConfig{});
        Optimizer bare;
        bare.chain.push_back(chain.chain.back());
        ParamSet a = make_params(kStart), b = make_params(kStart);
        OptimizerState sa = init(chain, a), sb = init(bare, b);
        run_float(chain, sa, a, tc.c.lr, tc.cycled_momentum, 0, 8);
        run_float(bare, sb, b, tc.c.lr, tc.cycled_momentum, 0, 8);
        CHECK(same_bits(a, b));
    }
}

TEST_CASE("coupled and decoupled decay differ: adam vs adamw with the same wd")
{
    OptimizerConfig adam = with("adam", 0.05);
    adam.weight_decay = 0.1;
    OptimizerConfig adamw = adam;
    adamw.type = "adamw";
    ParamSet a = make_params(kStart), b = make_params(kStart);
    const Optimizer oa = make_optimizer(adam, ClipConfig{});
    const Optimizer ob = make_optimizer(adamw, ClipConfig{});
    OptimizerState sa = init(oa, a), sb = init(ob, b);
    run_float(oa, sa, a, 0.05, -1.0, 0, 8);
    run_float(ob, sb, b, 0.05, -1.0, 0, 8);
    CHECK_FALSE(same_bits(a, b));
}
