// The process-wide vector width (math/simd.hpp).
#include "core/math/simd.hpp"

#include <atomic>

namespace lrlab
{
namespace
{

SimdLevel detect()
{
#if LRLAB_HAVE_AVX2_PATH
    __builtin_cpu_init();
#if LRLAB_HAVE_AVX512_PATH
    // __builtin_cpu_supports also checks that the OS saves the zmm state (XCR0).
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
        __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl"))
        return SimdLevel::avx512;
#endif
    if (__builtin_cpu_supports("avx2"))
        return SimdLevel::avx2;
#endif
    return SimdLevel::sse2;
}

std::atomic<SimdLevel>& current()
{
    static std::atomic<SimdLevel> level{best_simd_level()};
    return level;
}

}  // namespace

SimdLevel best_simd_level()
{
    static const SimdLevel best = detect();
    return best;
}

SimdLevel simd_level()
{
    return current().load(std::memory_order_relaxed);
}

SimdLevel set_simd_level(SimdLevel level)
{
    const SimdLevel best = best_simd_level();
    const SimdLevel capped = level > best ? best : level;
    current().store(capped, std::memory_order_relaxed);
    return capped;
}

const char* simd_level_name(SimdLevel level)
{
    switch (level)
    {
    case SimdLevel::avx512:
        return "avx512";
    case SimdLevel::avx2:
        return "avx2";
    case SimdLevel::sse2:
        break;
    }
    return "sse2";
}

}  // namespace lrlab
