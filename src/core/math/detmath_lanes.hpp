// The pieces of detmath's float kernels that run on lanes of doubles (GCC/Clang
// vector extensions) as well as on one double, and tanhf_array's vector loop.
// Included by math/detmath_float.cpp (128-bit vectors: SSE2 natively, SIMD128
// in wasm), by math/detmath_avx2.cpp (compiled for AVX2: 256-bit vectors) and
// by math/detmath_avx512.cpp (compiled for AVX-512: 512-bit vectors).
// The includer names the instruction set in LRLAB_KERNEL_ISA, a namespace of
// its own, so that the linker never merges an AVX2 copy into the SSE2 path.
//
// Every lane of exp, log, sigmoid and the reference tanh performs the scalar
// function's operations in the same order, so the results are the scalar ones
// bit for bit whatever the vector width (tests/core/math/test_detmath.cpp checks
// it at every SIMD level). tanh_block computes otherwise and certifies that it
// rounds to the same float (see there; tests/core/math/test_tanh_fast.cpp).
// Always inlined: GCC would otherwise call these for wide lanes and lose the
// interleaving, and an AVX2 caller must not call a helper compiled for SSE2.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

#define LRLAB_LANES inline __attribute__((always_inline))

namespace lrlab::detmath
{
float expf(float x);
float tanhf(float x);
float bce_with_logitsf(float x, float y);
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
    typedef std::uint64_t U __attribute__((vector_size(8 * N)));
    typedef float Float __attribute__((vector_size(4 * N)));
    typedef std::int32_t Int __attribute__((vector_size(4 * N)));  // masks of Float compares
};

// Floats to doubles and back, lane by lane (exact one way, rounded to nearest the other, as a
// scalar cast). clang 14 compiles __builtin_convertvector of wide vectors for WebAssembly into
// a lane-by-lane extract and replace; there the SIMD128 instructions do it per register (V8:
// one cvtps2pd or cvtpd2ps each, where the lanes cost about 4 instructions a float).
template <int N>
LRLAB_LANES typename Lanes<N>::F to_double(typename Lanes<N>::Float xf)
{
#if defined(__wasm_simd128__)
    if constexpr (N % 4 == 0)
    {
        v128_t in[N / 4], out[N / 2];
        std::memcpy(in, &xf, sizeof xf);
        for (int i = 0; i < N / 4; ++i)
        {
            out[2 * i] = wasm_f64x2_promote_low_f32x4(in[i]);
            out[2 * i + 1] = wasm_f64x2_promote_low_f32x4(wasm_i64x2_shuffle(in[i], in[i], 1, 1));
        }
        typename Lanes<N>::F d;
        std::memcpy(&d, out, sizeof d);
        return d;
    }
#endif
    return __builtin_convertvector(xf, typename Lanes<N>::F);
}

template <int N>
LRLAB_LANES typename Lanes<N>::Float to_float(typename Lanes<N>::F d)
{
#if defined(__wasm_simd128__)
    if constexpr (N % 4 == 0)
    {
        v128_t in[N / 2], out[N / 4];
        std::memcpy(in, &d, sizeof d);
        for (int i = 0; i < N / 4; ++i)
            out[i] = wasm_i64x2_shuffle(wasm_f32x4_demote_f64x2_zero(in[2 * i]),
                                        wasm_f32x4_demote_f64x2_zero(in[2 * i + 1]), 0, 2);
        typename Lanes<N>::Float f;
        std::memcpy(&f, out, sizeof f);
        return f;
    }
#endif
    return __builtin_convertvector(d, typename Lanes<N>::Float);
}

template <typename F, typename I>
LRLAB_LANES F select(I mask, F yes, F no)
{
    return reinterpret_cast<F>((mask & reinterpret_cast<I>(yes)) |
                               (~mask & reinterpret_cast<I>(no)));
}

