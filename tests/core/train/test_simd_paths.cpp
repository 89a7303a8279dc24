// The SSE2 and AVX2 paths (math/simd.hpp) give the same bits: whole trainings
// at each level, compared weight by weight and metric by metric. On a CPU
// without AVX2 both runs take the SSE2 path and the test checks only
// determinism.
#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

#include "../experiment_fixtures.hpp"
#include "core/math/simd.hpp"

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

TEST_CASE("training gives the same bits on the SSE2 and the AVX2 path")
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
    for (const char* net : nets)
    {
        const std::string text = std::string("{") + net + R"(,
            "train": {"steps": 60, "batch_size": 11, "eval_every": 20},
            "runs": [{"optimizer": {"type": "adam", "lr": 0.01}},
                     {"optimizer": {"type": "adam", "lr": 0.01, "amsgrad": true}},
                     {"optimizer": {"type": "sgd", "lr": 0.1, "momentum": 0.9}}]})";
        const Trained a = train_at(SimdLevel::sse2, text);
        const Trained b = train_at(SimdLevel::avx2, text);
        CAPTURE(net);
        CHECK(!a.weights.empty());
        CHECK(same_bits(a.weights, b.weights));
        CHECK(same_bits(a.losses, b.losses));
    }
}
