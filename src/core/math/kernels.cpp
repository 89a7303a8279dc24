// The dense kernels (math/kernels.hpp): 128-bit vectors everywhere (SSE2
// natively, SIMD128 in wasm), or the AVX2 or AVX-512 instantiation
// (math/kernels_avx2.cpp, math/kernels_avx512.cpp) when simd_level() says so.
// The blocks are in math/kernel_blocks.hpp, written once for every width; why
// the bits do not depend on the width is said there.
#include "core/math/kernels.hpp"

#include "core/math/kernel_paths.hpp"
#include "core/math/simd.hpp"

#define LRLAB_KERNEL_ISA base
#include "core/math/kernel_blocks.hpp"

namespace lrlab
{
namespace base
{
namespace kb = kernel_blocks::base;

void matmul_bias_into(const float* x, const float* w, const float* bias, std::size_t n,
                      std::size_t rows, std::size_t cols, float* out)
{
    kb::matmul_bias<kb::f32x4>(x, w, bias, n, rows, cols, out);
}

void matmul_at_b_into(const float* a, const float* d, std::size_t n, std::size_t rows,
                      std::size_t cols, float* out)
{
    kb::matmul_at_b<kb::f32x4>(a, d, n, rows, cols, out);
}

void column_sums_into(const float* d, std::size_t n, std::size_t cols, float* out)
{
    kb::column_sums<kb::f32x4>(d, n, cols, out);
}
}  // namespace base

void matmul_bias_into(const float* x, const float* w, const float* bias, std::size_t n,
                      std::size_t rows, std::size_t cols, float* out)
{
    LRLAB_SIMD_CALL(matmul_bias_into, x, w, bias, n, rows, cols, out);
}

void matmul_at_b_into(const float* a, const float* d, std::size_t n, std::size_t rows,
                      std::size_t cols, float* out)
{
    LRLAB_SIMD_CALL(matmul_at_b_into, a, d, n, rows, cols, out);
}

void column_sums_into(const float* d, std::size_t n, std::size_t cols, float* out)
{
    LRLAB_SIMD_CALL(column_sums_into, d, n, cols, out);
}

void transpose_into(const float* w, std::size_t rows, std::size_t cols, float* out)
{
    // The destination pointer stepped by hand (see forward_block: no strength reduction in
    // WebAssembly builds).
    for (std::size_t k = 0; k < rows; ++k, w += cols)
    {
        float* dst = out + k;
        for (std::size_t j = 0; j < cols; ++j, dst += rows)
            *dst = w[j];
    }
}

}  // namespace lrlab
