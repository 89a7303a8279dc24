// The multilayer perceptron: dense layers with one activation, and an output layer chosen by
// the task (model/losses.hpp). All buffers are preallocated in a Workspace: a training step does not
// allocate.
//
// Parameter layout (ParamSet): w0 (n_in, h0), b0 (1, h0), w1 (h0, h1), b1 (1, h1), ...,
// w_last (h_last, n_out), b_last (1, n_out). PyTorch's nn.Linear stores weight as (out, in):
// ours is its transpose.
#pragma once

#include <cstddef>
#include <vector>

#include "core/model/activations.hpp"
#include "core/math/kernels.hpp"
#include "core/config/config.hpp"
#include "core/data/datasets.hpp"
#include "core/model/params.hpp"

namespace lrlab
{

struct Workspace
{
    std::size_t capacity = 0;       // max rows per call
    std::vector<Tensor> z;          // per layer pre-activations, (capacity, width)
    std::vector<Tensor> a;          // per hidden layer activations, (capacity, width)
    std::vector<Tensor> delta;      // per layer d(loss)/dz, (capacity, width)
    std::vector<Tensor> wt;         // per layer the transposed weights, (n_out, n_in)
};

class Mlp
{
public:
    Mlp(int inputs, const ModelConfig& m, int outputs, TaskKind task);

    int inputs() const { return sizes_.front(); }
    int outputs() const { return sizes_.back(); }
    TaskKind task() const { return task_; }
    const std::vector<int>& sizes() const { return sizes_; }  // inputs, hidden..., outputs

    ParamSet make_params() const;                 // the layout above, zeros
    void init_params(ParamSet& p) const;          // seeded xavier/he (model.init, init_seed)
    Workspace make_workspace(std::size_t capacity) const;

    // x: (n, inputs) row-major, y: (n). Writes grads = d(mean data loss)/d(params) and returns
    // the mean data loss (no penalty). n <= ws.capacity.
    double loss_and_grad(const ParamSet& p, const float* x, const float* y, std::size_t n,
                         Workspace& ws, ParamSet& grads) const;

    // Outputs (logits or values) for x: (n, inputs), returned as a pointer into ws.z.back():
    // (n, outputs). n <= ws.capacity.
    const float* forward(const ParamSet& p, const float* x, std::size_t n, Workspace& ws) const;

private:
    std::vector<int> sizes_;
    Activation activation_;
    float leaky_slope_;
    TaskKind task_;
    ModelConfig model_;
};

// Penalties on weights (not biases): l1 * sum|w| + l2 * 0.5 * sum w^2.
double penalty(const ParamSet& p, double l1, double l2);
// grads += d(penalty)/d(params); sign(0) = 0 as torch.sign.
void add_penalty_grad(const ParamSet& p, double l1, double l2, ParamSet& grads);

}  // namespace lrlab
