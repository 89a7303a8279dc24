// The dense kernels must equal the plain index-order loops bit for bit (the determinism
// argument of math/kernels.hpp), for every blocking path (4- and 8-row blocks, single rows,
// two-vector and one-vector column blocks, 8-, 4-, 2- and 1-lane tails) and at every SIMD level
// this CPU has (SSE2 and, where present, AVX2 and AVX-512: math/simd.hpp), so the paths equal
// each other. The sizes reach every block of the widest path (16-float vectors, 8 x 2 blocks)
// and every tail after it.
#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

#include "core/math/kernels.hpp"
#include "core/math/rng.hpp"
#include "core/math/simd.hpp"
#include "../simd_levels.hpp"

using namespace lrlab;
using lrlab::testing::simd_levels;
using LevelGuard = lrlab::testing::SimdLevelGuard;

namespace
{
std::vector<float> random_values(std::size_t n, std::uint64_t seed)
{
    Rng rng(seed);
    std::vector<float> v(n);
    for (float& x : v)
        x = static_cast<float>(rng.uniform(-2.0, 2.0));
    for (std::size_t i = 0; i < n; i += 7)
        v[i] = -0.0f;  // a broadcast must keep the sign of zero
    return v;
}

bool same_bits(const std::vector<float>& a, const std::vector<float>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}
}  // namespace

TEST_CASE("matmul_bias_into equals the index-order loop bit for bit")
{
    LevelGuard guard;
    MESSAGE(lrlab::testing::simd_levels_tested());
    for (SimdLevel level : simd_levels())
        for (std::size_t n : {1, 2, 3, 7, 9, 13, 17})
            for (std::size_t rows : {1, 2, 5, 64})
                for (std::size_t cols : {1, 2, 3, 4, 5, 8, 10, 16, 21, 33, 40, 77})
                {
                    set_simd_level(level);
                    const std::string level_name = simd_level_name(level);
                    CAPTURE(level_name);
                    const auto x = random_values(n * rows, 1), w = random_values(rows * cols, 2),
                               b = random_values(cols, 3);
                    for (bool with_bias : {true, false})
                    {
                        std::vector<float> out(n * cols), expected(n * cols);
                        matmul_bias_into(x.data(), w.data(), with_bias ? b.data() : nullptr, n,
                                         rows, cols, out.data());
                        for (std::size_t r = 0; r < n; ++r)
                            for (std::size_t j = 0; j < cols; ++j)
                            {
                                float acc = with_bias ? b[j] : 0.0f;
                                for (std::size_t k = 0; k < rows; ++k)
                                    acc = acc + x[r * rows + k] * w[k * cols + j];
                                expected[r * cols + j] = acc;
                            }
                        CAPTURE(n);
                        CAPTURE(rows);
                        CAPTURE(cols);
                        CHECK(same_bits(out, expected));
                    }
                }
}

TEST_CASE("matmul_at_b_into and column_sums_into equal the index-order loops")
{
    LevelGuard guard;
    MESSAGE(lrlab::testing::simd_levels_tested());
    for (SimdLevel level : simd_levels())
        for (std::size_t n : {1, 4, 9})
            for (std::size_t rows : {1, 3, 4, 8, 13, 17})
                for (std::size_t cols : {1, 2, 4, 6, 10, 17, 32, 40, 45, 70, 89})
                {
                    set_simd_level(level);
                    const std::string level_name = simd_level_name(level);
                    CAPTURE(level_name);
                    CAPTURE(rows);
                    CAPTURE(cols);
                    const auto a = random_values(n * rows, 4), d = random_values(n * cols, 5);
                    std::vector<float> out(rows * cols), expected(rows * cols);
                    matmul_at_b_into(a.data(), d.data(), n, rows, cols, out.data());
                    for (std::size_t k = 0; k < rows; ++k)
                        for (std::size_t j = 0; j < cols; ++j)
                        {
                            float acc = 0.0f;
                            for (std::size_t s = 0; s < n; ++s)
                                acc = acc + a[s * rows + k] * d[s * cols + j];
                            expected[k * cols + j] = acc;
                        }
                    CHECK(same_bits(out, expected));

                    std::vector<float> sums(cols), expected_sums(cols);
                    column_sums_into(d.data(), n, cols, sums.data());
                    for (std::size_t j = 0; j < cols; ++j)
                    {
                        float acc = 0.0f;
                        for (std::size_t s = 0; s < n; ++s)
                            acc = acc + d[s * cols + j];
                        expected_sums[j] = acc;
                    }
                    CHECK(same_bits(sums, expected_sums));
                }
}

TEST_CASE("transpose_into")
{
    const std::vector<float> w = {1, 2, 3, 4, 5, 6};  // (2, 3)
    std::vector<float> t(6);
    transpose_into(w.data(), 2, 3, t.data());
    CHECK(t == std::vector<float>{1, 4, 2, 5, 3, 6});
}

TEST_CASE("the SIMD level is capped at what the CPU has, and named")
{
    LevelGuard guard;
    const SimdLevel best = best_simd_level();
    CHECK(set_simd_level(SimdLevel::sse2) == SimdLevel::sse2);
    CHECK(simd_level() == SimdLevel::sse2);
    CHECK(set_simd_level(SimdLevel::avx2) == (best < SimdLevel::avx2 ? best : SimdLevel::avx2));
    CHECK(set_simd_level(SimdLevel::avx512) == best);
    CHECK(simd_level() == best);
    CHECK(std::string(simd_level_name(SimdLevel::avx512)) == "avx512");
    CHECK(std::string(simd_level_name(SimdLevel::avx2)) == "avx2");
    CHECK(std::string(simd_level_name(SimdLevel::sse2)) == "sse2");
    MESSAGE("best SIMD level of this CPU: " << std::string(simd_level_name(best)));
}
