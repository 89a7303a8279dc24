// The SSE2, AVX2 and AVX-512 paths (math/simd.hpp) give the same bits: whole
// trainings at each level this CPU has, compared with the SSE2 path's weight
// by weight and metric by metric. On a CPU without AVX-512 (or AVX2) the levels
// it lacks are not run, and the test's MESSAGE says which levels were compared;
// on one with SSE2 alone the test checks only determinism.
#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

#include "../experiment_fixtures.hpp"
#include "core/math/simd.hpp"
#include "../simd_levels.hpp"

using namespace lrlab;

namespace
{
struct Trained
{
    std::vector<float> weights;
    std::vector<double> losses;  // train and test loss of every evaluation
};

Trained train_at(SimdLevel level, const std::string& text)
{
    const SimdLevel saved = simd_level();
    set_simd_level(level);
    Experiment e(lrlab::testing::config_from(text));
    e.step_all(e.steps());
    set_simd_level(saved);
    Trained t;
    for (std::size_t r = 0; r < e.size(); ++r)
    {
        const ParamSet& p = e.run(r).params();
        t.weights.insert(t.weights.end(), p.data(), p.data() + p.size());
        for (const MetricsRow& row : e.run(r).history())
        {
            t.losses.push_back(row.train_loss);
            t.losses.push_back(row.test_loss);
            t.losses.push_back(row.grad_norm);
        }
    }
    return t;
}

template <typename T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0;
}
}  // namespace

TEST_CASE("training gives the same bits at every SIMD level")
{
    const char* nets[] = {
        R"("data": {"dataset": "spiral", "samples": 300}, "model": {"hidden": [8, 8]})",
        R"("data": {"dataset": "circle", "samples": 200}, "model": {"hidden": [4, 2]})",
        R"("data": {"dataset": "blobs", "samples": 300, "classes": 5},
           "model": {"hidden": [37, 19], "activation": "gelu"})",
        R"("data": {"dataset": "digits8x8", "samples": 300},
           "model": {"hidden": [40, 24], "activation": "tanh"})",
        R"("data": {"dataset": "reg_plane", "samples": 200},
           "model": {"hidden": [13], "activation": "relu"})",
    };
    MESSAGE(lrlab::testing::simd_levels_tested());
    for (const char* net : nets)
    {
        const std::string text = std::string("{") + net + R"(,
            "train": {"steps": 60, "batch_size": 11, "eval_every": 20},
            "runs": [{"optimizer": {"type": "adam", "lr": 0.01}},
                     {"optimizer": {"type": "adam", "lr": 0.01, "amsgrad": true}},
                     {"optimizer": {"type": "sgd", "lr": 0.1, "momentum": 0.9}}]})";
        const Trained a = train_at(SimdLevel::sse2, text);
        CAPTURE(net);
        CHECK(!a.weights.empty());
        for (SimdLevel level : lrlab::testing::simd_levels())
        {
            const Trained b = train_at(level, text);
            const std::string level_name = simd_level_name(level);
            CAPTURE(level_name);
            CHECK(same_bits(a.weights, b.weights));
            CHECK(same_bits(a.losses, b.losses));
        }
    }
}
