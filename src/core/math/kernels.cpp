// Dense kernels with 128-bit vectors (see math/kernels.hpp for the determinism argument).
//
// The blocks keep 2 rows x 16 columns of accumulators in registers (8 vectors) and stream the
// reduced dimension; tails use 4-wide vectors, then scalars with the same arithmetic order.
#include "core/math/kernels.hpp"

#include <cstring>

namespace lrlab
{
namespace
{

typedef float f32x4 __attribute__((vector_size(16)));

inline f32x4 load4(const float* p)
{
    f32x4 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline void store4(float* p, f32x4 v) { std::memcpy(p, &v, sizeof v); }
inline f32x4 splat(float x) { return f32x4{x, x, x, x}; }

// out rows [r, r+R), columns [j, j+4V): sum over k of x[r][k] * w[k][j] (+ bias[j] first).
template <int R, int V>
inline void forward_block(const float* x, const float* w, const float* bias, std::size_t rows,
                          std::size_t cols, std::size_t r, std::size_t j, float* out)
{
    f32x4 acc[R][V];
    for (int v = 0; v < V; ++v)
    {
        const f32x4 b = bias ? load4(bias + j + 4 * v) : splat(0.0f);
        for (int i = 0; i < R; ++i)
            acc[i][v] = b;
    }
    for (std::size_t k = 0; k < rows; ++k)
    {
        f32x4 wv[V];
        for (int v = 0; v < V; ++v)
            wv[v] = load4(w + k * cols + j + 4 * v);
        for (int i = 0; i < R; ++i)
        {
            const f32x4 xs = splat(x[(r + i) * rows + k]);
            for (int v = 0; v < V; ++v)
                acc[i][v] = acc[i][v] + xs * wv[v];
        }
    }
    for (int i = 0; i < R; ++i)
        for (int v = 0; v < V; ++v)
            store4(out + (r + i) * cols + j + 4 * v, acc[i][v]);
}

template <int R>
inline void forward_rows(const float* x, const float* w, const float* bias, std::size_t rows,
                         std::size_t cols, std::size_t r, float* out)
{
    std::size_t j = 0;
    for (; j + 16 <= cols; j += 16)
        forward_block<R, 4>(x, w, bias, rows, cols, r, j, out);
    for (; j + 4 <= cols; j += 4)
        forward_block<R, 1>(x, w, bias, rows, cols, r, j, out);
    for (; j < cols; ++j)
        for (int i = 0; i < R; ++i)
        {
            float acc = bias ? bias[j] : 0.0f;
            for (std::size_t k = 0; k < rows; ++k)
                acc = acc + x[(r + i) * rows + k] * w[k * cols + j];
            out[(r + i) * cols + j] = acc;
        }
}

// out[k][j..j+4V) = sum over s of a[s][k] * d[s][j..], for one k.
template <int V>
inline void grad_block(const float* a, const float* d, std::size_t n, std::size_t rows,
                       std::size_t cols, std::size_t k, std::size_t j, float* out)
{
    f32x4 acc[V];
    for (int v = 0; v < V; ++v)
        acc[v] = splat(0.0f);
    for (std::size_t s = 0; s < n; ++s)
    {
        const f32x4 as = splat(a[s * rows + k]);
        for (int v = 0; v < V; ++v)
            acc[v] = acc[v] + as * load4(d + s * cols + j + 4 * v);
    }
    for (int v = 0; v < V; ++v)
        store4(out + k * cols + j + 4 * v, acc[v]);
}

}  // namespace

void matmul_bias_into(const float* x, const float* w, const float* bias, std::size_t n,
                      std::size_t rows, std::size_t cols, float* out)
{
    std::size_t r = 0;
    for (; r + 2 <= n; r += 2)
        forward_rows<2>(x, w, bias, rows, cols, r, out);
    for (; r < n; ++r)
        forward_rows<1>(x, w, bias, rows, cols, r, out);
}

void matmul_at_b_into(const float* a, const float* d, std::size_t n, std::size_t rows,
                      std::size_t cols, float* out)
{
    for (std::size_t k = 0; k < rows; ++k)
    {
        std::size_t j = 0;
        for (; j + 16 <= cols; j += 16)
            grad_block<4>(a, d, n, rows, cols, k, j, out);
        for (; j + 4 <= cols; j += 4)
            grad_block<1>(a, d, n, rows, cols, k, j, out);
        for (; j < cols; ++j)
        {
            float acc = 0.0f;
            for (std::size_t s = 0; s < n; ++s)
                acc = acc + a[s * rows + k] * d[s * cols + j];
            out[k * cols + j] = acc;
        }
    }
}

void column_sums_into(const float* d, std::size_t n, std::size_t cols, float* out)
{
    std::size_t j = 0;
    for (; j + 4 <= cols; j += 4)
    {
        f32x4 acc = splat(0.0f);
        for (std::size_t s = 0; s < n; ++s)
            acc = acc + load4(d + s * cols + j);
        store4(out + j, acc);
    }
    for (; j < cols; ++j)
    {
        float acc = 0.0f;
        for (std::size_t s = 0; s < n; ++s)
            acc = acc + d[s * cols + j];
        out[j] = acc;
    }
}

void transpose_into(const float* w, std::size_t rows, std::size_t cols, float* out)
{
    for (std::size_t k = 0; k < rows; ++k)
        for (std::size_t j = 0; j < cols; ++j)
            out[j * rows + k] = w[k * cols + j];
}

}  // namespace lrlab
