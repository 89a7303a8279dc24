// Floats by their bit patterns, for tests that must hold on every exponent and sign (NaN,
// infinities, subnormals and both zeros among them).
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

namespace lrlab::testing
{

// The floats whose bit patterns are 0, stride, 2 stride, ... below 2^32.
inline std::vector<float> every_nth_float_pattern(std::uint64_t stride)
{
    std::vector<float> out;
    out.reserve(static_cast<std::size_t>((std::uint64_t(1) << 32) / stride + 1));
    for (std::uint64_t b = 0; b < (std::uint64_t(1) << 32); b += stride)
    {
        const auto bits = static_cast<std::uint32_t>(b);
        float v;
        std::memcpy(&v, &bits, sizeof v);
        out.push_back(v);
    }
    return out;
}

}  // namespace lrlab::testing
