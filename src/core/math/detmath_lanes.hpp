// The pieces of detmath's float kernels that run on lanes of doubles (GCC/Clang
// vector extensions) as well as on one double, and tanhf_array's vector loop.
// Included by math/detmath_float.cpp (128-bit vectors: SSE2 natively, SIMD128
// in wasm) and by math/detmath_avx2.cpp (compiled for AVX2: 256-bit vectors).
// The includer names the instruction set in LRLAB_KERNEL_ISA, a namespace of
// its own, so that the linker never merges an AVX2 copy into the SSE2 path.
//
// Every lane performs the scalar tanhf's operations in the same order, so the
// results are the scalar ones bit for bit whatever the vector width
// (tests/core/math/test_detmath.cpp checks it at every SIMD level). Always
// inlined: GCC would otherwise call these for wide lanes and lose the
// interleaving, and an AVX2 caller must not call a helper compiled for SSE2.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#define LRLAB_LANES inline __attribute__((always_inline))

namespace lrlab::detmath
{
float tanhf(float x);
}

namespace lrlab::detmath::lanes::LRLAB_KERNEL_ISA
{

// fdlibm e_exp.c's split ln 2: k * ln2_hi is exact for |k| < 2^20.
constexpr double ln2_hi = 6.93147180369123816490e-01;
constexpr double ln2_lo = 1.90821492927058770002e-10;
constexpr double inv_ln2 = 1.44269504088896338700e+00;

// The reduced argument r = x - k ln2 (kd = k as a double) and expm1(r), written
// once for a double and for a vector of doubles (tanhf_array), so that both
// round identically.
template <typename T>
LRLAB_LANES T reduced_argument(T x, T kd)
{
    return (x - kd * ln2_hi) - kd * ln2_lo;
}

template <typename T>
LRLAB_LANES T expm1_taylor(T r)
{
    // clang-format off
    return r * (1.0 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120
        + r * (1.0 / 720 + r * (1.0 / 5040 + r * (1.0 / 40320 + r * (1.0 / 362880
        + r * (1.0 / 3628800))))))))));
    // clang-format on
}

// Lanes of doubles with their integer and float counterparts: N lanes.
template <int N>
struct Lanes
{
    typedef double F __attribute__((vector_size(8 * N)));
    typedef std::int64_t I __attribute__((vector_size(8 * N)));
    typedef float Float __attribute__((vector_size(4 * N)));
};

template <typename F, typename I>
LRLAB_LANES F select(I mask, F yes, F no)
{
    return reinterpret_cast<F>((mask & reinterpret_cast<I>(yes)) |
                               (~mask & reinterpret_cast<I>(no)));
}

// tanhf (math/detmath_float.cpp) lane by lane.
template <typename F, typename I>
LRLAB_LANES F tanh_lanes(F x)
{
    const I sign_bit = I{} + INT64_MIN;
    const F a0 = reinterpret_cast<F>(reinterpret_cast<I>(x) & ~sign_bit);
    const F ten = F{} + 10.0;
    const F y = 2.0 * select<F, I>(a0 > ten, ten, a0);
    // exp_parts(y): k = round(y / ln2), r = y - k ln2, p = expm1(r), scale = 2^k
    const F shifter = F{} + 0x1.8p52;
    const F shifted = y * inv_ln2 + shifter;
    const F kd = shifted - shifter;
    const F p = expm1_taylor(reduced_argument(y, kd));
    // The low bits of `shifted` hold k (|k| < 2^20): 2^k = (k + 1023) << 52.
    const I k = reinterpret_cast<I>(shifted) - reinterpret_cast<I>(shifter);
    const F scale = reinterpret_cast<F>((k + 1023) << 52);
    const F em1 = (scale - 1.0) + scale * p;
    const F t = em1 / (em1 + 2.0);
    const F signed_t =
        reinterpret_cast<F>(reinterpret_cast<I>(t) | (reinterpret_cast<I>(x) & sign_bit));
    return select<F, I>(x != x, x + x, signed_t);
}

template <int N>
LRLAB_LANES void tanh_block(const float* x, float* out)
{
    using L = Lanes<N>;
    typename L::Float xf;
    std::memcpy(&xf, x, sizeof xf);
    const typename L::Float t = __builtin_convertvector(
        (tanh_lanes<typename L::F, typename L::I>(__builtin_convertvector(xf, typename L::F))),
        typename L::Float);
    std::memcpy(out, &t, sizeof t);
}

// out[i] = tanhf(x[i]): blocks of Wide lanes (several registers, so that
// independent chains through the degree-10 polynomial hide its latency), then 2
// lanes, then the scalar tanhf.
template <int Wide>
LRLAB_LANES void tanhf_array(const float* x, float* out, std::size_t n)
{
    std::size_t i = 0;
    for (; i + Wide <= n; i += Wide)
        tanh_block<Wide>(x + i, out + i);
    for (; i + 2 <= n; i += 2)
        tanh_block<2>(x + i, out + i);
    for (; i < n; ++i)
        out[i] = detmath::tanhf(x[i]);
}

}  // namespace lrlab::detmath::lanes::LRLAB_KERNEL_ISA
