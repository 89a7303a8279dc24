// Output layers and losses with PyTorch 1.13's numerics (aten/src/ATen/native/Loss.cpp,
// SoftMax.cpp): the stable BCE-with-logits form, log-softmax with the max subtracted, and MSE.
#include "core/model/losses.hpp"

#include <cmath>

#include "core/math/detmath.hpp"

#if defined(__GNUC__)
// The 8-lane vectors of bce_with_logits_lanes never cross a call (always inlined), so GCC's note
// that passing them by value has another ABI with AVX does not concern us.
#pragma GCC diagnostic ignored "-Wpsabi"
#endif
#define LRLAB_KERNEL_ISA base
#include "core/math/detmath_lanes.hpp"

namespace lrlab
{
namespace
{

// torch.binary_cross_entropy_with_logits (no weights):
//   max_val = max(-x, 0); loss = (1 - y) * x + max_val + log(exp(-max_val) + exp(-x - max_val))
float bce_with_logits(float x, float y)
{
    const float max_val = -x > 0.0f ? -x : 0.0f;
    return (1.0f - y) * x + max_val +
           detmath::logf(detmath::expf(-max_val) + detmath::expf(-x - max_val));
}

// log-sum-exp of one row of logits, max subtracted (torch.log_softmax).
float log_sum_exp(const float* row, std::size_t k, float& max_out)
{
    float m = row[0];
    for (std::size_t j = 1; j < k; ++j)
        m = row[j] > m ? row[j] : m;
    float sum = 0.0f;
    for (std::size_t j = 0; j < k; ++j)
        sum += detmath::expf(row[j] - m);
    max_out = m;
    return detmath::logf(sum);
}

double sample_loss(TaskKind task, const float* row, float y, std::size_t k)
{
    switch (task)
    {
    case TaskKind::binary:
        return bce_with_logits(row[0], y);
    case TaskKind::multiclass:
    {
        float m = 0.0f;
        const float lse = log_sum_exp(row, k, m);
        return -((row[static_cast<std::size_t>(y)] - m) - lse);
    }
    case TaskKind::regression:
    {
        const float e = row[0] - y;
        return e * e;
    }
    }
    return 0.0;
}

// d(loss)/d(row) / scale, written into drow.
void sample_grad(TaskKind task, const float* row, float y, std::size_t k, float scale, float* drow)
{
    switch (task)
    {
    case TaskKind::binary:
        drow[0] = (detmath::sigmoidf(row[0]) - y) / scale;
        return;
    case TaskKind::multiclass:
    {
        float m = 0.0f;
        const float lse = log_sum_exp(row, k, m);
        const std::size_t label = static_cast<std::size_t>(y);
        for (std::size_t j = 0; j < k; ++j)
        {
            const float p = detmath::expf((row[j] - m) - lse);
            drow[j] = ((j == label ? p - 1.0f : p)) / scale;
        }
        return;
    }
    case TaskKind::regression:
        drow[0] = (2.0f * (row[0] - y)) / scale;
        return;
    }
}

}  // namespace

// Blocks of binary losses computed by lanes (math/detmath_lanes.hpp: the float operations of
// bce_with_logits, exp and log lane by lane, so the same bits), still summed one sample at a
// time in sample order; the rest of the samples, or a block with a non-finite logit, one by one.
constexpr std::size_t bce_block = 8;

double add_binary_losses(const float* out, const float* y, std::size_t n, double sum)
{
    std::size_t r = 0;
    float block[bce_block];
    for (; r + bce_block <= n; r += bce_block)
    {
        if (!detmath::lanes::base::bce_with_logits_lanes<bce_block>(out + r, y + r, block))
            for (std::size_t i = 0; i < bce_block; ++i)
                block[i] = bce_with_logits(out[r + i], y[r + i]);
        for (std::size_t i = 0; i < bce_block; ++i)
            sum += block[i];
    }
    for (; r < n; ++r)
        sum += bce_with_logits(out[r], y[r]);
    return sum;
}

double loss_sum(TaskKind task, const float* out, const float* y, std::size_t n, std::size_t k)
{
    if (task == TaskKind::binary)
        return add_binary_losses(out, y, n, 0.0);
    double sum = 0.0;
    for (std::size_t r = 0; r < n; ++r)
        sum += sample_loss(task, out + r * k, y[r], k);
    return sum;
}

double loss_sum_and_grad(TaskKind task, const float* out, const float* y, std::size_t n,
                         std::size_t k, float scale, float* dout)
{
    if (task == TaskKind::binary)
    {
        // Gradients by lanes too (sigmoid lane by lane), the rest one by one.
        std::size_t r = 0;
        for (; r + bce_block <= n; r += bce_block)
            if (!detmath::lanes::base::bce_grad_lanes<bce_block>(out + r, y + r, scale, dout + r))
                for (std::size_t i = r; i < r + bce_block; ++i)
                    sample_grad(task, out + i, y[i], 1, scale, dout + i);
        for (; r < n; ++r)
            sample_grad(task, out + r, y[r], 1, scale, dout + r);
        return add_binary_losses(out, y, n, 0.0);
    }
    double sum = 0.0;
    for (std::size_t r = 0; r < n; ++r)
    {
        sum += sample_loss(task, out + r * k, y[r], k);
        sample_grad(task, out + r * k, y[r], k, scale, dout + r * k);
    }
    return sum;
}

std::size_t count_correct(TaskKind task, const float* out, const float* y, std::size_t n,
                          std::size_t k)
{
    if (task == TaskKind::regression)
        return 0;
    std::size_t correct = 0;
    for (std::size_t r = 0; r < n; ++r)
    {
        const float* row = out + r * k;
        std::size_t predicted = 0;
        if (task == TaskKind::binary)
            predicted = row[0] > 0.0f ? 1 : 0;
        else
            for (std::size_t j = 1; j < k; ++j)
                predicted = row[j] > row[predicted] ? j : predicted;
        correct += predicted == static_cast<std::size_t>(y[r]) ? 1 : 0;
    }
    return correct;
}

void outputs_to_predictions(TaskKind task, float* out, std::size_t n, std::size_t k)
{
    if (task == TaskKind::binary)
        for (std::size_t r = 0; r < n; ++r)
            out[r] = detmath::sigmoidf(out[r]);
    if (task != TaskKind::multiclass)
        return;
    for (std::size_t r = 0; r < n; ++r)
    {
        float m = 0.0f;
        const float lse = log_sum_exp(out + r * k, k, m);
        for (std::size_t j = 0; j < k; ++j)
            out[r * k + j] = detmath::expf((out[r * k + j] - m) - lse);
    }
}

}  // namespace lrlab
