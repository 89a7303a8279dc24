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
    const SimdLevel capped = level == SimdLevel::avx2 ? best_simd_level() : SimdLevel::sse2;
    current().store(capped, std::memory_order_relaxed);
    return capped;
}

const char* simd_level_name(SimdLevel level)
{
    return level == SimdLevel::avx2 ? "avx2" : "sse2";
}

}  // namespace lrlab
