// detmath's tanhf_array compiled for AVX-512 (math/detmath_lanes.hpp), as
// math/detmath_avx2.cpp does for AVX2: blocks of 8 lanes of doubles, one zmm
// register each. Wider blocks (16 to 128 lanes, several zmm) took 1.2-1.5x the
// AVX2 path's time, because GCC 12 lowers their compares lane by lane into
// scalar compares and cmovs; one zmm per block keeps them vector compares, and
// took 0.64x the AVX2 path's time on 2,048-8,192 elements (0.6x on 20-40), so
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
    lanes::avx512::tanhf_array<8>(x, out, n);
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
