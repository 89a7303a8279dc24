// detmath's tanhf_array compiled for AVX2 (math/detmath_lanes.hpp): 32 lanes of doubles, eight
// 256-bit registers (eight independent chains; 0.8x the time of 16 lanes, 1.31 against 1.6 ns an
// element), where the SSE2 path has 16 lanes in eight 128-bit ones. Only the functions after the pragma are
// compiled for AVX2 (the standard headers come before it); they run only when the CPU has AVX2
// (math/simd.hpp). No FMA: the target is "avx2" alone and the build keeps -ffp-contract=off.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "core/math/detmath_paths.hpp"

#if LRLAB_HAVE_AVX2_PATH

#if defined(__GNUC__)
// The 16-lane vectors never cross a call (always inlined), so GCC's note that
// passing them by value has another ABI with AVX-512 does not concern us.
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2"))), apply_to = function)
#else
#pragma GCC push_options
#pragma GCC target("avx2")
#endif

#define LRLAB_KERNEL_ISA avx2
#include "core/math/detmath_lanes.hpp"

namespace lrlab::detmath::avx2
{

void tanhf_array(const float* x, float* out, std::size_t n)
{
    lanes::avx2::tanhf_array<32>(x, out, n);
}

void bce_with_logitsf_array(const float* x, const float* y, float* out, std::size_t n)
{
    lanes::avx2::bce_with_logitsf_array<16>(x, y, out, n);
}

}  // namespace lrlab::detmath::avx2

#if defined(__clang__)
#pragma clang attribute pop
#else
#pragma GCC pop_options
#endif

#endif  // LRLAB_HAVE_AVX2_PATH
