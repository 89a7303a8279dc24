// ParamSet helpers: layout construction and deterministic reductions (model/params.hpp).
#include "core/model/params.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace lrlab
{

ParamSet zeros_like(const ParamSet& p, float fill)
{
    ParamSet out;
    out.tensors = p.tensors;
    out.values = Vector(std::array<std::size_t, 1>{p.size()}, fill);
    return out;
}

void add_tensor(ParamSet& p, const std::string& name, TensorKind kind, std::size_t rows,
                std::size_t cols)
{
    const std::size_t offset = p.size();
    // xtensor's resize does not keep the contents: copy into a larger buffer.
    Vector grown(std::array<std::size_t, 1>{offset + rows * cols}, 0.0f);
    for (std::size_t i = 0; i < offset; ++i)
        grown(i) = p.values(i);
    p.values = std::move(grown);
    p.tensors.push_back(TensorInfo{name, kind, offset, rows, cols});
}

double global_norm(const ParamSet& p)
{
    // Double accumulation in index order: the same value on every platform and every call.
    double sum = 0.0;
    const float* v = p.data();
    for (std::size_t i = 0; i < p.size(); ++i)
    {
        const double x = v[i];
        sum += x * x;
    }
    return std::sqrt(sum);
}

bool all_finite(const ParamSet& p)
{
    // Every step asks this of every weight: a float is not finite when its exponent bits are all
    // ones. Or-ing a flag per value, without a branch, lets the compiler use vectors (this took
    // 5% of a W4 step with a branch per value).
    const float* v = p.data();
    const std::size_t n = p.size();
    constexpr std::uint32_t exponent = 0x7f800000u;
    std::uint32_t bad = 0;
    for (std::size_t i = 0; i < n; ++i)
    {
        std::uint32_t bits;
        std::memcpy(&bits, v + i, sizeof bits);
        bad |= (bits & exponent) == exponent;
    }
    return bad == 0;
}

}  // namespace lrlab
