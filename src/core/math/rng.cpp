// xoshiro256** (Blackman & Vigna 2018, "Scrambled linear pseudorandom number generators"),
// seeded by splitmix64 as its authors recommend. Integer arithmetic only, so the sequence is the
// same on every platform; uniform() and normal() are defined here, not by the standard library.
#include "core/math/rng.hpp"

#include <cmath>

#include "core/math/detmath.hpp"

namespace lrlab
{
namespace
{
constexpr std::uint64_t golden_gamma = 0x9e3779b97f4a7c15ull;

// splitmix64's output function (Steele, Lea & Flood 2014): a bijective 64-bit mixer.
std::uint64_t mix64(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}
}  // namespace

Rng::Rng(std::uint64_t seed)
{
    std::uint64_t state = seed;
    for (std::uint64_t& s : s_)
    {
        state += golden_gamma;
        s = mix64(state);
    }
    if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0)  // the one state xoshiro cannot leave
        s_[0] = golden_gamma;
}

Rng Rng::stream(std::uint64_t seed, Stream s, std::uint64_t index)
{
    // Each stage is a bijection of the previous key, so distinct (stream, index) pairs under one
    // seed give distinct generator seeds, and their sequences are unrelated.
    std::uint64_t key = mix64(seed + golden_gamma);
    key = mix64(key ^ (static_cast<std::uint64_t>(s) * 0xd1b54a32d192ed03ull));
    key = mix64(key + golden_gamma * (index + 1));
    return Rng(key);
}

std::uint64_t Rng::next_u64()
{
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

double Rng::uniform()
{
    return static_cast<double>(next_u64() >> 11) * 0x1p-53;
}

double Rng::uniform(double lo, double hi)
{
    return lo + (hi - lo) * uniform();
}

double Rng::normal()
{
    if (has_spare_)
    {
        has_spare_ = false;
        return spare_;
    }
    // Box-Muller: 1 - u is in (0, 1], so the log is finite.
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    const double r = std::sqrt(-2.0 * detmath::log(u1));
    const double theta = 6.283185307179586 * u2;
    spare_ = r * detmath::sin(theta);
    has_spare_ = true;
    return r * detmath::cos(theta);
}

std::uint64_t Rng::below(std::uint64_t n)
{
    if (n <= 1)
        return 0;
    // Rejection on the top bits: take the fewest bits that cover n - 1 (unbiased, < 2 draws
    // expected, 64-bit arithmetic only). n - 1 >= 1, so the count of leading zeros is defined.
    const int bits = 64 - __builtin_clzll(static_cast<unsigned long long>(n - 1));
    for (;;)
    {
        const std::uint64_t x = next_u64() >> (64 - bits);
        if (x < n)
            return x;
    }
}

void Rng::shuffle(std::uint32_t* idx, std::size_t n)
{
    for (std::size_t i = n; i > 1; --i)
    {
        const std::size_t j = static_cast<std::size_t>(below(i));
        const std::uint32_t t = idx[i - 1];
        idx[i - 1] = idx[j];
        idx[j] = t;
    }
}

}  // namespace lrlab
