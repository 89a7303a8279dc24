// The dense kernels of math/kernel_blocks.hpp compiled for AVX2 with 256-bit
// vectors: every function of this file after the pragma is compiled for AVX2
// (and only those: the standard headers come before it), and runs only when the
// CPU has AVX2 (math/simd.hpp). No FMA: the target is "avx2" alone and the
// build keeps -ffp-contract=off, so the bits are the SSE2 path's
// (tests/core/math/test_kernels.cpp compares them). Blocks of 6 rows x 2 vectors:
// 12 accumulators of the 16 ymm registers; W4s 1.06x and W3t 1.04x the 4 x 2 blocks
// (5 interleaved rounds), W2 the same.
#include <cstddef>
#include <cstring>

#include "core/math/kernel_paths.hpp"

#if LRLAB_HAVE_AVX2_PATH

#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2"))), apply_to = function)
#else
#pragma GCC push_options
#pragma GCC target("avx2")
#endif

#define LRLAB_KERNEL_ISA avx2
#include "core/math/kernel_blocks.hpp"

namespace lrlab::avx2
{
namespace kb = kernel_blocks::avx2;

void matmul_bias_into(const float* x, const float* w, const float* bias, std::size_t n,
                      std::size_t rows, std::size_t cols, float* out)
{
    kb::matmul_bias<kb::f32x8, 6, 2>(x, w, bias, n, rows, cols, out);
}

void matmul_at_b_into(const float* a, const float* d, std::size_t n, std::size_t rows,
                      std::size_t cols, float* out)
{
    kb::matmul_at_b<kb::f32x8, 6, 2>(a, d, n, rows, cols, out);
}

void column_sums_into(const float* d, std::size_t n, std::size_t cols, float* out)
{
    kb::column_sums<kb::f32x8>(d, n, cols, out);
}

}  // namespace lrlab::avx2

#if defined(__clang__)
#pragma clang attribute pop
#else
#pragma GCC pop_options
#endif

#endif  // LRLAB_HAVE_AVX2_PATH
