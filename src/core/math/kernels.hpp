// The dense kernels of the MLP: the only place where lrlab multiplies matrices, kept behind
// these four functions so that they can be swapped for faster ones.
//
// Every output element is a sum in a fixed order (index order over the reduced dimension),
// vectorized across the independent output columns with 128-bit vectors (GCC/Clang vector
// extensions: SSE2 natively, SIMD128 in wasm). Lanes never mix, so the bits are the same in the
// scalar and vector paths, native and wasm.
#pragma once

#include <cstddef>

namespace lrlab
{

// out: (n, cols) = x: (n, rows) . w: (rows, cols) [+ bias: (1, cols) when non-null]
void matmul_bias_into(const float* x, const float* w, const float* bias, std::size_t n,
                      std::size_t rows, std::size_t cols, float* out);

// out: (rows, cols) = a^T . d, a: (n, rows), d: (n, cols)   (weight gradients; sum over n)
void matmul_at_b_into(const float* a, const float* d, std::size_t n, std::size_t rows,
                      std::size_t cols, float* out);

// out: (1, cols) = column sums of d: (n, cols)                (bias gradients)
void column_sums_into(const float* d, std::size_t n, std::size_t cols, float* out);

// out: (cols, rows) = w^T, w: (rows, cols)
void transpose_into(const float* w, std::size_t rows, std::size_t cols, float* out);

}  // namespace lrlab
