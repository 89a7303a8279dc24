// Deterministic exp, log and pow in double.
//
// The double algorithms follow fdlibm (Sun Microsystems, 1993: "Developed at SunPro, a Sun
// Microsystems, Inc. business. Permission to use, copy, modify, and distribute this software is
// freely granted, provided that this notice is preserved."), whose minimax coefficients are used
// below: e_exp.c (Cody-Waite reduction x = k ln2 + r with a split ln2, Remez rational form for
// exp(r)) and e_log.c (x = 2^k (1+f), s = f/(2+f), minimax polynomial in s^2). Both are below
// 1 ulp. pow evaluates exp(y log x) with log x in double-double, so that the product keeps about
// 70 significant bits and the result stays within 1.5 ulp. The float32 functions are in
// math/detmath_float.cpp.
#include "core/math/detmath.hpp"

#include <cmath>
#include <limits>

#include "core/math/detmath_dd.hpp"

#define LRLAB_KERNEL_ISA base
#include "core/math/detmath_lanes.hpp"

namespace lrlab::detmath
{
namespace
{
using internal::DD;

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// ln 2 split so that k * ln2_hi is exact for |k| < 2^20 (fdlibm e_exp.c).
constexpr double ln2_hi = 6.93147180369123816490e-01;
constexpr double ln2_lo = 1.90821492927058770002e-10;
constexpr double inv_ln2 = 1.44269504088896338700e+00;
// ln 2 as a double-double (to ~2^-107), for pow.
constexpr double ln2_dd_hi = 0x1.62e42fefa39efp-1;
constexpr double ln2_dd_lo = 0x1.abc9e3b39803fp-56;

constexpr double exp_overflow = 7.09782712893383973096e+02;   // exp(x) > DBL_MAX above
constexpr double exp_underflow = -7.45133219101941108420e+02;  // exp(x) < 2^-1075 below

// fdlibm e_exp.c: R(r^2) for exp(r) = 1 + 2r / (R - r).
constexpr double P1 = 1.66666666666666019037e-01;
constexpr double P2 = -2.77777777770155933842e-03;
constexpr double P3 = 6.61375632143793436117e-05;
constexpr double P4 = -1.65339022054652515390e-06;
constexpr double P5 = 4.13813679705723846039e-08;

// fdlibm e_log.c: log(1+f) = f - f^2/2 + s (f^2/2 + R(s^2)).
constexpr double Lg1 = 6.666666666666735130e-01;
constexpr double Lg2 = 3.999999999940941908e-01;
constexpr double Lg3 = 2.857142874366239149e-01;
constexpr double Lg4 = 2.222219843214978396e-01;
constexpr double Lg5 = 1.818357216161805012e-01;
constexpr double Lg6 = 1.531383769920937332e-01;
constexpr double Lg7 = 1.479819860511658591e-01;
// The lanes of math/detmath_lanes.hpp (binary cross-entropy) use the same log.
static_assert(Lg1 == lanes::base::Lg1 && Lg2 == lanes::base::Lg2 && Lg3 == lanes::base::Lg3 &&
                  Lg4 == lanes::base::Lg4 && Lg5 == lanes::base::Lg5 &&
                  Lg6 == lanes::base::Lg6 && Lg7 == lanes::base::Lg7 &&
                  ln2_hi == lanes::base::ln2_hi && ln2_lo == lanes::base::ln2_lo,
              "detmath_lanes.hpp's log coefficients differ from detmath.cpp's");

// exp(x + tail) for finite x in [exp_underflow, exp_overflow] and |tail| <= ulp(x) / 2.
// k = round(x / ln2); hi - lo = x + tail - k ln2 with hi exact (Sterbenz); fdlibm's correction
// formula then keeps lo's bits.
double exp_with_tail(double x, double tail)
{
    const double kd = internal::round_int(x * inv_ln2);
    const double hi = x - kd * ln2_hi;
    const double lo = kd * ln2_lo - tail;
    const double r = hi - lo;
    const double z = r * r;
    const double c = r - z * (P1 + z * (P2 + z * (P3 + z * (P4 + z * P5))));
    const double y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
    return internal::scale_pow2(y, static_cast<int>(kd));
}

// x = 2^k * m with m in [sqrt(2)/2, sqrt(2)), for finite x > 0 (subnormals included).
double reduce_log(double x, int& k)
{
    std::uint64_t u = internal::bits_of(x);
    k = 0;
    if ((u >> 52) == 0)  // subnormal: scale into the normal range first
    {
        u = internal::bits_of(x * 0x1p54);
        k = -54;
    }
    // Shift the exponent so that the mantissa's top bits decide m >= sqrt(2)/2 (fdlibm).
    std::uint32_t hx = static_cast<std::uint32_t>(u >> 32);
    hx += 0x3ff00000u - 0x3fe6a09eu;
    k += static_cast<int>(hx >> 20) - 0x3ff;
    hx = (hx & 0x000fffffu) + 0x3fe6a09eu;
    u = (static_cast<std::uint64_t>(hx) << 32) | (u & 0xffffffffu);
    return internal::double_of(u);
}

// log(x) as a double-double, relative error below 2^-68, for finite x > 0.
// log(m) = 2 atanh(s) = 2s + s^3 (2/3 + 2/5 s^2 + ... + 2/27 s^24), s = (m-1)/(m+1), |s| < 0.172;
// the leading terms are carried in double-double, the tail (relative size < 2^-12) in double.
DD log_dd(double x)
{
    int k = 0;
    const double m = reduce_log(x, k);
    const double f = m - 1.0;  // exact
    const DD d = internal::fast_two_sum(2.0, f);
    const double s_hi = f / d.hi;
    const DD p = internal::two_prod(s_hi, d.hi);
    const double s_lo = (((f - p.hi) - p.lo) - s_hi * d.lo) / d.hi;
    const DD s = internal::fast_two_sum(s_hi, s_lo);
    const DD z = internal::dd_mul(s, s);
    const double w = z.hi;
    const double tail = w * (2.0 / 5 + w * (2.0 / 7 + w * (2.0 / 9 + w * (2.0 / 11 + w * (2.0 / 13
        + w * (2.0 / 15 + w * (2.0 / 17 + w * (2.0 / 19 + w * (2.0 / 21 + w * (2.0 / 23
        + w * (2.0 / 25 + w * (2.0 / 27))))))))))));
    const DD a = internal::dd_add({0x1.5555555555555p-1, 0x1.5555555555555p-55}, {tail, 0.0});
    const DD cube = internal::dd_mul(internal::dd_mul(s, z), a);
    const DD log_m = internal::dd_add({2.0 * s.hi, 2.0 * s.lo}, cube);
    const double dk = k;
    DD k_ln2 = internal::two_prod(dk, ln2_dd_hi);
    k_ln2 = internal::fast_two_sum(k_ln2.hi, k_ln2.lo + dk * ln2_dd_lo);
    return internal::dd_add(k_ln2, log_m);
}

// 0: y is not an integer; 1: odd integer; 2: even integer.
int integer_kind(double y)
{
    if (std::fabs(y) >= 0x1p53)
        return 2;
    if (std::floor(y) != y)
        return 0;
    const double h = 0.5 * y;
    return std::floor(h) == h ? 2 : 1;
}

// x^y for finite x > 0, x != 1, finite y != 0.
double pow_positive(double x, double y)
{
    const DD l = log_dd(x);
    if (std::fabs(y) > 0x1p64)  // |y log x| > 2^10: over- or underflows
        return (y > 0) == (l.hi > 0) ? inf : 0.0;
    DD t = internal::two_prod(y, l.hi);
    t = internal::fast_two_sum(t.hi, t.lo + y * l.lo);
    if (t.hi > exp_overflow)
        return inf;
    if (t.hi < exp_underflow)
        return 0.0;
    return exp_with_tail(t.hi, t.lo);
}

}  // namespace

double exp(double x)
{
    if (x != x)
        return x + x;
    if (x > exp_overflow)
        return inf;
    if (x < exp_underflow)
        return 0.0;
    return exp_with_tail(x, 0.0);
}

double log(double x)
{
    const std::uint64_t u = internal::bits_of(x);
    if ((u << 1) == 0)
        return -inf;
    if (x != x || x == inf)
        return x + x;
    if (u >> 63)
        return nan;
    int k = 0;
    const double m = reduce_log(x, k);
    const double f = m - 1.0;
    const double hfsq = 0.5 * f * f;
    const double s = f / (2.0 + f);
    const double z = s * s;
    const double w = z * z;
    const double t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
    const double t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
    const double r = t2 + t1;
    const double dk = k;
    return s * (hfsq + r) + dk * ln2_lo - hfsq + f + dk * ln2_hi;
}

double pow(double x, double y)
{
    if (y == 0.0 || x == 1.0)
        return 1.0;
    if (x != x || y != y)
        return x + y;
    const double ax = std::fabs(x);
    const int kind = integer_kind(y);
    if (std::isinf(y))
    {
        if (ax == 1.0)
            return 1.0;
        return (ax > 1.0) == (y > 0.0) ? inf : 0.0;
    }
    const bool negate = std::signbit(x) && kind == 1;
    if (x == 0.0 || std::isinf(x))
    {
        const double r = (x == 0.0) == (y < 0.0) ? inf : 0.0;
        return negate ? -r : r;
    }
    if (x < 0.0 && kind == 0)
        return nan;
    const double r = pow_positive(ax, y);
    return negate ? -r : r;
}

}  // namespace lrlab::detmath
