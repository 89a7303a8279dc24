// Deterministic sin, cos and atan2 in double (see math/detmath.cpp for the fdlibm notice).
//
// sin/cos reduce x = n pi/2 + (y0 + y1) and evaluate fdlibm's k_sin.c / k_cos.c kernels on
// |y0 + y1| <= pi/4. The reduction is fdlibm's e_rem_pio2.c three-stage Cody-Waite for
// |x| < 2^20 pi/2 (about 1.6e6), and beyond it an exact Payne-Hanek reduction in integer
// arithmetic with the bits of 2/pi, so every finite x is reduced correctly.
// atan2 follows fdlibm's s_atan.c (four breakpoints, degree-11 polynomial) and e_atan2.c.
#include <cmath>
#include <limits>

#include "core/math/detmath.hpp"
#include "core/math/detmath_dd.hpp"

namespace lrlab::detmath
{
namespace
{
using internal::DD;

constexpr double inv_pio2 = 6.36619772367581382433e-01;
// pi/2 in three 33-bit pieces with tails (fdlibm e_rem_pio2.c).
constexpr double pio2_1 = 1.57079632673412561417e+00;
constexpr double pio2_1t = 6.07710050650619224932e-11;
constexpr double pio2_2 = 6.07710050630396597660e-11;
constexpr double pio2_2t = 2.02226624879595063154e-21;
constexpr double pio2_3 = 2.02226624871116645580e-21;
constexpr double pio2_3t = 8.47842766036889956997e-32;
constexpr double pio2_hi = 0x1.921fb54442d18p0;
constexpr double pio2_lo = 0x1.1a62633145c07p-54;

// 2/pi in 24-bit chunks: 2/pi = sum_j two_over_pi[j] 2^(-24 (j + 1)), enough for x < 2^1024.
constexpr std::uint32_t two_over_pi[] = {
    0xA2F983, 0x6E4E44, 0x1529FC, 0x2757D1, 0xF534DD, 0xC0DB62, 0x95993C, 0x439041, 0xFE5163,
    0xABDEBB, 0xC561B7, 0x246E3A, 0x424DD2, 0xE00649, 0x2EEA09, 0xD1921C, 0xFE1DEB, 0x1CB129,
    0xA73EE8, 0x8235F5, 0x2EBB44, 0x84E99C, 0x7026B4, 0x5F7E41, 0x3991D6, 0x398353, 0x39F49C,
    0x845F8B, 0xBDF928, 0x3B1FF8, 0x97FFDE, 0x05980F, 0xEF2F11, 0x8B5A0A, 0x6D1F6D, 0x367ECF,
    0x27CB09, 0xB74F46, 0x3F669E, 0x5FEA2D, 0x7527BA, 0xC7EBE5, 0xF17B3D, 0x0739F7, 0x8A5292,
    0xEA6BFB, 0x5FB11F, 0x8D5D08, 0x560330, 0x46FC7B, 0x6BABF0, 0xCFBC20, 0x9AF436, 0x1DA9E3,
    0x91615E, 0xE61B08, 0x659985, 0x5F14A0, 0x68408D, 0xFFD880, 0x4D7327, 0x310606, 0x1556CA,
    0x73A8C9, 0x60E27B, 0xC08C6B};
constexpr int two_over_pi_chunks = sizeof(two_over_pi) / sizeof(two_over_pi[0]);

// |x| < 2^20 pi/2: fdlibm's medium case, good to 151 bits where cancellation requires it.
int reduce_medium(double x, DD& y)
{
    const double fn = (x * inv_pio2 + 0x1.8p52) - 0x1.8p52;  // round to nearest (even)
    const int ex = static_cast<int>((internal::bits_of(x) >> 52) & 0x7ff);
    double r = x - fn * pio2_1;
    double w = fn * pio2_1t;
    y.hi = r - w;
    if (ex - static_cast<int>((internal::bits_of(y.hi) >> 52) & 0x7ff) > 16)
    {
        double t = r;
        w = fn * pio2_2;
        r = t - w;
        w = fn * pio2_2t - ((t - r) - w);
        y.hi = r - w;
        if (ex - static_cast<int>((internal::bits_of(y.hi) >> 52) & 0x7ff) > 49)
        {
            t = r;
            w = fn * pio2_3;
            r = t - w;
            w = fn * pio2_3t - ((t - r) - w);
            y.hi = r - w;
        }
    }
    y.lo = (r - y.hi) - w;
    return static_cast<int>(fn);
}

// Finite x >= 2^20 pi/2: x * 2/pi computed exactly on 24-bit limbs (Payne & Hanek 1983).
// x = M 2^e with a 53-bit integer M; chunks of 2/pi whose products with x are multiples of 8
// are skipped, and 9 chunks (216 bits) after them leave > 130 correct fraction bits.
int reduce_large(double x, DD& y)
{
    const std::uint64_t u = internal::bits_of(x);
    const std::uint64_t mant = (u & 0xfffffffffffffull) | (1ull << 52);
    const int e = static_cast<int>(u >> 52) - 1075;  // x = mant * 2^e, e >= -32
    constexpr int nc = 9;
    int j0 = e > 3 ? (e - 3) / 24 : 0;
    if (j0 > two_over_pi_chunks - nc)
        j0 = two_over_pi_chunks - nc;
    const std::uint64_t m[3] = {mant & 0xffffff, (mant >> 24) & 0xffffff, mant >> 48};
    // prod = mant * W, W = chunks j0..j0+nc-1 as an integer; limb i has weight 2^(24 i).
    std::uint64_t prod[nc + 4] = {};
    for (int j = 0; j < nc; ++j)
    {
        const std::uint64_t w = two_over_pi[j0 + nc - 1 - j];
        for (int i = 0; i < 3; ++i)
            prod[i + j] += m[i] * w;
    }
    for (int i = 0; i < nc + 3; ++i)
    {
        prod[i + 1] += prod[i] >> 24;
        prod[i] &= 0xffffff;
    }
    // x * 2/pi = prod * 2^-sh (mod 8): sh fraction bits, read as 24-bit windows fr[k] of
    // weight 2^(-24 (k + 1)) below the binary point.
    const int sh = 24 * (j0 + nc) - e;
    auto window = [&prod](int p)  // bits p .. p+23 of prod (zeros below bit 0)
    {
        if (p < 0)
            return p > -24 ? (prod[0] << -p) & 0xffffff : 0;
        const int li = p / 24;
        const int off = p % 24;
        return ((prod[li] >> off) | (prod[li + 1] << (24 - off))) & 0xffffff;
    };
    int n = static_cast<int>(window(sh) & 3);
    constexpr int nf = 11;  // ceil(max sh / 24)
    std::uint64_t fr[nf];
    for (int k = 0; k < nf; ++k)
        fr[k] = window(sh - 24 * (k + 1));
    // Round to the nearest quadrant in integer arithmetic: fraction >= 1/2 becomes
    // -(1 - fraction), exactly (two's complement), so no bits are lost to cancellation.
    const bool round_up = (fr[0] >> 23) != 0;
    if (round_up)
    {
        n += 1;
        std::uint64_t carry = 1;
        for (int k = nf - 1; k >= 0; --k)
        {
            fr[k] = (0xffffff - fr[k]) + carry;
            carry = fr[k] >> 24;
            fr[k] &= 0xffffff;
        }
    }
    DD f{0.0, 0.0};
    for (int k = 0; k < nf; ++k)  // most significant first: the sum is exact to ~2^-106
    {
        const DD s = internal::two_sum(f.hi, static_cast<double>(fr[k]) * internal::pow2i(-24 * (k + 1)));
        f = {s.hi, f.lo + s.lo};
    }
    f = internal::fast_two_sum(f.hi, f.lo);
    if (round_up)
        f = {-f.hi, -f.lo};
    y = internal::dd_mul(f, {pio2_hi, pio2_lo});
    return n;
}

// Quadrant (mod 4) and remainder of x; |y.hi| <= ~pi/4.
int reduce(double x, DD& y)
{
    const double a = std::fabs(x);
    const int n = a < 1647099.0 ? reduce_medium(a, y) : reduce_large(a, y);
    if (x < 0)
    {
        y = {-y.hi, -y.lo};
        return -n;
    }
    return n;
}

// fdlibm k_sin.c: sin(x + y) on |x| <= pi/4, |y| tiny.
double kernel_sin(double x, double y)
{
    constexpr double S1 = -1.66666666666666324348e-01;
    constexpr double S2 = 8.33333333332248946124e-03;
    constexpr double S3 = -1.98412698298579493134e-04;
    constexpr double S4 = 2.75573137070700676789e-06;
    constexpr double S5 = -2.50507602534068634195e-08;
    constexpr double S6 = 1.58969099521155010221e-10;
    const double z = x * x;
    const double w = z * z;
    const double r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
    const double v = z * x;
    return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

// fdlibm k_cos.c: cos(x + y) on |x| <= pi/4.
double kernel_cos(double x, double y)
{
    constexpr double C1 = 4.16666666666666019037e-02;
    constexpr double C2 = -1.38888888888741095749e-03;
    constexpr double C3 = 2.48015872894767294178e-05;
    constexpr double C4 = -2.75573143513906633035e-07;
    constexpr double C5 = 2.08757232129817482790e-09;
    constexpr double C6 = -1.13596475577881948265e-11;
    const double z = x * x;
    const double w = z * z;
    const double r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
    const double hz = 0.5 * z;
    const double c = 1.0 - hz;
    return c + (((1.0 - c) - hz) + (z * r - x * y));
}

// sin(x + offset * pi/2) for finite x.
double sin_quadrant(double x, int offset)
{
    if (std::fabs(x) <= 0.7853981633974483)
    {
        if (offset == 0)
            return x == 0.0 ? x : kernel_sin(x, 0.0);  // keeps -0
        return kernel_cos(x, 0.0);
    }
    DD y;
    const int n = (reduce(x, y) + offset) & 3;
    switch (n)
    {
    case 0: return kernel_sin(y.hi, y.lo);
    case 1: return kernel_cos(y.hi, y.lo);
    case 2: return -kernel_sin(y.hi, y.lo);
    default: return -kernel_cos(y.hi, y.lo);
    }
}

// fdlibm s_atan.c: atan(x) for finite x >= 0.
double atan_positive(double x)
{
    constexpr double atan_hi[] = {4.63647609000806093515e-01, 7.85398163397448278999e-01,
                                  9.82793723247329054082e-01, 1.57079632679489655800e+00};
    constexpr double atan_lo[] = {2.26987774529616870924e-17, 3.06161699786838301793e-17,
                                  1.39033110312309984516e-17, 6.12323399573676603587e-17};
    constexpr double aT[] = {3.33333333333329318027e-01, -1.99999999998764832476e-01,
                             1.42857142725034663711e-01, -1.11111104054623557880e-01,
                             9.09088713343650656196e-02, -7.69187620504482999495e-02,
                             6.66107313738753120669e-02, -5.83357013379057348645e-02,
                             4.97687799461593236017e-02, -3.65315727442169155270e-02,
                             1.62858201153657823623e-02};
    if (x >= 0x1p66)
        return atan_hi[3] + atan_lo[3];
    if (x < 0x1p-27)
        return x;
    int id = -1;
    if (x >= 0.4375)
    {
        if (x < 0.6875)
        {
            id = 0;
            x = (2.0 * x - 1.0) / (2.0 + x);
        }
        else if (x < 1.1875)
        {
            id = 1;
            x = (x - 1.0) / (x + 1.0);
        }
        else if (x < 2.4375)
        {
            id = 2;
            x = (x - 1.5) / (1.0 + 1.5 * x);
        }
        else
        {
            id = 3;
            x = -1.0 / x;
        }
    }
    const double z = x * x;
    const double w = z * z;
    const double s1 = z * (aT[0] + w * (aT[2] + w * (aT[4] + w * (aT[6] + w * (aT[8]
        + w * aT[10])))));
    const double s2 = w * (aT[1] + w * (aT[3] + w * (aT[5] + w * (aT[7] + w * aT[9]))));
    if (id < 0)
        return x - x * (s1 + s2);
    return atan_hi[id] - ((x * (s1 + s2) - atan_lo[id]) - x);
}

}  // namespace

double sin(double x)
{
    if (!std::isfinite(x))
        return x - x;  // nan for inf and nan
    return sin_quadrant(x, 0);
}

double cos(double x)
{
    if (!std::isfinite(x))
        return x - x;
    return sin_quadrant(x, 1);
}

double atan2(double y, double x)
{
    constexpr double pi = 3.1415926535897931160E+00;
    constexpr double pi_lo = 1.2246467991473531772E-16;
    if (x != x || y != y)
        return x + y;
    const bool yneg = std::signbit(y);
    const bool xneg = std::signbit(x);
    double z;
    if (y == 0.0)
        z = xneg ? pi : 0.0;  // atan2(+-0, -0 or x < 0) = +-pi
    else if (x == 0.0)
        z = pi / 2;
    else if (std::isinf(x))
        z = std::isinf(y) ? (xneg ? 3 * pi / 4 : pi / 4) : (xneg ? pi : 0.0);
    else if (std::isinf(y))
        z = pi / 2;
    else
    {
        const double ax = std::fabs(x);
        const double ay = std::fabs(y);
        // |y/x| < 2^-64 with x < 0 gives pi exactly; never form a subnormal quotient there.
        const double a = (xneg && ay < ax * 0x1p-64) ? 0.0 : atan_positive(ay / ax);
        z = xneg ? pi - (a - pi_lo) : a;
    }
    return yneg ? -z : z;
}

}  // namespace lrlab::detmath
