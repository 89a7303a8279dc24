// The MLP: forward and backward over preallocated buffers (see model/mlp.hpp for the layout).
#include "core/model/mlp.hpp"

#include <cmath>
#include <string>

#include "core/model/losses.hpp"
#include "core/math/rng.hpp"

namespace lrlab
{

Mlp::Mlp(int inputs, const ModelConfig& m, int outputs, TaskKind task)
    : activation_(find_activation(m.activation) ? find_activation(m.activation)->id
                                                : Activation::tanh),
      leaky_slope_(static_cast<float>(m.leaky_slope)),
      task_(task),
      model_(m)
{
    sizes_.push_back(inputs);
    for (int h : m.hidden)
        sizes_.push_back(h);
    sizes_.push_back(outputs);
}

ParamSet Mlp::make_params() const
{
    ParamSet p;
    for (std::size_t l = 0; l + 1 < sizes_.size(); ++l)
    {
        add_tensor(p, "w" + std::to_string(l), TensorKind::weight, sizes_[l], sizes_[l + 1]);
        add_tensor(p, "b" + std::to_string(l), TensorKind::bias, 1, sizes_[l + 1]);
    }
    return p;
}

namespace
{

std::string resolved_init(const ModelConfig& m)
{
    if (m.init != "auto")
        return m.init;
    const ActivationInfo* a = find_activation(m.activation);
    return a && a->relu_family ? "he_uniform" : "xavier_uniform";
}

// Glorot & Bengio (2010) and He et al. (2015), as torch.nn.init's xavier_* and kaiming_*
// (gain 1 for xavier, sqrt(2) for kaiming with nonlinearity='relu'). Biases start at zero.
float initial_weight(const std::string& init, Rng& rng, double fan_in, double fan_out)
{
    if (init == "xavier_normal")
        return static_cast<float>(rng.normal() * std::sqrt(2.0 / (fan_in + fan_out)));
    if (init == "he_uniform")
    {
        const double bound = std::sqrt(6.0 / fan_in);
        return static_cast<float>(rng.uniform(-bound, bound));
    }
    if (init == "he_normal")
        return static_cast<float>(rng.normal() * std::sqrt(2.0 / fan_in));
    const double bound = std::sqrt(6.0 / (fan_in + fan_out));  // xavier_uniform
    return static_cast<float>(rng.uniform(-bound, bound));
}

}  // namespace

void Mlp::init_params(ParamSet& p) const
{
    const std::string init = resolved_init(model_);
    Rng rng = Rng::stream(model_.init_seed, Stream::init);
    for (std::size_t t = 0; t < p.tensors.size(); ++t)
    {
        const TensorInfo& info = p.tensors[t];
        float* w = p.data(t);
        for (std::size_t i = 0; i < info.size(); ++i)
            w[i] = info.kind == TensorKind::weight
                       ? initial_weight(init, rng, double(info.rows), double(info.cols))
                       : 0.0f;
    }
}

Workspace Mlp::make_workspace(std::size_t capacity) const
{
    Workspace ws;
    ws.capacity = capacity;
    for (std::size_t l = 0; l + 1 < sizes_.size(); ++l)
    {
        const std::size_t width = static_cast<std::size_t>(sizes_[l + 1]);
        ws.z.push_back(Tensor::from_shape({capacity, width}));
        ws.delta.push_back(Tensor::from_shape({capacity, width}));
        ws.wt.push_back(Tensor::from_shape({width, static_cast<std::size_t>(sizes_[l])}));
        if (l + 2 < sizes_.size())
            ws.a.push_back(Tensor::from_shape({capacity, width}));
    }
    return ws;
}

const float* Mlp::forward(const ParamSet& p, const float* x, std::size_t n, Workspace& ws) const
{
    const float* in = x;
    const std::size_t layers = sizes_.size() - 1;
    for (std::size_t l = 0; l < layers; ++l)
    {
        const std::size_t rows = sizes_[l], cols = sizes_[l + 1];
        matmul_bias_into(in, p.data(2 * l), p.data(2 * l + 1), n, rows, cols, ws.z[l].data());
        if (l + 1 < layers)
        {
            activation_forward(activation_, leaky_slope_, ws.z[l].data(), ws.a[l].data(),
                               n * cols);
            in = ws.a[l].data();
        }
    }
    return ws.z.back().data();
}

double Mlp::loss_and_grad(const ParamSet& p, const float* x, const float* y, std::size_t n,
                          Workspace& ws, ParamSet& grads) const
{
    const float* out = forward(p, x, n, ws);
    const std::size_t layers = sizes_.size() - 1;
    const double loss = loss_sum_and_grad(task_, out, y, n, sizes_.back(), float(n),
                                          ws.delta.back().data());
    for (std::size_t l = layers; l-- > 0;)
    {
        const std::size_t rows = sizes_[l], cols = sizes_[l + 1];
        const float* in = l == 0 ? x : ws.a[l - 1].data();
        matmul_at_b_into(in, ws.delta[l].data(), n, rows, cols, grads.data(2 * l));
        column_sums_into(ws.delta[l].data(), n, cols, grads.data(2 * l + 1));
        if (l == 0)
            break;
        // delta[l-1] = (delta[l] . W_l^T) * f'(z[l-1])
        transpose_into(p.data(2 * l), rows, cols, ws.wt[l].data());
        matmul_bias_into(ws.delta[l].data(), ws.wt[l].data(), nullptr, n, cols, rows,
                         ws.delta[l - 1].data());
        activation_backward(activation_, leaky_slope_, ws.z[l - 1].data(), ws.a[l - 1].data(),
                            ws.delta[l - 1].data(), n * rows);
    }
    return loss / double(n);
}

double penalty(const ParamSet& p, double l1, double l2)
{
    double sum_abs = 0.0, sum_sq = 0.0;
    for (std::size_t t = 0; t < p.tensors.size(); ++t)
    {
        if (p.tensors[t].kind != TensorKind::weight)
            continue;
        const float* w = p.data(t);
        for (std::size_t i = 0; i < p.tensors[t].size(); ++i)
        {
            sum_abs += std::fabs(double(w[i]));
            sum_sq += double(w[i]) * double(w[i]);
        }
    }
    return l1 * sum_abs + l2 * 0.5 * sum_sq;
}

void add_penalty_grad(const ParamSet& p, double l1, double l2, ParamSet& grads)
{
    if (l1 == 0.0 && l2 == 0.0)
        return;
    const float fl1 = static_cast<float>(l1), fl2 = static_cast<float>(l2);
    for (std::size_t t = 0; t < p.tensors.size(); ++t)
    {
        if (p.tensors[t].kind != TensorKind::weight)
            continue;
        const float* w = p.data(t);
        float* g = grads.data(t);
        for (std::size_t i = 0; i < p.tensors[t].size(); ++i)
        {
            const float sign = w[i] > 0.0f ? 1.0f : (w[i] < 0.0f ? -1.0f : 0.0f);
            g[i] = g[i] + (fl1 * sign + fl2 * w[i]);
        }
    }
}

}  // namespace lrlab
