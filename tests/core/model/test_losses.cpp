// The binary loss pass (model/losses.cpp) sums per-sample BCE-with-logits losses computed eight
// at a time by lanes (math/detmath_lanes.hpp); the sum must equal the one-sample-at-a-time sum of
// torch's stable formula bit for bit, for every logit range (both exp clamps, saturation, the
// signed zeros) and with non-finite logits, which take the scalar path.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "core/math/detmath.hpp"
#include "core/math/rng.hpp"
#include "core/model/losses.hpp"
#include "../float_patterns.hpp"

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

TEST_CASE("the binary gradient pass equals (sigmoid(x) - y) / n on every 4099th bit pattern")
{
    // The lanes take sigmoid's clamp and its x < 0 from the float's bits; every exponent and
    // sign, -0, infinities and NaN (blocks with one take the scalar formula) among them.
    std::vector<float> x = lrlab::testing::every_nth_float_pattern(4099);
    std::vector<float> y;
    for (std::size_t i = 1; i <= x.size(); ++i)
        y.push_back(i % 2 == 0 ? 0.0f : 1.0f);
    x.push_back(-0.0f);
    y.push_back(1.0f);
    const float scale = 32.0f;
    std::vector<float> grad(x.size());
    loss_sum_and_grad(TaskKind::binary, x.data(), y.data(), x.size(), 1, scale, grad.data());
    std::size_t differing = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
    {
        const float want = (detmath::sigmoidf(x[i]) - y[i]) / scale;
        differing += std::memcmp(&want, &grad[i], sizeof want) != 0 ? 1 : 0;
    }
    CHECK_MESSAGE(differing == 0, x.size() << " patterns");
}

namespace
{
// torch.log_softmax with the max subtracted, and its gradient, one scalar at a time: what
// losses.cpp's multiclass rows by lanes must equal.
float reference_lse(const float* row, std::size_t k, float& m)
{
    m = row[0];
    for (std::size_t j = 1; j < k; ++j)
        m = row[j] > m ? row[j] : m;
    float sum = 0.0f;
    for (std::size_t j = 0; j < k; ++j)
        sum += detmath::expf(row[j] - m);
    return detmath::logf(sum);
}

bool same_float_bits(const std::vector<float>& a, const std::vector<float>& b)
{
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::memcmp(&a[i], &b[i], sizeof(float)) != 0 && !(std::isnan(a[i]) && std::isnan(b[i])))
            return false;
    return a.size() == b.size();
}
}  // namespace

TEST_CASE("the multiclass loss pass and its gradient equal the row-by-row formulas bit for bit")
{
    const float inf = std::numeric_limits<float>::infinity();
    const float nan = std::numeric_limits<float>::quiet_NaN();
    Rng rng(11);
    // Rows of up to 256 classes go a chunk of rows at a time, wider ones row by row (257).
    for (std::size_t k : {2, 3, 4, 5, 7, 8, 9, 10, 15, 16, 17, 257})
    {
        const std::size_t n = 203;
        std::vector<float> x(n * k), y(n);
        for (std::size_t r = 0; r < n; ++r)
        {
            const double scale = r % 3 == 0 ? 150.0 : (r % 3 == 1 ? 10.0 : 1.0);
            for (std::size_t j = 0; j < k; ++j)
                x[r * k + j] = static_cast<float>(rng.uniform(-scale, scale));
            y[r] = static_cast<float>(rng.below(k));
        }
        x[5 * k] = inf;  // rows with an infinite or NaN logit: the same bits as the formulas
        x[6 * k + k - 1] = -inf;
        x[7 * k] = nan;
        x[8 * k] = -0.0f;
        double expected = 0.0;
        std::vector<float> expected_grad(n * k), grad(n * k);
        for (std::size_t r = 0; r < n; ++r)
        {
            const float* row = x.data() + r * k;
            float m = 0.0f;
            const float lse = reference_lse(row, k, m);
            const std::size_t label = static_cast<std::size_t>(y[r]);
            expected += -((row[label] - m) - lse);
            for (std::size_t j = 0; j < k; ++j)
            {
                const float p = detmath::expf((row[j] - m) - lse);
                expected_grad[r * k + j] = (j == label ? p - 1.0f : p) / float(n);
            }
        }
        CAPTURE(k);
        const double got = loss_sum(TaskKind::multiclass, x.data(), y.data(), n, k);
        CHECK((same_bits(got, expected) || (std::isnan(got) && std::isnan(expected))));
        const double got_with_grad = loss_sum_and_grad(TaskKind::multiclass, x.data(), y.data(),
                                                       n, k, float(n), grad.data());
        CHECK((same_bits(got_with_grad, expected) ||
               (std::isnan(got_with_grad) && std::isnan(expected))));
        CHECK(same_float_bits(grad, expected_grad));
        // Without the rows that make the sum NaN, the sums must agree exactly.
        const double finite_part = loss_sum(TaskKind::multiclass, x.data() + 9 * k, y.data() + 9,
                                            n - 9, k);
        double finite_expected = 0.0;
        for (std::size_t r = 9; r < n; ++r)
        {
            float m = 0.0f;
            const float lse = reference_lse(x.data() + r * k, k, m);
            finite_expected += -((x[r * k + static_cast<std::size_t>(y[r])] - m) - lse);
        }
        CHECK(same_bits(finite_part, finite_expected));
    }
}

