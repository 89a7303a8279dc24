// torch.optim.RAdam (1.13, _single_tensor_radam; Liu et al. 2020, "On the Variance of the
// Adaptive Learning Rate and Beyond"):
//   step += 1;  bc1 = 1 - b1^step;  bc2 = 1 - b2^step                     (Python doubles)
//   m = m * b1 + (1 - b1) * g;  v = v * b2 + ((1 - b2) * g) * g
//   m_hat = m / bc1
//   rho_inf = 2 / (1 - b2) - 1;  rho_t = rho_inf - 2 * step * b2^step / bc2
//   rho_t > 5: rect = sqrt((rho_t-4)(rho_t-2) rho_inf / ((rho_inf-4)(rho_inf-2) rho_t))
//              adaptive = (1 / (sqrt(v) + eps)) * sqrt(bc2)   (`float / tensor` is
//                                                             reciprocal() * float in torch)
//              p = p - ((m_hat * lr) * adaptive) * rect
//   else:      p = p - m_hat * lr
// State: slots[0] = exp_avg, slots[1] = exp_avg_sq; count = step.
#include <cmath>

#include "core/math/detmath.hpp"
#include "core/optim/optimizer_keys.hpp"
#include "core/optim/rule_state.hpp"

namespace lrlab
{
namespace
{

// The variance rectification term, or 0 when torch takes the un-adapted branch (rho_t <= 5).
double rectification(double beta2, double step, double bias_correction2)
{
    const double rho_inf = 2.0 / (1.0 - beta2) - 1.0;
    const double rho_t = rho_inf - 2.0 * step * detmath::pow(beta2, step) / bias_correction2;
    if (!(rho_t > 5.0))
        return 0.0;
    return std::sqrt((rho_t - 4.0) * (rho_t - 2.0) * rho_inf /
                     ((rho_inf - 4.0) * (rho_inf - 2.0) * rho_t));
}

void radam_step(const OptimizerConfig& c, ParamSet& grads, TransformState& s, ParamSet& params,
                const StepContext& ctx)
{
    ++s.count;
    const double step = static_cast<double>(s.count);
    const double beta1 = scheduled_momentum(c.betas[0], ctx);
    const double beta2 = c.betas[1];
    const double bias_correction1 = 1.0 - detmath::pow(beta1, step);
    const double bias_correction2 = 1.0 - detmath::pow(beta2, step);
    const double rect = rectification(beta2, step, bias_correction2);
    const bool adaptive = rect > 0.0;
    const float rect_f = static_cast<float>(rect);
    const float bc1 = static_cast<float>(bias_correction1);
    const float bc2_sqrt = static_cast<float>(std::sqrt(bias_correction2));
    const float lr = static_cast<float>(ctx.lr);
    const float b1 = static_cast<float>(beta1);
    const float one_minus_b1 = static_cast<float>(1.0 - beta1);
    const float b2 = static_cast<float>(beta2);
    const float one_minus_b2 = static_cast<float>(1.0 - beta2);
    const float eps = static_cast<float>(c.eps);
    const float* g = grads.data();
    float* p = params.data();
    float* m = s.slots[0].data();
    float* v = s.slots[1].data();
    for (std::size_t i = 0; i < params.size(); ++i)
    {
        m[i] = m[i] * b1 + one_minus_b1 * g[i];
        v[i] = v[i] * b2 + (one_minus_b2 * g[i]) * g[i];
        const float m_hat = m[i] / bc1;
        if (adaptive)
        {
            const float adaptive_lr = (1.0f / (std::sqrt(v[i]) + eps)) * bc2_sqrt;
            p[i] = p[i] + -1.0f * (((m_hat * lr) * adaptive_lr) * rect_f);
        }
        else
            p[i] = p[i] + -1.0f * (m_hat * lr);
    }
}

}  // namespace

OptimizerDescriptor radam_descriptor()
{
    using namespace optimizer_keys;
    OptimizerDescriptor d;
    d.type = "radam";
    d.label = "RAdam";
    d.doc = "torch.optim.RAdam";
    d.keys = {lr(1e-3), betas(0.9, 0.999), eps(1e-8), coupled_weight_decay()};
    d.momentum = MomentumSlot::beta1;
    d.decay = DecayStyle::coupled;
    d.state.slots = 2;
    d.state.scalars = 0;
    d.step = radam_step;
    d.torch_class = "torch.optim.RAdam";
    return d;
}

}  // namespace lrlab
