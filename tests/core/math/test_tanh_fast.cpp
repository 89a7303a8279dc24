// tanhf_array's blocks (math/detmath_lanes.hpp tanh_block) keep a result only where they can
// certify that tanhf's formula rounds to the same float. The certificate rests on error bounds;
// these tests check its conclusion against the formula by lanes (tanh_reference_block): on every
// non-negative float below 512 (above 300 the block writes 1, tanhf's float from 10 on) and on
// sampled bit patterns (negatives, NaNs, infinities) at every level. All 2^32 bit patterns at
// every level take about 100 s natively:
//     build/lrlab_tests -tc='*every bit pattern*' --no-skip
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/math/detmath.hpp"
#include "core/math/simd.hpp"
#include "../float_patterns.hpp"
#include "../simd_levels.hpp"

#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wpsabi"  // the lanes never cross a call (always inlined)
#endif

#define LRLAB_KERNEL_ISA tanh_reference
#include "core/math/detmath_lanes.hpp"

namespace
{
using namespace lrlab;
namespace reference = lrlab::detmath::lanes::tanh_reference;

// The formula by lanes over an array: 128-bit blocks of 16 lanes, then the scalar tanhf (the
// same operations, so the same bits: the test case "the reference blocks equal tanhf" checks it).
void tanh_reference_array(const float* x, float* out, std::size_t n)
{
    std::size_t i = 0;
    for (; i + 16 <= n; i += 16)
        reference::tanh_reference_block<16>(x + i, out + i);
    for (; i < n; ++i)
        out[i] = detmath::tanhf(x[i]);
}

std::string hex(float v)
{
    char text[32];
    std::snprintf(text, sizeof text, "%a", static_cast<double>(v));
    return text;
}

// Compares tanhf_array with the formula by lanes on the bit patterns first, first + step, ... below end,
// in chunks; returns how many differ and fills `example` with the first.
std::uint64_t differing_patterns(std::uint64_t first, std::uint64_t end, std::uint64_t step,
                                 std::string& example)
{
    constexpr std::size_t chunk = 1 << 16;
    std::vector<float> x(chunk), fast(chunk), slow(chunk);
    std::uint64_t differing = 0;
    for (std::uint64_t start = first; start < end; start += chunk * step)
    {
        std::size_t n = 0;
        for (std::uint64_t u = start; n < chunk && u < end; u += step, ++n)
        {
            const auto bits = static_cast<std::uint32_t>(u);
            std::memcpy(&x[n], &bits, sizeof bits);
        }
        detmath::tanhf_array(x.data(), fast.data(), n);
        tanh_reference_array(x.data(), slow.data(), n);
        if (std::memcmp(fast.data(), slow.data(), n * sizeof(float)) == 0)
            continue;
        for (std::size_t i = 0; i < n; ++i)
            if (std::memcmp(&fast[i], &slow[i], sizeof(float)) != 0 && differing++ == 0)
                example = hex(x[i]) + ": " + hex(fast[i]) + " instead of " + hex(slow[i]);
    }
    return differing;
}

constexpr std::uint64_t bits_of_512 = 0x44000000;  // 512.0f

}  // namespace

TEST_CASE("tanhf_array's fast path: every float from 0 to 512 at the best SIMD level, every 256th "
          "bit pattern at every level")
{
    const lrlab::testing::SimdLevelGuard guard;
    MESSAGE(lrlab::testing::simd_levels_tested());
    std::string example;
    CHECK_MESSAGE(differing_patterns(0, bits_of_512, 1, example) == 0, example);
    for (SimdLevel level : lrlab::testing::simd_levels())
    {
        set_simd_level(level);
        const std::string level_name = simd_level_name(level);
        CAPTURE(level_name);
        // Odd offsets put negative floats, NaNs and infinities in every lane position.
        CHECK_MESSAGE(differing_patterns(0, 1ull << 32, 256, example) == 0, example);
        CHECK_MESSAGE(differing_patterns(37, 1ull << 32, 256, example) == 0, example);
    }
}

TEST_CASE("tanhf_array's fast path: the reference blocks equal tanhf on every 4099th bit pattern")
{
    const std::vector<float> x = lrlab::testing::every_nth_float_pattern(4099);
    std::vector<float> lanes(x.size()), scalar;
    for (const float v : x)
        scalar.push_back(detmath::tanhf(v));
    tanh_reference_array(x.data(), lanes.data(), x.size());
    CHECK(std::memcmp(lanes.data(), scalar.data(), x.size() * sizeof(float)) == 0);
}

TEST_CASE("tanhf_array's fast path: every bit pattern at every SIMD level" * doctest::skip())
{
    const lrlab::testing::SimdLevelGuard guard;
    MESSAGE(lrlab::testing::simd_levels_tested());
    for (SimdLevel level : lrlab::testing::simd_levels())
    {
        set_simd_level(level);
        const std::string level_name = simd_level_name(level);
        CAPTURE(level_name);
        std::string example;
        CHECK_MESSAGE(differing_patterns(0, 1ull << 32, 1, example) == 0, example);
    }
}
