// torch.optim.NAdam (1.13, _single_tensor_nadam; Dozat 2016, with momentum decay):
//   step += 1;  bc2 = 1 - b2^step                                         (Python doubles)
//   mu = b1 * (1 - 0.5 * 0.96^(step * momentum_decay))
//   mu_next = b1 * (1 - 0.5 * 0.96^((step + 1) * momentum_decay))
//   mu_product = mu_product * mu;  mu_product_next = mu_product * mu * mu_next
//       (mu_product is a float32 0-dim tensor in 1.13, so both products round to float32;
//       mu_product_next multiplies the already updated mu_product by mu once more: a quirk of
//       1.13's single-tensor loop, whose foreach twin uses mu_product * mu_next, kept for parity)
//   m = m * b1 + (1 - b1) * g;  v = v * b2 + ((1 - b2) * g) * g
//   denom = sqrt(v / bc2) + eps
//   p = p + ((-lr * (1 - mu) / (1 - mu_product)) * g) / denom
//   p = p + ((-lr * mu_next / (1 - mu_product_next)) * m) / denom
// State: slots[0] = exp_avg, slots[1] = exp_avg_sq, scalars[0] = mu_product (a float32 value,
// starting at 1); count = step.
#include <cmath>

#include "core/math/detmath.hpp"
#include "core/optim/optimizer_keys.hpp"
#include "core/optim/rule_state.hpp"

namespace lrlab
{
namespace
{

void nadam_step(const OptimizerConfig& c, ParamSet& grads, TransformState& s, ParamSet& params,
                const StepContext& ctx)
{
    ++s.count;
    const double step = static_cast<double>(s.count);
    const double beta1 = scheduled_momentum(c.betas[0], ctx);
    const double beta2 = c.betas[1];
    const double bias_correction2 = 1.0 - detmath::pow(beta2, step);
    const double mu = beta1 * (1.0 - 0.5 * detmath::pow(0.96, step * c.momentum_decay));
    const double mu_next =
        beta1 * (1.0 - 0.5 * detmath::pow(0.96, (step + 1.0) * c.momentum_decay));
    const float mu_product = static_cast<float>(s.scalars[0]) * static_cast<float>(mu);
    const float mu_product_next =
        (mu_product * static_cast<float>(mu)) * static_cast<float>(mu_next);
    s.scalars[0] = mu_product;
    const float grad_coef = static_cast<float>(-ctx.lr * (1.0 - mu) / (1.0 - mu_product));
    const float avg_coef = static_cast<float>(-ctx.lr * mu_next / (1.0 - mu_product_next));
    const float b1 = static_cast<float>(beta1);
    const float one_minus_b1 = static_cast<float>(1.0 - beta1);
    const float b2 = static_cast<float>(beta2);
    const float one_minus_b2 = static_cast<float>(1.0 - beta2);
    const float bc2 = static_cast<float>(bias_correction2);
    const float eps = static_cast<float>(c.eps);
    const float* g = grads.data();
    float* p = params.data();
    float* m = s.slots[0].data();
    float* v = s.slots[1].data();
    for (std::size_t i = 0; i < params.size(); ++i)
    {
        m[i] = m[i] * b1 + one_minus_b1 * g[i];
        v[i] = v[i] * b2 + (one_minus_b2 * g[i]) * g[i];
        const float denom = std::sqrt(v[i] / bc2) + eps;
        p[i] = p[i] + (grad_coef * g[i]) / denom;
        p[i] = p[i] + (avg_coef * m[i]) / denom;
    }
}

}  // namespace

OptimizerDescriptor nadam_descriptor()
{
    using namespace config_detail;
    using namespace optimizer_keys;
    using O = OptimizerConfig;
    OptimizerDescriptor d;
    d.type = "nadam";
    d.label = "NAdam";
    d.doc = "torch.optim.NAdam";
    d.keys = {lr(2e-3), betas(0.9, 0.999), eps(1e-8), coupled_weight_decay(),
              key<O>("momentum_decay", Kind::number, LRLAB_FIELD(O, momentum_decay), 4e-3,
                     at_least(0), "psi of the momentum schedule (Dozat 2016)")};
    d.momentum = MomentumSlot::beta1;
    d.decay = DecayStyle::coupled;
    d.state.slots = 2;
    d.state.scalars = 1;
    d.state.init_scalars = [](std::vector<double>& s) { s[0] = 1.0; };  // torch: mu_product = 1
    d.step = nadam_step;
    d.torch_class = "torch.optim.NAdam";
    return d;
}

}  // namespace lrlab
