// Deterministic float32 functions of the training path (activations, losses).
//
// They compute in double and round once at the end: the double kernels carry ~2^-42 relative
// error or less, so the float result is the correctly rounded one or 1 ulp from it (the tests
// measure 0 ulp against libm rounded to float on their sweeps). Double arithmetic is IEEE on
// x86-64 SSE2 and on wasm, so this is as deterministic as float arithmetic, and as fast for
// scalar code. erf uses fdlibm's s_erf.c coefficients (see math/detmath.cpp for the notice).
#include <cmath>
#include <cstdint>
#include <cstring>

#include "core/math/detmath.hpp"
#include "core/math/detmath_dd.hpp"
#include "core/math/detmath_paths.hpp"
#include "core/math/simd.hpp"

#if defined(__GNUC__)
// tanhf_array's 8-lane vectors never cross a call (always inlined, internal linkage), so GCC's
// note that passing them by value has another ABI with AVX-512 does not concern us.
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

#define LRLAB_KERNEL_ISA base
#include "core/math/detmath_lanes.hpp"

namespace lrlab::detmath
{
namespace
{
using lanes::base::expm1_taylor;
using lanes::base::inv_ln2;
using lanes::base::reduced_argument;

// ---- float kernels (double inside) ----------------------------------------------------------

// exp(x) = 2^k (1 + p) for |x| <= 128, p = expm1(r) with |r| <= ln2/2: Taylor to r^10
// (remainder below 2^-42 relative), which is ample for a float result.
struct ExpParts
{
    double scale;  // 2^k
    double p;      // expm1(r)
};

inline ExpParts exp_parts(double x)
{
    const double kd = internal::round_int(x * inv_ln2);
    const double r = reduced_argument(x, kd);
    const double p = expm1_taylor(r);
    return {internal::pow2i(static_cast<int>(kd)), p};
}

// fdlibm s_erf.c coefficients (double), evaluated for the float erf.
constexpr double erx = 8.45062911510467529297e-01;
constexpr double efx = 1.28379167095512586316e-01;
constexpr double pp[5] = {1.28379167095512558561e-01, -3.25042107247001499370e-01,
                          -2.84817495755985104766e-02, -5.77027029648944159157e-03,
                          -2.37630166566501626084e-05};
constexpr double qq[5] = {3.97917223959155352819e-01, 6.50222499887672944485e-02,
                          5.08130628187576562776e-03, 1.32494738004321644526e-04,
                          -3.96022827877536812320e-06};
constexpr double pa[7] = {-2.36211856075265944077e-03, 4.14856118683748331666e-01,
                          -3.72207876035701323847e-01, 3.18346619901161753674e-01,
                          -1.10894694282396677476e-01, 3.54783043256182359371e-02,
                          -2.16637559486879084300e-03};
constexpr double qa[6] = {1.06420880400844228286e-01, 5.40397917702171048937e-01,
                          7.18286544141962662868e-02, 1.26171219808761642112e-01,
                          1.36370839120290507362e-02, 1.19844998467991074170e-02};
constexpr double ra[8] = {-9.86494403484714822705e-03, -6.93858572707181764372e-01,
                          -1.05586262253232909814e+01, -6.23753324503260060396e+01,
                          -1.62396669462573470355e+02, -1.84605092906711035994e+02,
                          -8.12874355063065934246e+01, -9.81432934416914548592e+00};
constexpr double sa[8] = {1.96512716674392571292e+01, 1.37657754143519042600e+02,
                          4.34565877475229228821e+02, 6.45387271733267880336e+02,
                          4.29008140027567833386e+02, 1.08635005541779435134e+02,
                          6.57024977031928170135e+00, -6.04244152148580987438e-02};
constexpr double rb[7] = {-9.86494292470009928597e-03, -7.99283237680523006574e-01,
                          -1.77579549177547519889e+01, -1.60636384855821916062e+02,
                          -6.37566443368389627722e+02, -1.02509513161107724954e+03,
                          -4.83519191608651397019e+02};
constexpr double sb[7] = {3.03380607434824582924e+01, 3.25792512996573918826e+02,
                          1.53672958608443695994e+03, 3.19985821950859553908e+03,
                          2.55305040643316442583e+03, 4.74528541206955367215e+02,
                          -2.24409524465858183362e+01};

// erf(a) for 0 <= a < 4 (fdlibm's four intervals).
double erf_positive(double a)
{
    if (a < 0.84375)
    {
        const double z = a * a;
        const double r = pp[0] + z * (pp[1] + z * (pp[2] + z * (pp[3] + z * pp[4])));
        const double s = 1.0 + z * (qq[0] + z * (qq[1] + z * (qq[2] + z * (qq[3] + z * qq[4]))));
        return a + a * (r / s);
    }
    if (a < 1.25)
    {
        const double s = a - 1.0;
        const double p = pa[0] + s * (pa[1] + s * (pa[2] + s * (pa[3] + s * (pa[4] + s * (pa[5]
            + s * pa[6])))));
        const double q = 1.0 + s * (qa[0] + s * (qa[1] + s * (qa[2] + s * (qa[3] + s * (qa[4]
            + s * qa[5])))));
        return erx + p / q;
    }
    const double s = 1.0 / (a * a);
    double r;
    double q;
    if (a < 1.0 / 0.35)
    {
        r = ra[0] + s * (ra[1] + s * (ra[2] + s * (ra[3] + s * (ra[4] + s * (ra[5] + s * (ra[6]
            + s * ra[7]))))));
        q = 1.0 + s * (sa[0] + s * (sa[1] + s * (sa[2] + s * (sa[3] + s * (sa[4] + s * (sa[5]
            + s * (sa[6] + s * sa[7])))))));
    }
    else
    {
        r = rb[0] + s * (rb[1] + s * (rb[2] + s * (rb[3] + s * (rb[4] + s * (rb[5]
            + s * rb[6])))));
        q = 1.0 + s * (sb[0] + s * (sb[1] + s * (sb[2] + s * (sb[3] + s * (sb[4] + s * (sb[5]
            + s * sb[6]))))));
    }
    // erfc(a) = exp(-a^2 - 0.5625 + R/S) / a, with a^2 split as z^2 + (a-z)(a+z) so that the
    // large part z^2 is exact (z = a with its low 32 bits cleared).
    const double z = internal::double_of(internal::bits_of(a) & 0xffffffff00000000ull);
    const double erfc = exp(-z * z - 0.5625) * exp((z - a) * (z + a) + r / q) / a;
    return 1.0 - erfc;
}

}  // namespace

// The 128-bit copies of the vector loops (SSE2 natively, SIMD128 in wasm); the AVX2 and
// AVX-512 ones are in math/detmath_avx2.cpp and math/detmath_avx512.cpp.
namespace base
{
void tanhf_array(const float* x, float* out, std::size_t n)
{
    // 16 lanes: eight 128-bit registers of doubles, eight independent chains (natively 0.93x the
    // time of 8 lanes, 0.95x that of 32).
    lanes::base::tanhf_array<16>(x, out, n);
}

void bce_with_logitsf_array(const float* x, const float* y, float* out, std::size_t n)
{
    lanes::base::bce_with_logitsf_array<8>(x, y, out, n);
}
}  // namespace base

// ---- float32 ------------------------------------------------------------------------------

float expf(float xf)
{
    if (xf != xf)
        return xf + xf;
    // exp(89) > FLT_MAX and exp(-110) < 2^-150: the final rounding gives inf and 0 there.
    const double x = xf > 89.0f ? 89.0 : (xf < -110.0f ? -110.0 : xf);
    const ExpParts e = exp_parts(x);
    return static_cast<float>(e.scale + e.scale * e.p);
}

float logf(float x)
{
    return static_cast<float>(log(static_cast<double>(x)));
}

float log1pf(float x)
{
    // 1 + x is exact in double for |x| >= 2^-29; below, log1p(x) rounds to x.
    if (std::fabs(x) < 0x1p-29f)
        return x;
    return static_cast<float>(log(1.0 + static_cast<double>(x)));
}

float tanhf(float xf)
{
    if (xf != xf)
        return xf + xf;
    // tanh|x| = e / (e + 2) with e = expm1(2|x|): no cancellation near 0. 1 - tanh(10) < 2^-27,
    // so the float result is exactly 1 from there on.
    const double a = std::fabs(static_cast<double>(xf));
    const ExpParts e = exp_parts(2.0 * (a > 10.0 ? 10.0 : a));
    const double em1 = (e.scale - 1.0) + e.scale * e.p;
    const double t = em1 / (em1 + 2.0);
    return static_cast<float>(std::copysign(t, static_cast<double>(xf)));
}

void expf_array(const float* x, float* out, std::size_t n)
{
    // 128-bit lanes at every level: its caller, the softmax rows, is about 2% of a W4 step.
    lanes::base::expf_array<16>(x, out, n);
}

void tanhf_array(const float* x, float* out, std::size_t n)
{
    LRLAB_SIMD_CALL(tanhf_array, x, out, n);
}

float bce_with_logitsf(float x, float y)
{
    // torch.binary_cross_entropy_with_logits (no weights):
    //   max_val = max(-x, 0); loss = (1 - y) * x + max_val + log(exp(-max_val) + exp(-x - max_val))
    const float max_val = -x > 0.0f ? -x : 0.0f;
    return (1.0f - y) * x + max_val + logf(expf(-max_val) + expf(-x - max_val));
}

void bce_with_logitsf_array(const float* x, const float* y, float* out, std::size_t n)
{
    LRLAB_SIMD_CALL(bce_with_logitsf_array, x, y, out, n);
}

float sigmoidf(float xf)
{
    if (xf != xf)
        return xf + xf;
    // With e = exp(-|x|) <= 1: 1 / (1 + e) for x >= 0 and e / (1 + e) for x < 0; never overflows.
    const double a = std::fabs(static_cast<double>(xf));
    const ExpParts e = exp_parts(-(a > 120.0 ? 120.0 : a));
    const double ex = e.scale + e.scale * e.p;
    const double r = 1.0 / (1.0 + ex);
    return static_cast<float>(xf < 0.0f ? ex * r : r);
}

float erff(float xf)
{
    if (xf != xf)
        return xf + xf;
    const double x = xf;
    const double a = std::fabs(x);
    if (a < 0x1p-28)  // erf(x) = 2/sqrt(pi) x (1 + O(x^2))
        return static_cast<float>(x + efx * x);
    // 1 - erf(4) < 2^-26: the float result is 1 from there on.
    const double r = a >= 4.0 ? 1.0 : erf_positive(a);
    return static_cast<float>(x < 0.0 ? -r : r);
}

}  // namespace lrlab::detmath