// The arrays' loop, written once: Block<N>::run(i, args...) for consecutive i over [0, n), in
// blocks of Wide lanes (several registers, so that independent chains through a polynomial hide
// its latency), then of 8, 4 and 2 (small layers and batches have few elements), then Block<1>
// one element at a time (the scalar function). The widths choose only which elements are
// computed together, never how one is.
template <template <int> class Block, int Wide, typename... Args>
LRLAB_LANES void by_blocks(std::size_t n, Args... args)
{
    std::size_t i = 0;
    for (; i + Wide <= n; i += Wide)
        Block<Wide>::run(i, args...);
    if constexpr (Wide > 8)
        for (; i + 8 <= n; i += 8)
            Block<8>::run(i, args...);
    if constexpr (Wide > 4)
        for (; i + 4 <= n; i += 4)
            Block<4>::run(i, args...);
    if constexpr (Wide > 2)
        for (; i + 2 <= n; i += 2)
            Block<2>::run(i, args...);
    for (; i < n; ++i)
        Block<1>::run(i, args...);
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

// tanhf by lanes, the formula as it is: tanh_block's reference in the tests (2-4x faster than
// the scalar tanhf over their billion floats).
template <int N>
LRLAB_LANES void tanh_reference_block(const float* x, float* out)
{
    using L = Lanes<N>;
    typename L::Float xf;
    std::memcpy(&xf, x, sizeof xf);
    const typename L::Float t =
        to_float<N>(tanh_lanes<typename L::F, typename L::I>(to_double<N>(xf)));
    std::memcpy(out, &t, sizeof t);
}

// Half of a vector's lanes: the lower (Half = 0) or the upper (Half = 1).
template <int Half, typename V, std::size_t... Lane>
LRLAB_LANES auto half_of(V v, std::index_sequence<Lane...>)
{
    return __builtin_shufflevector(v, v, (Lane + Half * sizeof...(Lane))...);
}

// The bitwise OR of a vector's lanes (of any integer type), folding halves: a register's worth
// of OR per step in registers (a copy through memory stalled on the reload; lane by lane costs a
// lane each).
template <typename V>
LRLAB_LANES auto or_lanes(V v)
{
    constexpr std::size_t lanes = sizeof(V) / sizeof(v[0]);
    if constexpr (lanes == 1)
        return v[0];
    else if constexpr (lanes == 2)
        return v[0] | v[1];
    else
    {
        constexpr auto half = std::make_index_sequence<lanes / 2>{};
        return or_lanes(half_of<0>(v, half) | half_of<1>(v, half));
    }
}

// The [4/4] Pade approximant of exp: exp(s) ~ P(s) / P(-s), P(s) = sum over j <= 4 of
// (8-j)! 4! / (8! j! (4-j)!) s^j = 1 + s/2 + 3s^2/28 + s^3/84 + s^4/1680; its error is about
// (4!)^2 / (8! 9!) s^9 (Baker & Graves-Morris, Pade Approximants, 2nd ed.). Written for s = 2r:
// exp(2r) ~ (E + rO) / (E - rO), E even and rO odd in r, relative error below 3e-12 for
// |r| <= ln2/4.
constexpr double pade_e1 = 3.0 / 7, pade_e2 = 1.0 / 105, pade_o1 = 2.0 / 21;

// Rounding to float drops a double's low 29 bits; the result depends on which side of 2^28
// (the tie) they are. Within this many units of the tie, tanh_block may round otherwise than
// the formula: those lanes take the scalar tanhf.
constexpr std::uint64_t tie_margin = std::uint64_t(1) << 18;

// out = tanhf(x) for a block of N floats, bit for bit, without tanhf's degree-10 polynomial:
// tanh|x| = (e - 1) / (e + 1) with e = exp(2|x|) = 2^k exp(2r), |r| <= ln2/4, exp(2r) from
// the Pade approximant (no cancellation at k = 0, where the numerator is 2 rO).
// Its relative error is below 2^-35.5 (the approximant's, at most 2.8x larger through the
// quotient, and a few roundings); tanhf's is below 2^-40 (measured on every 7th float below
// 10: 2^-36.9 and 2^-40.1 at most). Both are then within 2^17.5 units in the last place of the
// exact value, so where the dropped bits are more than tie_margin = 2^18 from the tie, both
// round to the same float. The other lanes (2^-10 of values, and NaN) take the scalar tanhf.
// Above |x| = 300 (where 2^k would need care) the float is 1, as tanhf's is from 10 on; below
// 2^-26 both give |x| exactly. Checked on every float (tests/core/math/test_tanh_fast.cpp).
template <int N>
LRLAB_LANES void tanh_block(const float* x, float* out)
{
    using F = typename Lanes<N>::F;
    using U = typename Lanes<N>::U;
    using Float = typename Lanes<N>::Float;
    using Int = typename Lanes<N>::Int;
    Float xf;
    std::memcpy(&xf, x, sizeof xf);
    const Int sign = Int{} + INT32_MIN;
    const Int abs_bits = reinterpret_cast<Int>(xf) & ~sign;
    const F a = to_double<N>(reinterpret_cast<Float>(abs_bits));
    // k = round(2a / ln2) in the low bits of `shifted`, r = a - k ln2/2.
    const F shifter = F{} + 0x1.8p52;
    const F shifted = a * (2.0 * inv_ln2) + shifter;
    const F kd = shifted - shifter;
    const F r = a - kd * (0.5 * (ln2_hi + ln2_lo));
    const F z = r * r;
    const F even = 1.0 + z * (pade_e1 + z * pade_e2);
    const F odd = r * (1.0 + z * pade_o1);
    // 2^k: shifter's low 12 bits are 0, so shifting `shifted` by 52 leaves k << 52 (k < 900).
    const U exponent_one = U{} + (1023ull << 52);
    const F scale = reinterpret_cast<F>((reinterpret_cast<U>(shifted) << 52) + exponent_one);
    const F minus = scale - 1.0, plus = scale + 1.0;
    const F q = (minus * even + plus * odd) / (plus * even + minus * odd);
    // Comparisons by subtraction, in the sign bit: GCC splits wide vector compares into lanes.
    // Lanes within the margin of the tie wrap below zero, and so do NaN's bits, above inf's.
    const U tie = U{} + ((tie_margin - (1ull << 28)) & ((1ull << 29) - 1));
    U doubtful = ((reinterpret_cast<U>(q) + tie) & ((1ull << 29) - 1)) - (2 * tie_margin + 1);
    doubtful |= (U{} + 0x7ff0000000000000ull) - reinterpret_cast<U>(a);
    const Int beyond_300 = ((Int{} + 0x43960000) - abs_bits) >> 31;  // all ones above 300.0f
    const Int one = Int{} + 0x3f800000;
    const Int rounded = reinterpret_cast<Int>(to_float<N>(q));
    const Int magnitude = (rounded & ~beyond_300) | (one & beyond_300);
    const Float t = reinterpret_cast<Float>(magnitude | (reinterpret_cast<Int>(xf) & sign));
    std::memcpy(out, &t, sizeof t);
    if (or_lanes(doubtful) >> 63)
        for (int i = 0; i < N; ++i)
            if (doubtful[i] >> 63)
                out[i] = detmath::tanhf(x[i]);
}

template <int N>
struct TanhBlock
{
    LRLAB_LANES static void run(std::size_t i, const float* x, float* out)
    {
        if constexpr (N == 1)
            out[i] = detmath::tanhf(x[i]);
        else
            tanh_block<N>(x + i, out + i);
    }
};

// out[i] = tanhf(x[i]).
template <int Wide>
LRLAB_LANES void tanhf_array(const float* x, float* out, std::size_t n)
{
    by_blocks<TanhBlock, Wide>(n, x, out);
}

// ---- binary cross-entropy with logits --------------------------------------------------------

// fdlibm e_log.c's coefficients, as math/detmath.cpp's log uses them (it checks they agree).
constexpr double Lg1 = 6.666666666666735130e-01;
constexpr double Lg2 = 3.999999999940941908e-01;
constexpr double Lg3 = 2.857142874366239149e-01;
constexpr double Lg4 = 2.222219843214978396e-01;
constexpr double Lg5 = 1.818357216161805012e-01;
constexpr double Lg6 = 1.531383769920937332e-01;
constexpr double Lg7 = 1.479819860511658591e-01;

// detmath::expf lane by lane for x in [-110, 89], the range its clamps leave: the same
// reduction and polynomial, rounded to float once.
template <int N>
LRLAB_LANES typename Lanes<N>::Float expf_unclamped_lanes(typename Lanes<N>::F x)
{
    using F = typename Lanes<N>::F;
    using I = typename Lanes<N>::I;
    const F shifter = F{} + 0x1.8p52;
    const F shifted = x * inv_ln2 + shifter;
    const F kd = shifted - shifter;
    const F p = expm1_taylor(reduced_argument(x, kd));
    const I k = reinterpret_cast<I>(shifted) - reinterpret_cast<I>(shifter);
    const F scale = reinterpret_cast<F>((k + 1023) << 52);
    return to_float<N>(scale + scale * p);
}

// detmath::expf lane by lane, for finite x (no NaN lane): the same clamp, then the above.
template <int N>
LRLAB_LANES typename Lanes<N>::Float expf_lanes(typename Lanes<N>::Float xf)
{
    using F = typename Lanes<N>::F;
    using I = typename Lanes<N>::I;
    F x = to_double<N>(xf);
    x = select<F, I>(x > 89.0, F{} + 89.0, x);
    x = select<F, I>(x < -110.0, F{} - 110.0, x);
    return expf_unclamped_lanes<N>(x);
}

// The lanes' masks below come from sign bits (an arithmetic shift by 31) rather than vector
// compares: GCC 12 splits a compare of a vector wider than a register into one scalar compare
// a lane (the binary loss spent a third of its time there at AVX2).

// min(|x|, limit) for floats by their bits (limit's bits are positive: ordered as the floats).
template <int N>
LRLAB_LANES typename Lanes<N>::Int abs_bits_at_most(typename Lanes<N>::Int abs_bits,
                                                     std::int32_t limit)
{
    using Int = typename Lanes<N>::Int;
    const Int below = (abs_bits - limit) >> 31;  // all ones where |x| < limit
    return (abs_bits & below) | ((Int{} + limit) & ~below);
}

// Whether a lane of floats is infinite or NaN: its exponent all ones, then the sum below
// carries into the sign bit. Folded as 32-bit lanes: clang 14 for wasm took minutes over the
// same OR reinterpreted as 64-bit lanes.
template <int N>
LRLAB_LANES bool any_not_finite(typename Lanes<N>::Int abs_bits)
{
    const typename Lanes<N>::Int carried = (abs_bits & 0x7f800000) + 0x00800000;
    return or_lanes(carried) < 0;
}

// detmath::logf lane by lane for x in [1, 2] (double log of fdlibm's e_log.c, rounded to float):
// there no lane takes a special case, and k (the power of two) is 0 or 1.
template <int N>
LRLAB_LANES typename Lanes<N>::Float logf_1_2_lanes(typename Lanes<N>::Float xf)
{
    using F = typename Lanes<N>::F;
    using I = typename Lanes<N>::I;
    const I u = reinterpret_cast<I>(to_double<N>(xf));
    I hx = u >> 32;
    hx += 0x3ff00000 - 0x3fe6a09e;
    const I k = (hx >> 20) - 0x3ff;
    hx = (hx & 0x000fffff) + 0x3fe6a09e;
    const F m = reinterpret_cast<F>((hx << 32) | (u & 0xffffffff));
    const F f = m - 1.0;
    const F hfsq = 0.5 * f * f;
    const F s = f / (2.0 + f);
    const F z = s * s;
    const F w = z * z;
    const F t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
    const F t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
    const F r = t2 + t1;
    const F shifter = F{} + 0x1.8p52;
    const F dk = reinterpret_cast<F>(reinterpret_cast<I>(shifter) + k) - shifter;  // exact
    const F lg = s * (hfsq + r) + dk * ln2_lo - hfsq + f + dk * ln2_hi;
    return to_float<N>(lg);
}

// detmath::sigmoidf lane by lane, for finite x (no NaN lane). The clamp of |x| at 120 is taken
// on the float's bits (exact, as the double's compare), and x < 0 from its sign bit (at -0 both
// branches give 0.5).
template <int N>
LRLAB_LANES typename Lanes<N>::Float sigmoidf_lanes(typename Lanes<N>::Float xf)
{
    using F = typename Lanes<N>::F;
    using I = typename Lanes<N>::I;
    using Float = typename Lanes<N>::Float;
    using Int = typename Lanes<N>::Int;
    const Int bits = reinterpret_cast<Int>(xf);
    const Int abs_bits = abs_bits_at_most<N>(bits & INT32_MAX, 0x42f00000);  // 120.0f
    const F a = -to_double<N>(reinterpret_cast<Float>(abs_bits));
    const F shifter = F{} + 0x1.8p52;
    const F shifted = a * inv_ln2 + shifter;
    const F kd = shifted - shifter;
    const F p = expm1_taylor(reduced_argument(a, kd));
    const I k = reinterpret_cast<I>(shifted) - reinterpret_cast<I>(shifter);
    const F scale = reinterpret_cast<F>((k + 1023) << 52);
    const F ex = scale + scale * p;
    const F r = 1.0 / (1.0 + ex);
    const Int negative = bits >> 31;
    return reinterpret_cast<Float>((reinterpret_cast<Int>(to_float<N>(ex * r)) & negative) |
                                   (reinterpret_cast<Int>(to_float<N>(r)) & ~negative));
}

// losses.cpp's binary gradient (sigmoid(x) - y) / scale for N samples; false (nothing written)
// when a logit is not finite.
template <int N>
LRLAB_LANES bool bce_grad_lanes(const float* x, const float* y, float scale, float* out)
{
    using Float = typename Lanes<N>::Float;
    using Int = typename Lanes<N>::Int;
    Float xv, yv;
    std::memcpy(&xv, x, sizeof xv);
    std::memcpy(&yv, y, sizeof yv);
    if (any_not_finite<N>(reinterpret_cast<Int>(xv) & INT32_MAX))
        return false;
    const Float g = (sigmoidf_lanes<N>(xv) - yv) / scale;
    std::memcpy(out, &g, sizeof g);
    return true;
}

// losses.cpp's bce_with_logits for N samples: the same float operations, exp and log by lanes.
// A lane with a non-finite logit takes the scalar formula.
template <int N>
LRLAB_LANES void bce_with_logits_block(const float* x, const float* y, float* out)
{
    using Float = typename Lanes<N>::Float;
    using Int = typename Lanes<N>::Int;
    Float xv, yv;
    std::memcpy(&xv, x, sizeof xv);
    std::memcpy(&yv, y, sizeof yv);
    const Int bits = reinterpret_cast<Int>(xv);
    const Int sign = Int{} + INT32_MIN;
    const Int abs_bits = bits & ~sign;
    // max_val = max(-x, 0): -x where x's sign bit is set (at x = -0, +0 either way).
    const Int neg = bits ^ sign;
    const Float max_val = reinterpret_cast<Float>(neg & (bits >> 31));
    // One of bce_with_logits' two exponentials is exp(0) = 1 exactly: for x >= 0 max_val is 0
    // and the terms are exp(-0) and exp(-x); for x < 0 max_val is -x and they are exp(x) and
    // exp(-x - max_val) = exp(0) (an exact float subtraction). So the sum is 1 + exp(-|x|), the
    // same bits (float addition commutes) for half the exponentials. From |x| = 17 on that sum
    // is 1: exp(-17) < 2^-24, and 1 + 2^-24 rounds to 1 (the tie, to even); so |x| is taken at
    // most 17, inside the range where expf needs no clamp.
    const Int clamped = abs_bits_at_most<N>(abs_bits, 0x41880000) | sign;  // -min(|x|, 17.0f)
    const Float sum =
        1.0f + expf_unclamped_lanes<N>(to_double<N>(reinterpret_cast<Float>(clamped)));
    const Float loss = (1.0f - yv) * xv + max_val + logf_1_2_lanes<N>(sum);
    std::memcpy(out, &loss, sizeof loss);
    if (any_not_finite<N>(abs_bits))
        for (int i = 0; i < N; ++i)
            if ((abs_bits[i] & 0x7f800000) == 0x7f800000)
                out[i] = detmath::bce_with_logitsf(x[i], y[i]);
}

// out[i] = bce_with_logitsf(x[i], y[i]).
template <int N>
struct BceBlock
{
    LRLAB_LANES static void run(std::size_t i, const float* x, const float* y, float* out)
    {
        if constexpr (N > 1)
            bce_with_logits_block<N>(x + i, y + i, out + i);
        else
            out[i] = detmath::bce_with_logitsf(x[i], y[i]);
    }
};

template <int Wide>
LRLAB_LANES void bce_with_logitsf_array(const float* x, const float* y, float* out, std::size_t n)
{
    by_blocks<BceBlock, Wide>(n, x, y, out);
}

// out[i] = expf(x[i]); a block with a NaN one by one (expf_lanes takes no NaN lane).
template <int N>
struct ExpBlock
{
    LRLAB_LANES static void run(std::size_t i, const float* x, float* out)
    {
        if constexpr (N > 1)
        {
            using Float = typename Lanes<N>::Float;
            using Int = typename Lanes<N>::Int;
            Float v;
            std::memcpy(&v, x + i, sizeof v);
            const Int number = v == v;
            bool all = true;
            for (int k = 0; k < N; ++k)
                all = all && number[k];
            if (all)
            {
                v = expf_lanes<N>(v);
                std::memcpy(out + i, &v, sizeof v);
                return;
            }
        }
        for (std::size_t k = i; k < i + N; ++k)
            out[k] = detmath::expf(x[k]);
    }
};

template <int Wide>
LRLAB_LANES void expf_array(const float* x, float* out, std::size_t n)
{
    by_blocks<ExpBlock, Wide>(n, x, out);
}

}  // namespace lrlab::detmath::lanes::LRLAB_KERNEL_ISA
