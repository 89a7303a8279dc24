// Output layers and losses with PyTorch 1.13's numerics (aten/src/ATen/native/Loss.cpp,
// SoftMax.cpp): the stable BCE-with-logits form, log-softmax with the max subtracted, and MSE.
#include "core/model/losses.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>

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

// out[j] = detmath::expf(x[j]) for j < n by lanes (16, then 8, 4, 2, 1 at a time), bit for bit:
// the scalar expf's clamp, reduction and polynomial (math/detmath_lanes.hpp). No x may be NaN.
void expf_lanes_into(const float* x, std::size_t n, float* out)
{
    namespace dl = detmath::lanes::base;
    std::size_t j = 0;
    const auto block = [&](auto lanes_tag)
    {
        constexpr int N = decltype(lanes_tag)::value;
        typename dl::Lanes<N>::Float v;
        std::memcpy(&v, x + j, sizeof v);
        v = dl::expf_lanes<N>(v);
        std::memcpy(out + j, &v, sizeof v);
        j += N;
    };
    while (j + 16 <= n)
        block(std::integral_constant<int, 16>{});
    if (j + 8 <= n)
        block(std::integral_constant<int, 8>{});
    if (j + 4 <= n)
        block(std::integral_constant<int, 4>{});
    if (j + 2 <= n)
        block(std::integral_constant<int, 2>{});
    if (j < n)
        out[j] = detmath::expf(x[j]);
}

// The widest softmax row done by lanes; wider rows take the scalar path.
constexpr std::size_t lanes_row_max = 16;

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

// Gradients (sigmoid(x) - y) / scale by lanes too, in blocks of 8, then 4 and 2 (a batch of 10
// computed its last two one by one), then one by one, as is a block with a non-finite logit.
template <std::size_t N>
void binary_grad_block(const float* out, const float* y, float scale, float* dout)
{
    if (!detmath::lanes::base::bce_grad_lanes<N>(out, y, scale, dout))
        for (std::size_t i = 0; i < N; ++i)
            sample_grad(TaskKind::binary, out + i, y[i], 1, scale, dout + i);
}

void binary_grads(const float* out, const float* y, std::size_t n, float scale, float* dout)
{
    std::size_t r = 0;
    for (; r + 8 <= n; r += 8)
        binary_grad_block<8>(out + r, y + r, scale, dout + r);
    if (r + 4 <= n)
        binary_grad_block<4>(out + r, y + r, scale, dout + r), r += 4;
    if (r + 2 <= n)
        binary_grad_block<2>(out + r, y + r, scale, dout + r), r += 2;
    for (; r < n; ++r)
        sample_grad(TaskKind::binary, out + r, y[r], 1, scale, dout + r);
}

// The multiclass rows by lanes, a chunk of rows at a time: their differences d = row - max, the
// exps of the whole chunk (16 lanes at a time: a row of 10 classes alone made an 8- and a 2-lane
// block), each row's sum in index order and log-sum-exp, the loss -((row[label] - m) - lse),
// and with dout the gradient (exp((row - m) - lse) - [j = label]) / scale: bit for bit what
// sample_loss and sample_grad compute. A row with an infinite or NaN logit (a NaN difference),
// or rows wider than lanes_row_max, take those scalar functions.
constexpr std::size_t chunk_values = 256;

double add_multiclass(const float* out, const float* y, std::size_t n, std::size_t k,
                      float scale, float* dout)
{
    double sum = 0.0;
    if (k > lanes_row_max)
    {
        for (std::size_t r = 0; r < n; ++r)
        {
            sum += sample_loss(TaskKind::multiclass, out + r * k, y[r], k);
            if (dout)
                sample_grad(TaskKind::multiclass, out + r * k, y[r], k, scale, dout + r * k);
        }
        return sum;
    }
    const std::size_t chunk_rows = chunk_values / k;
    float d[chunk_values], e[chunk_values], lse[chunk_values], mx[chunk_values];
    bool lanes_ok[chunk_values];
    for (std::size_t start = 0; start < n; start += chunk_rows)
    {
        const std::size_t rows = std::min(chunk_rows, n - start);
        const float* chunk = out + start * k;
        for (std::size_t i = 0; i < rows; ++i)
        {
            mx[i] = row_max(chunk + i * k, k);
            lanes_ok[i] = true;
            for (std::size_t j = 0; j < k; ++j)
            {
                d[i * k + j] = chunk[i * k + j] - mx[i];
                lanes_ok[i] = lanes_ok[i] && d[i * k + j] == d[i * k + j];
            }
            if (!lanes_ok[i])
                std::fill_n(d + i * k, k, 0.0f);  // no NaN into the lanes; the row is redone
        }
        expf_lanes_into(d, rows * k, e);
        for (std::size_t i = 0; i < rows; ++i)
        {
            const std::size_t r = start + i;
            if (!lanes_ok[i])
            {
                sum += sample_loss(TaskKind::multiclass, chunk + i * k, y[r], k);
                continue;
            }
            float row_sum = 0.0f;
            for (std::size_t j = 0; j < k; ++j)
                row_sum += e[i * k + j];
            lse[i] = detmath::logf(row_sum);
            const std::size_t label = static_cast<std::size_t>(y[r]);
            sum += -((chunk[i * k + label] - mx[i]) - lse[i]);
        }
        if (!dout)
            continue;
        for (std::size_t i = 0; i < rows; ++i)
            if (lanes_ok[i])
                for (std::size_t j = 0; j < k; ++j)
                    d[i * k + j] = d[i * k + j] - lse[i];  // (row[j] - m) - lse, rounded as there
        expf_lanes_into(d, rows * k, e);
        for (std::size_t i = 0; i < rows; ++i)
        {
            const std::size_t r = start + i;
            float* drow = dout + r * k;
            if (!lanes_ok[i])
            {
                sample_grad(TaskKind::multiclass, chunk + i * k, y[r], k, scale, drow);
                continue;
            }
            const std::size_t label = static_cast<std::size_t>(y[r]);
            for (std::size_t j = 0; j < k; ++j)
                drow[j] = (j == label ? e[i * k + j] - 1.0f : e[i * k + j]) / scale;
        }
    }
    return sum;
}

}  // namespace

double loss_sum(TaskKind task, const float* out, const float* y, std::size_t n, std::size_t k)
{
    if (task == TaskKind::binary)
        return add_binary_losses(out, y, n, 0.0);
    if (task == TaskKind::multiclass)
        return add_multiclass(out, y, n, k, 1.0f, nullptr);
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
        binary_grads(out, y, n, scale, dout);
        return add_binary_losses(out, y, n, 0.0);
    }
    if (task == TaskKind::multiclass)
        return add_multiclass(out, y, n, k, scale, dout);
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
