// The binary loss pass (model/losses.cpp) sums per-sample BCE-with-logits losses computed eight
// at a time by lanes (math/detmath_lanes.hpp); the sum must equal the one-sample-at-a-time sum of
// torch's stable formula bit for bit, for every logit range (both exp clamps, saturation, the
// signed zeros) and with non-finite logits, which take the scalar path.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "core/math/detmath.hpp"
#include "core/math/rng.hpp"
#include "core/model/losses.hpp"

using namespace lrlab;

namespace
{
float reference_bce(float x, float y)
{
    const float max_val = -x > 0.0f ? -x : 0.0f;
    return (1.0f - y) * x + max_val +
           detmath::logf(detmath::expf(-max_val) + detmath::expf(-x - max_val));
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }
}  // namespace

TEST_CASE("the binary loss pass equals the sample-by-sample sum bit for bit")
{
    Rng rng(7);
    std::vector<float> x, y;
    for (int i = 0; i < 20000; ++i)
    {
        const double scale = i % 4 == 0 ? 200.0 : (i % 4 == 1 ? 20.0 : 3.0);
        x.push_back(static_cast<float>(rng.uniform(-scale, scale)));
        y.push_back(rng.uniform() < 0.5 ? 0.0f : 1.0f);
    }
    for (float v : {0.0f, -0.0f, 1e-30f, -1e-30f, 89.0f, -89.0f, 110.0f, -110.0f, 1e38f, -1e38f})
    {
        x.push_back(v);
        y.push_back(1.0f);
    }
    const float inf = std::numeric_limits<float>::infinity();
    std::vector<float> special = {inf, -inf, std::numeric_limits<float>::quiet_NaN()};
    for (std::size_t n : {std::size_t(1), std::size_t(7), std::size_t(8), std::size_t(13),
                          x.size()})
    {
        double expected = 0.0;
        for (std::size_t r = 0; r < n; ++r)
            expected += reference_bce(x[r], y[r]);
        CAPTURE(n);
        CHECK(same_bits(loss_sum(TaskKind::binary, x.data(), y.data(), n, 1), expected));
        std::vector<float> grad(n);
        CHECK(same_bits(
            loss_sum_and_grad(TaskKind::binary, x.data(), y.data(), n, 1, float(n), grad.data()),
            expected));
    }
    for (float s : special)
    {
        std::vector<float> xs(x.begin(), x.begin() + 16);
        xs[3] = s;
        double expected = 0.0;
        for (std::size_t r = 0; r < xs.size(); ++r)
            expected += reference_bce(xs[r], y[r]);
        const double got = loss_sum(TaskKind::binary, xs.data(), y.data(), xs.size(), 1);
        CHECK((same_bits(got, expected) || (std::isnan(got) && std::isnan(expected))));
    }
}
