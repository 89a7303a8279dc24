// Internal helpers of detmath: bit access and double-double arithmetic (Dekker 1971, "A
// floating-point technique for extending the available precision"), built from + - * only, so
// that they are exact and identical on every IEEE-754 target without FMA.
#pragma once

#include <cstdint>
#include <cstring>

namespace lrlab::detmath::internal
{

inline std::uint64_t bits_of(double x)
{
    std::uint64_t u;
    std::memcpy(&u, &x, sizeof u);
    return u;
}

inline double double_of(std::uint64_t u)
{
    double x;
    std::memcpy(&x, &u, sizeof x);
    return x;
}

// 2^k for -1022 <= k <= 1023.
inline double pow2i(int k)
{
    return double_of(static_cast<std::uint64_t>(k + 1023) << 52);
}

// x * 2^k for k in [-2044, 2046], rounding once (into subnormals or to inf as IEEE does).
inline double scale_pow2(double x, int k)
{
    const int k1 = k / 2;
    return x * pow2i(k1) * pow2i(k - k1);
}

// round(v) for |v| < 2^51 without a libm call (floor is one on baseline x86-64): adding and
// subtracting 1.5 * 2^52 rounds to an integer, to nearest even, exactly as IEEE prescribes.
inline double round_int(double v)
{
    constexpr double shifter = 0x1.8p52;
    return (v + shifter) - shifter;
}

struct DD
{
    double hi;
    double lo;
};

// a + b exactly, for |a| >= |b| (or a == 0).
inline DD fast_two_sum(double a, double b)
{
    const double s = a + b;
    return {s, b - (s - a)};
}

// a + b exactly (Knuth's TwoSum).
inline DD two_sum(double a, double b)
{
    const double s = a + b;
    const double bb = s - a;
    return {s, (a - (s - bb)) + (b - bb)};
}

// Veltkamp split: a = hi + lo with 26-bit halves.
inline DD split(double a)
{
    const double c = 134217729.0 * a;  // 2^27 + 1
    const double hi = c - (c - a);
    return {hi, a - hi};
}

// a * b exactly (Dekker's TwoProduct), for |a|, |b| < 2^995.
inline DD two_prod(double a, double b)
{
    const double p = a * b;
    const DD as = split(a);
    const DD bs = split(b);
    const double err = ((as.hi * bs.hi - p) + as.hi * bs.lo + as.lo * bs.hi) + as.lo * bs.lo;
    return {p, err};
}

inline DD dd_add(DD a, DD b)
{
    const DD s = two_sum(a.hi, b.hi);
    return fast_two_sum(s.hi, s.lo + (a.lo + b.lo));
}

inline DD dd_mul(DD a, DD b)
{
    const DD p = two_prod(a.hi, b.hi);
    return fast_two_sum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

}  // namespace lrlab::detmath::internal