TEST_CASE("losses added in pieces have the bits of one sum, and no finite sample's loss is < 0")
{
    // What a sweep cell's early stop rests on (model/losses.hpp, tuning/sweep_cell.hpp).
    std::vector<float> patterns = lrlab::testing::every_nth_float_pattern(4099);
    std::vector<float> finite;
    for (const float v : patterns)
        if (std::isfinite(v))
            finite.push_back(v);
    for (const float v : {0.0f, -0.0f, 1e-30f, -1e-30f, 1e-8f, -1e-8f})
        finite.push_back(v);
    const std::size_t n = finite.size();
    std::vector<float> labels(n), class_labels(n / 3);
    for (std::size_t i = 0; i < n; ++i)
        labels[i] = i % 2 == 0 ? 0.0f : 1.0f;
    for (std::size_t i = 0; i < class_labels.size(); ++i)
        class_labels[i] = static_cast<float>(i % 3);
    struct Case
    {
        TaskKind task;
        std::size_t k;
        const float* y;
        std::size_t rows;
    };
    for (const Case c : {Case{TaskKind::binary, 1, labels.data(), n},
                         Case{TaskKind::multiclass, 3, class_labels.data(), n / 3},
                         Case{TaskKind::regression, 1, labels.data(), n}})
    {
        CAPTURE(int(c.task));
        std::size_t negative = 0;
        for (std::size_t r = 0; r < c.rows; ++r)
        {
            const double loss = loss_sum(c.task, finite.data() + r * c.k, c.y + r, 1, c.k);
            negative += loss < 0.0 ? 1 : 0;
        }
        CHECK_MESSAGE(negative == 0, c.rows << " rows");
        // Pieces of 1 to 37 rows, the running sum carried on, against one call.
        Rng rng(5);
        std::vector<float> out(300 * c.k), y(300);
        for (std::size_t i = 0; i < out.size(); ++i)
            out[i] = static_cast<float>(rng.uniform(-30.0, 30.0));
        for (std::size_t r = 0; r < y.size(); ++r)
            y[r] = c.task == TaskKind::multiclass ? float(r % c.k) : float(r % 2);
        double pieces = 0.0;
        for (std::size_t start = 0, piece = 1; start < y.size();
             start += piece, piece = piece % 37 + 1)
        {
            const std::size_t m = std::min(piece, y.size() - start);
            pieces =
                add_losses(c.task, out.data() + start * c.k, y.data() + start, m, c.k, pieces);
        }
        CHECK(same_bits(pieces, loss_sum(c.task, out.data(), y.data(), y.size(), c.k)));
    }
}
