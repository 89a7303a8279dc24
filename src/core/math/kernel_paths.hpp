// The AVX2 and AVX-512 instantiations of the dense kernels
// (math/kernels_avx2.cpp, math/kernels_avx512.cpp), called by math/kernels.cpp
// when simd_level() is avx2 or avx512. Same contracts as math/kernels.hpp.
#pragma once

#include <cstddef>

#include "core/math/simd.hpp"

#if LRLAB_HAVE_AVX2_PATH
namespace lrlab::avx2
{
void matmul_bias_into(const float* x, const float* w, const float* bias, std::size_t n,
                      std::size_t rows, std::size_t cols, float* out);
void matmul_at_b_into(const float* a, const float* d, std::size_t n, std::size_t rows,
                      std::size_t cols, float* out);
void column_sums_into(const float* d, std::size_t n, std::size_t cols, float* out);
}  // namespace lrlab::avx2
#endif

#if LRLAB_HAVE_AVX512_PATH
namespace lrlab::avx512
{
void matmul_bias_into(const float* x, const float* w, const float* bias, std::size_t n,
                      std::size_t rows, std::size_t cols, float* out);
void matmul_at_b_into(const float* a, const float* d, std::size_t n, std::size_t rows,
                      std::size_t cols, float* out);
void column_sums_into(const float* d, std::size_t n, std::size_t cols, float* out);
}  // namespace lrlab::avx512
#endif
