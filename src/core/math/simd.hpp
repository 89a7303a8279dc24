// Which vector width the hot loops use (math/kernels.cpp, detmath's
// tanhf_array, the Adam and SGD updates). The choice changes speed only, never
// a bit of a result: every path computes each element with the same operations
// in the same order, lane by lane (math/kernels.hpp).
//
// sse2    128-bit vectors: SSE2 on x86-64 (its baseline), SIMD128 in
//         WebAssembly, scalar elsewhere.
// avx2    256-bit vectors on x86-64 CPUs that have AVX2.
// avx512  512-bit vectors on x86-64 CPUs that have AVX-512 F, DQ, BW and VL;
//         for shapes where 512 bits do not pay, the avx512 kernels take the
//         AVX2 blocks (math/kernels_avx512.cpp says where).
// avx2 and avx512 are chosen at run time (no -march=native: the binary runs on
// any x86-64). Never FMA: the build keeps -ffp-contract=off, the targets never
// name "fma" and no code here names an fma instruction, so a*b+c rounds twice
// on every path (AVX-512F has fma instructions of its own: only contraction
// would emit them, and -ffp-contract=off forbids it).
//
// The level is one process-wide setting (a dispatch table has no other sensible
// owner): it starts at the best the CPU supports; front ends may lower it
// (`LRLAB_SIMD=sse2|avx2|avx512`, read by the CLI), and the tests switch it to
// compare the paths. The levels are ordered: code that has an AVX2 path and no
// AVX-512 one should take the AVX2 path whenever simd_level() >= avx2.
#pragma once

// For the files that hold an AVX2 path: functions marked LRLAB_TARGET_AVX2 are
// compiled for AVX2 (GCC/Clang's target attribute: only those functions, so
// nothing else in the binary needs AVX2) and called only when simd_level() is
// avx2.
#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)  // never wasm
#define LRLAB_HAVE_AVX2_PATH 1
#define LRLAB_TARGET_AVX2 __attribute__((target("avx2")))
#else
#define LRLAB_HAVE_AVX2_PATH 0
#endif

// The same for AVX-512 (math/kernels_avx512.cpp, math/detmath_avx512.cpp: their
// target is "avx512f,avx512dq,avx512bw,avx512vl", spelled out in the pragmas,
// which take no macros), called only when simd_level() is avx512.
#if LRLAB_HAVE_AVX2_PATH
#define LRLAB_HAVE_AVX512_PATH 1
#else
#define LRLAB_HAVE_AVX512_PATH 0
#endif

namespace lrlab
{

enum class SimdLevel
{
    sse2,
    avx2,
    avx512
};

SimdLevel best_simd_level();  // what this CPU and build support
SimdLevel simd_level();       // the level in use
// Sets the level, capped at best_simd_level(); returns the level now in use.
SimdLevel set_simd_level(SimdLevel level);
const char* simd_level_name(SimdLevel level);  // "sse2", "avx2", "avx512"

}  // namespace lrlab

// The one dispatch of a hot loop that has a copy per level: calls avx512::FN, avx2::FN or
// base::FN (the 128-bit copy, the only one in wasm) with the arguments, by simd_level().
#if LRLAB_HAVE_AVX512_PATH
#define LRLAB_SIMD_CALL(FN, ...)                                                          \
    (::lrlab::simd_level() == ::lrlab::SimdLevel::avx512 ? avx512::FN(__VA_ARGS__)       \
     : ::lrlab::simd_level() == ::lrlab::SimdLevel::avx2 ? avx2::FN(__VA_ARGS__)         \
                                                         : base::FN(__VA_ARGS__))
#else
#define LRLAB_SIMD_CALL(FN, ...) base::FN(__VA_ARGS__)
#endif
