// The dense kernels written once for any lane type T (float, or a GCC/Clang
// vector of 2, 4, 8 or 16 floats), included by math/kernels.cpp, which
// instantiates them for 128-bit vectors (SSE2 / SIMD128), and by
// math/kernels_avx2.cpp and math/kernels_avx512.cpp, which compile them for
// AVX2 with 256-bit and for AVX-512 with 512-bit ones. The includer names the
// instruction set in LRLAB_KERNEL_ISA, a namespace of its own, so that the
// linker never merges an AVX2 copy of a helper into the SSE2 path.
//
// Every output element is one sum in a fixed order: its initial value (bias or
// 0), then
// + a*b for the reduced index in increasing order, two roundings per term (no
// FMA). A lane holds one output element from start to end, so the block shapes,
// the tails and the vector width decide only which elements are computed
// together, never how one is computed: every instantiation gives the same bits.
// Blocks keep R x C vectors of accumulators in registers (8 independent chains
// hide the add latency) and stream the reduced dimension. The main block shape
// is a template argument (the includer picks it for its register file); the
// narrower blocks and tails after it are fixed.
//
#pragma once

#include <cstddef>
#include <cstring>

#define LRLAB_KERNEL inline __attribute__((always_inline))

namespace lrlab::kernel_blocks::LRLAB_KERNEL_ISA
{

typedef float f32x2 __attribute__((vector_size(8)));
typedef float f32x4 __attribute__((vector_size(16)));
typedef float f32x8 __attribute__((vector_size(32)));
typedef float f32x16 __attribute__((vector_size(64)));

template <typename T>
constexpr std::size_t lanes = sizeof(T) / sizeof(float);

template <typename T>
LRLAB_KERNEL T load(const float* p)
{
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

template <typename T>
LRLAB_KERNEL void store(float* p, T v)
{
    std::memcpy(p, &v, sizeof v);
}

// Every lane = x, bit for bit (a broadcast; 0 + x would turn -0 into +0).
template <typename T>
LRLAB_KERNEL T splat(float x)
{
    if constexpr (lanes<T> == 16)
        return T{x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x};
    else if constexpr (lanes<T> == 8)
        return T{x, x, x, x, x, x, x, x};
    else if constexpr (lanes<T> == 4)
        return T{x, x, x, x};
    else if constexpr (lanes<T> == 2)
        return T{x, x};
    else
        return x;
}

// The column ladder of both products, written once: Cols<T, R, C>::run(j, args...) computes
// columns [j, j + C * lanes<T>) for every row, R rows at a time. Blocks of C vectors of V
// (R rows), then of 2 vectors (4 rows) when C > 2, then of 1 vector (8 rows), then the narrower
// tails (8, 4, 2, 1 lanes), 8 rows at a time.
template <template <typename, int, int> class Cols, typename V, int R, int C, typename... Args>
LRLAB_KERNEL void by_columns(std::size_t cols, Args... args)
{
    constexpr std::size_t L = lanes<V>;
    std::size_t j = 0;
    for (; j + C * L <= cols; j += C * L)
        Cols<V, R, C>::run(j, args...);
    if constexpr (C > 2)
        for (; j + 2 * L <= cols; j += 2 * L)
            Cols<V, 4, 2>::run(j, args...);
    if constexpr (C > 1)
        for (; j + L <= cols; j += L)
            Cols<V, 8, 1>::run(j, args...);
    if constexpr (L > 8)
        for (; j + 8 <= cols; j += 8)
            Cols<f32x8, 8, 1>::run(j, args...);
    if constexpr (L > 4)
        for (; j + 4 <= cols; j += 4)
            Cols<f32x4, 8, 1>::run(j, args...);
    for (; j + 2 <= cols; j += 2)
        Cols<f32x2, 8, 1>::run(j, args...);
    for (; j < cols; ++j)
        Cols<float, 8, 1>::run(j, args...);
}

// ---- out (n, cols) = x (n, rows) . w (rows, cols) [+ bias]
// ----------------------------------

// Rows [r, r+R), columns [j, j + C*lanes).
template <typename T, int R, int C>
LRLAB_KERNEL void forward_block(const float* x, const float* w, const float* bias, std::size_t rows,
                                std::size_t cols, std::size_t r, std::size_t j, float* out)
{
    constexpr std::size_t L = lanes<T>;
    T acc[R][C];
    for (int c = 0; c < C; ++c)
    {
        const T b = bias ? load<T>(bias + j + L * c) : T{};
        for (int i = 0; i < R; ++i)
            acc[i][c] = b;
    }
    // Pointers stepped by hand rather than base + index * stride: Emscripten compiles with
    // LLVM's loop strength reduction off, and V8 then multiplied the indices out on every
    // iteration (a third of W4's products' time in WebAssembly went to address arithmetic).
    const float* xr[R];
    for (int i = 0; i < R; ++i)
        xr[i] = x + (r + i) * rows;
    const float* wk = w + j;
    for (std::size_t k = 0; k < rows; ++k, wk += cols)
    {
        T wv[C];
        for (int c = 0; c < C; ++c)
            wv[c] = load<T>(wk + L * c);
        for (int i = 0; i < R; ++i)
        {
            const T xs = splat<T>(xr[i][k]);
            for (int c = 0; c < C; ++c)
                acc[i][c] = acc[i][c] + xs * wv[c];
        }
    }
    for (int i = 0; i < R; ++i)
        for (int c = 0; c < C; ++c)
            store<T>(out + (r + i) * cols + j + L * c, acc[i][c]);
}

// x's rows r..r+3, values k..k+3, transposed: t[m] holds x[r + i][k + m] in lane i.
LRLAB_KERNEL void transpose_4x4(const float* const xr[4], std::size_t k, f32x4 t[4])
{
    const f32x4 a = load<f32x4>(xr[0] + k), b = load<f32x4>(xr[1] + k);
    const f32x4 c = load<f32x4>(xr[2] + k), d = load<f32x4>(xr[3] + k);
    const f32x4 ab_lo = __builtin_shufflevector(a, b, 0, 4, 1, 5);
    const f32x4 ab_hi = __builtin_shufflevector(a, b, 2, 6, 3, 7);
    const f32x4 cd_lo = __builtin_shufflevector(c, d, 0, 4, 1, 5);
    const f32x4 cd_hi = __builtin_shufflevector(c, d, 2, 6, 3, 7);
    t[0] = __builtin_shufflevector(ab_lo, cd_lo, 0, 1, 4, 5);
    t[1] = __builtin_shufflevector(ab_lo, cd_lo, 2, 3, 6, 7);
    t[2] = __builtin_shufflevector(ab_hi, cd_hi, 0, 1, 4, 5);
    t[3] = __builtin_shufflevector(ab_hi, cd_hi, 2, 3, 6, 7);
}

// Column j of rows [r, r+4*B), a row a lane: the one-column product (a binary net's output
// layer) has no columns to put in lanes, and row by row it ran at a third of the other shapes'
// speed. x is read four values at a time and transposed in registers, so a lane still adds the
// bias, then x[row][0] w[0][j], x[row][1] w[1][j], ... in that order: forward_block's bits.
template <int B>
LRLAB_KERNEL void forward_rows_block(const float* x, const float* w, const float* bias,
                                     std::size_t rows, std::size_t cols, std::size_t r,
                                     std::size_t j, float* out)
{
    f32x4 acc[B];
    const float* xr[B][4];
    for (int b = 0; b < B; ++b)
    {
        acc[b] = bias ? splat<f32x4>(bias[j]) : f32x4{};
        for (int i = 0; i < 4; ++i)
            xr[b][i] = x + (r + 4 * b + i) * rows;
    }
    const float* wk = w + j;
    std::size_t k = 0;
    for (; k + 4 <= rows; k += 4)
    {
        f32x4 t[B][4];
        for (int b = 0; b < B; ++b)
            transpose_4x4(xr[b], k, t[b]);
        for (int m = 0; m < 4; ++m, wk += cols)
        {
            const f32x4 wv = splat<f32x4>(*wk);
            for (int b = 0; b < B; ++b)
                acc[b] = acc[b] + t[b][m] * wv;
        }
    }
    for (; k < rows; ++k, wk += cols)
    {
        const f32x4 wv = splat<f32x4>(*wk);
        for (int b = 0; b < B; ++b)
            acc[b] = acc[b] + f32x4{xr[b][0][k], xr[b][1][k], xr[b][2][k], xr[b][3][k]} * wv;
    }
    for (int b = 0; b < B; ++b)
        for (int i = 0; i < 4; ++i)
            out[(r + 4 * b + i) * cols + j] = acc[b][i];
}

// Columns [j, j + C*lanes) for every row: blocks of R rows, then single rows. A single column
// puts rows in the lanes instead (forward_rows_block), 8 then 4 at a time.
template <typename T, int R, int C>
struct ForwardColumns
{
    static LRLAB_KERNEL void run(std::size_t j, const float* x, const float* w, const float* bias,
                                 std::size_t n, std::size_t rows, std::size_t cols, float* out)
    {
        std::size_t r = 0;
        if constexpr (lanes<T> == 1)
        {
            for (; r + 8 <= n; r += 8)
                forward_rows_block<2>(x, w, bias, rows, cols, r, j, out);
            for (; r + 4 <= n; r += 4)
                forward_rows_block<1>(x, w, bias, rows, cols, r, j, out);
        }
        for (; r + R <= n; r += R)
            forward_block<T, R, C>(x, w, bias, rows, cols, r, j, out);
        for (; r < n; ++r)
            forward_block<T, 1, C>(x, w, bias, rows, cols, r, j, out);
    }
};

// The whole product with lane type V, main blocks of R rows x C vectors (4 x 2 unless the
// includer says otherwise), then by_columns' ladder.
template <typename V, int R = 4, int C = 2>
LRLAB_KERNEL void matmul_bias(const float* x, const float* w, const float* bias, std::size_t n,
                              std::size_t rows, std::size_t cols, float* out)
{
    by_columns<ForwardColumns, V, R, C>(cols, x, w, bias, n, rows, cols, out);
}

// ---- out (rows, cols) = a^T . d, a (n, rows), d (n, cols): sum over n
// -----------------------

// Rows [k, k+K) of out, columns [j, j + C*lanes).
template <typename T, int K, int C>
LRLAB_KERNEL void grad_block(const float* a, const float* d, std::size_t n, std::size_t rows,
                             std::size_t cols, std::size_t k, std::size_t j, float* out)
{
    constexpr std::size_t L = lanes<T>;
    T acc[K][C];
    for (int i = 0; i < K; ++i)
        for (int c = 0; c < C; ++c)
            acc[i][c] = T{};
    // Pointers stepped by hand, as in forward_block.
    const float* as_row = a + k;
    const float* ds_row = d + j;
    for (std::size_t s = 0; s < n; ++s, as_row += rows, ds_row += cols)
    {
        T dv[C];
        for (int c = 0; c < C; ++c)
            dv[c] = load<T>(ds_row + L * c);
        for (int i = 0; i < K; ++i)
        {
            const T as = splat<T>(as_row[i]);
            for (int c = 0; c < C; ++c)
                acc[i][c] = acc[i][c] + as * dv[c];
        }
    }
    for (int i = 0; i < K; ++i)
        for (int c = 0; c < C; ++c)
            store<T>(out + (k + i) * cols + j + L * c, acc[i][c]);
}

template <typename T, int K, int C>
struct GradColumns
{
    static LRLAB_KERNEL void run(std::size_t j, const float* a, const float* d, std::size_t n,
                                 std::size_t rows, std::size_t cols, float* out)
    {
        std::size_t k = 0;
        for (; k + K <= rows; k += K)
            grad_block<T, K, C>(a, d, n, rows, cols, k, j, out);
        for (; k < rows; ++k)
            grad_block<T, 1, C>(a, d, n, rows, cols, k, j, out);
    }
};

// Blocks of K rows of out x C vectors (4 x 2 unless the includer says otherwise), then
// by_columns' ladder, as matmul_bias.
template <typename V, int K = 4, int C = 2>
LRLAB_KERNEL void matmul_at_b(const float* a, const float* d, std::size_t n, std::size_t rows,
                              std::size_t cols, float* out)
{
    by_columns<GradColumns, V, K, C>(cols, a, d, n, rows, cols, out);
}

// ---- out (1, cols) = column sums of d (n, cols)
// ----------------------------------------------

template <typename T, int C>
LRLAB_KERNEL void sums_block(const float* d, std::size_t n, std::size_t cols, std::size_t j,
                             float* out)
{
    constexpr std::size_t L = lanes<T>;
    T acc[C];
    for (int c = 0; c < C; ++c)
        acc[c] = T{};
    for (std::size_t s = 0; s < n; ++s)
        for (int c = 0; c < C; ++c)
            acc[c] = acc[c] + load<T>(d + s * cols + j + L * c);
    for (int c = 0; c < C; ++c)
        store<T>(out + j + L * c, acc[c]);
}

// A block of C vectors of column sums over every row (R, rows at a time, does not apply).
template <typename T, int R, int C>
struct SumsColumns
{
    static LRLAB_KERNEL void run(std::size_t j, const float* d, std::size_t n, std::size_t cols,
                                 float* out)
    {
        sums_block<T, C>(d, n, cols, j, out);
    }
};

// Blocks of 4 vectors, then by_columns' ladder.
template <typename V>
LRLAB_KERNEL void column_sums(const float* d, std::size_t n, std::size_t cols, float* out)
{
    by_columns<SumsColumns, V, 1, 4>(cols, d, n, cols, out);
}

}  // namespace lrlab::kernel_blocks::LRLAB_KERNEL_ISA
