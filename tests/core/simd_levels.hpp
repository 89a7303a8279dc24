// The SIMD levels (math/simd.hpp) that the tests compare: every level this CPU and build
// support, lowest first, and a guard that restores the level in use.
#pragma once

#include <string>
#include <vector>

#include "core/math/simd.hpp"

namespace lrlab::testing
{

inline std::vector<SimdLevel> simd_levels()
{
    std::vector<SimdLevel> out = {SimdLevel::sse2};
    for (SimdLevel l : {SimdLevel::avx2, SimdLevel::avx512})
        if (l <= best_simd_level())
            out.push_back(l);
    return out;
}

// "sse2, avx2, avx512 (of sse2, avx2, avx512)": what a test compared, for its MESSAGE, so a
// log from a CPU without AVX-512 (or AVX2) says that those paths were not tested.
inline std::string simd_levels_tested()
{
    std::string s;
    for (SimdLevel l : simd_levels())
        s += (s.empty() ? "" : ", ") + std::string(simd_level_name(l));
    return "SIMD levels compared: " + s + " (of sse2, avx2, avx512)";
}

// Restores the level in use when a scope ends.
struct SimdLevelGuard
{
    SimdLevel saved = simd_level();
    ~SimdLevelGuard() { set_simd_level(saved); }
};

}  // namespace lrlab::testing
