// Output layers and losses with PyTorch 1.13's numerics (aten/src/ATen/native/Loss.cpp,
// SoftMax.cpp): the stable BCE-with-logits form, log-softmax with the max subtracted, and MSE.
#include "core/model/losses.hpp"

#include <algorithm>
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

using detmath::bce_with_logitsf;

float row_max(const float* row, std::size_t k)
{
    float m = row[0];
    for (std::size_t j = 1; j < k; ++j)
        m = row[j] > m ? row[j] : m;
    return m;
}

// log-sum-exp of one row of logits, max subtracted (torch.log_softmax).
float log_sum_exp(const float* row, std::size_t k, float& max_out)
{
    const float m = row_max(row, k);
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
        return bce_with_logitsf(row[0], y);
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

// The binary losses by lanes (detmath::bce_with_logitsf_array: the scalar formula's float
// operations lane by lane, so the same bits, at every SIMD level), a chunk at a time, still
// summed one sample at a time in sample order.
double add_binary_losses(const float* out, const float* y, std::size_t n, double sum)
{
    constexpr std::size_t chunk = 256;
    float losses[chunk];
    for (std::size_t r = 0; r < n; r += chunk)
    {
        const std::size_t m = std::min(chunk, n - r);
        detmath::bce_with_logitsf_array(out + r, y + r, losses, m);
        for (std::size_t i = 0; i < m; ++i)
            sum += losses[i];
    }
    return sum;
}

// Gradients (sigmoid(x) - y) / scale by lanes too, in blocks of 8, 4 and 2 (a batch of 10
// computed its last two one by one), then one by one, as is a block with a non-finite logit.
template <int N>
struct BinaryGradBlock
{
    static void run(std::size_t i, const float* out, const float* y, float scale, float* dout)
    {
        if constexpr (N > 1)
            if (detmath::lanes::base::bce_grad_lanes<N>(out + i, y + i, scale, dout + i))
                return;
        for (std::size_t k = i; k < i + N; ++k)
            sample_grad(TaskKind::binary, out + k, y[k], 1, scale, dout + k);
    }
};

// The multiclass rows, a chunk of rows at a time: their differences d = row - max, the exps of
// the whole chunk by lanes (detmath::expf_array, 16 at a time: a row of 10 classes alone made an
// 8- and a 2-lane block), each row's sum in index order and log-sum-exp, the loss
// -((row[label] - m) - lse), and with dout the gradient (exp((row - m) - lse) - [j = label]) /
// scale: the operations of sample_loss and sample_grad in their order, so the same bits, also
// for a row with an infinite or NaN logit.
constexpr std::size_t chunk_values = 256;  // the widest row it takes; wider ones row by row

double add_multiclass(const float* out, const float* y, std::size_t n, std::size_t k,
                      float scale, float* dout, double sum)
{
    const std::size_t chunk_rows = chunk_values / k;
    float d[chunk_values], e[chunk_values], lse[chunk_values], mx[chunk_values];
    for (std::size_t start = 0; start < n; start += chunk_rows)
    {
        const std::size_t rows = std::min(chunk_rows, n - start);
        const float* chunk = out + start * k;
        for (std::size_t i = 0; i < rows; ++i)
        {
            mx[i] = row_max(chunk + i * k, k);
            for (std::size_t j = 0; j < k; ++j)
                d[i * k + j] = chunk[i * k + j] - mx[i];
        }
        detmath::expf_array(d, e, rows * k);
        for (std::size_t i = 0; i < rows; ++i)
        {
            float row_sum = 0.0f;
            for (std::size_t j = 0; j < k; ++j)
                row_sum += e[i * k + j];
            lse[i] = detmath::logf(row_sum);
            const std::size_t label = static_cast<std::size_t>(y[start + i]);
            sum += -((chunk[i * k + label] - mx[i]) - lse[i]);
        }
        if (!dout)
            continue;
        for (std::size_t i = 0; i < rows; ++i)
            for (std::size_t j = 0; j < k; ++j)
                d[i * k + j] = d[i * k + j] - lse[i];  // (row[j] - m) - lse, rounded as there
        detmath::expf_array(d, e, rows * k);
        for (std::size_t i = 0; i < rows; ++i)
        {
            const std::size_t label = static_cast<std::size_t>(y[start + i]);
            float* drow = dout + (start + i) * k;
            for (std::size_t j = 0; j < k; ++j)
                drow[j] = (j == label ? e[i * k + j] - 1.0f : e[i * k + j]) / scale;
        }
    }
    return sum;
}

}  // namespace

double loss_sum(TaskKind task, const float* out, const float* y, std::size_t n, std::size_t k)
{
    return add_losses(task, out, y, n, k, 0.0);
}

double add_losses(TaskKind task, const float* out, const float* y, std::size_t n, std::size_t k,
                  double sum)
{
    if (task == TaskKind::binary)
        return add_binary_losses(out, y, n, sum);
    if (task == TaskKind::multiclass && k <= chunk_values)
        return add_multiclass(out, y, n, k, 1.0f, nullptr, sum);
    for (std::size_t r = 0; r < n; ++r)
        sum += sample_loss(task, out + r * k, y[r], k);
    return sum;
}

double loss_sum_and_grad(TaskKind task, const float* out, const float* y, std::size_t n,
                         std::size_t k, float scale, float* dout)
{
    if (task == TaskKind::binary)
    {
        detmath::lanes::base::by_blocks<BinaryGradBlock, 8>(n, out, y, scale, dout);
        return add_binary_losses(out, y, n, 0.0);
    }
    if (task == TaskKind::multiclass && k <= chunk_values)
        return add_multiclass(out, y, n, k, scale, dout, 0.0);
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
