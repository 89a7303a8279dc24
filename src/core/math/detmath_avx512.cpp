// detmath's tanhf_array and bce_with_logitsf_array compiled for AVX-512
// (math/detmath_lanes.hpp), as math/detmath_avx2.cpp does for AVX2. tanh: blocks
// of 32 lanes of doubles, four zmm registers (1.10 ns an element, against 1.50
// for 16 lanes and 1.40 for 8); its block has no floating-point compare, which
// GCC 12 lowers lane by lane (scalar compares and cmovs) for vectors of several
// zmm. The BCE blocks compare, so they keep one zmm (8 lanes) each, and
// out-of-order execution overlaps consecutive blocks well enough. Only the
// functions after the pragma are compiled for AVX-512 (the standard headers
// come before it); they run only when the CPU has it (math/simd.hpp). No FMA:
// the target never names "fma" and the build keeps -ffp-contract=off.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "core/math/detmath_paths.hpp"

#if LRLAB_HAVE_AVX512_PATH

#if defined(__GNUC__)
// The vectors never cross a call (always inlined), so GCC's note on their ABI
// does not concern us.
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx512f,avx512dq,avx512bw,avx512vl"))), \
                             apply_to = function)
#else
#pragma GCC push_options
#pragma GCC target("avx512f,avx512dq,avx512bw,avx512vl")
#endif

#define LRLAB_KERNEL_ISA avx512
#include "core/math/detmath_lanes.hpp"

namespace lrlab::detmath::avx512
{

void tanhf_array(const float* x, float* out, std::size_t n)
{
    lanes::avx512::tanhf_array<32>(x, out, n);
}

void bce_with_logitsf_array(const float* x, const float* y, float* out, std::size_t n)
{
    lanes::avx512::bce_with_logitsf_array<8>(x, y, out, n);
}

}  // namespace lrlab::detmath::avx512

#if defined(__clang__)
#pragma clang attribute pop
#else
#pragma GCC pop_options
#endif

#endif  // LRLAB_HAVE_AVX512_PATH
