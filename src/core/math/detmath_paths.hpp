// The AVX2 and AVX-512 instantiations of detmath's vector loops
// (math/detmath_avx2.cpp, math/detmath_avx512.cpp), called by
// math/detmath_float.cpp when simd_level() is avx2 or avx512. Same results as
// math/detmath.hpp's.
#pragma once

#include <cstddef>

#include "core/math/simd.hpp"

#if LRLAB_HAVE_AVX2_PATH
namespace lrlab::detmath::avx2
{
void tanhf_array(const float* x, float* out, std::size_t n);
void bce_with_logitsf_array(const float* x, const float* y, float* out, std::size_t n);
}  // namespace lrlab::detmath::avx2
#endif

#if LRLAB_HAVE_AVX512_PATH
namespace lrlab::detmath::avx512
{
void tanhf_array(const float* x, float* out, std::size_t n);
void bce_with_logitsf_array(const float* x, const float* y, float* out, std::size_t n);
}  // namespace lrlab::detmath::avx512
#endif
