// The dense kernels of math/kernel_blocks.hpp compiled for AVX-512 with 512-bit
// vectors, as math/kernels_avx2.cpp does for AVX2: every function after the
// pragma is compiled for AVX-512 F/DQ/BW/VL (and only those: the standard
// headers come before it), and runs only when the CPU has them
// (math/simd.hpp). No FMA: the target never names "fma" and the build keeps
// -ffp-contract=off (AVX-512F's own fma instructions come only from
// contraction), so the bits are the SSE2 path's
// (tests/core/math/test_kernels.cpp compares them).
//
// Block shapes, measured on W4s's and W3t's products (an Intel Xeon with
// AVX-512, 32 zmm registers): 8 rows x 2 vectors of 16 floats (16 accumulators)
// took 0.68-0.72 of the AVX2 4 x 2 blocks' time, 4 x 2, 6 x 2, 4 x 4, 8 x 1 and
// 12 x 2 took 0.70-0.79. The narrower blocks and tails are kernel_blocks.hpp's.
// GCC's auto-vectorizer is off here: on the scalar tail (one column) it wrote
// AVX-512 shuffles that took 1.28x the AVX2 path's time; without it the tail
// takes 0.64x. So no shape needs the AVX2 blocks: where a product has fewer
// than 16 columns the f32x8 and narrower blocks run, compiled here.
#include <cstddef>
#include <cstring>

#include "core/math/kernel_paths.hpp"

#if LRLAB_HAVE_AVX512_PATH

#if defined(__GNUC__)
// The 512-bit vectors never cross a call (always inlined), so GCC's note on
// their ABI does not concern us.
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx512f,avx512dq,avx512bw,avx512vl"))), \
                             apply_to = function)
#else
#pragma GCC push_options
#pragma GCC target("avx512f,avx512dq,avx512bw,avx512vl")
#pragma GCC optimize("no-tree-loop-vectorize", "no-tree-slp-vectorize")
#endif

#define LRLAB_KERNEL_ISA avx512
#include "core/math/kernel_blocks.hpp"

namespace lrlab::avx512
{
namespace kb = kernel_blocks::avx512;

void matmul_bias_into(const float* x, const float* w, const float* bias, std::size_t n,
                      std::size_t rows, std::size_t cols, float* out)
{
    kb::matmul_bias<kb::f32x16, 8, 2>(x, w, bias, n, rows, cols, out);
}

void matmul_at_b_into(const float* a, const float* d, std::size_t n, std::size_t rows,
                      std::size_t cols, float* out)
{
    kb::matmul_at_b<kb::f32x16, 8, 2>(a, d, n, rows, cols, out);
}

void column_sums_into(const float* d, std::size_t n, std::size_t cols, float* out)
{
    kb::column_sums<kb::f32x16>(d, n, cols, out);
}

}  // namespace lrlab::avx512

#if defined(__clang__)
#pragma clang attribute pop
#else
#pragma GCC pop_options
#endif

#endif  // LRLAB_HAVE_AVX512_PATH
