// ParamSet: the parameters of a model (or its gradients, or an optimizer slot) as one flat
// float32 buffer with a fixed list of tensor shapes — the C++ counterpart of Optax's pytree.
//
// Flat storage makes every elementwise optimizer rule one loop over all parameters, while the
// shape list keeps what per-tensor clipping (norm) and unit-wise clipping (agc) need.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/math/tensor.hpp"

namespace lrlab
{

enum class TensorKind
{
    weight,  // (n_in, n_out): a unit is an output column, its fan-in is the rows
    bias,    // (1, n_out)
    point    // a free vector (2-D test functions): every element is its own unit
};

struct TensorInfo
{
    std::string name;        // "w0", "b0", "w1", ... or "xy"
    TensorKind kind;
    std::size_t offset;      // first element in ParamSet::values
    std::size_t rows, cols;  // size = rows * cols
    std::size_t size() const { return rows * cols; }
};

struct ParamSet
{
    std::vector<TensorInfo> tensors;  // fixed order
    Vector values;                    // all tensors, one after another, row-major

    std::size_t size() const { return values.size(); }
    float* data() { return values.data(); }
    const float* data() const { return values.data(); }
    float* data(std::size_t t) { return values.data() + tensors[t].offset; }
    const float* data(std::size_t t) const { return values.data() + tensors[t].offset; }
};

// A ParamSet with the same layout, every value zero (or `fill`).
ParamSet zeros_like(const ParamSet& p, float fill = 0.0f);

// Appends a tensor of the given shape (values zero) to p's layout.
void add_tensor(ParamSet& p, const std::string& name, TensorKind kind, std::size_t rows,
                std::size_t cols);

// L2 norm of all values, accumulated in double in index order (deterministic).
double global_norm(const ParamSet& p);

// True when every value is finite.
bool all_finite(const ParamSet& p);

}  // namespace lrlab
