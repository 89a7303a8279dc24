// Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"), as lion-pytorch and
// Optax's lion; its decoupled weight decay is the chain's add_decoupled_weight_decay link:
//   c = m * b1 + (1 - b1) * g
//   p = p + (-lr) * sign(c)            (sign(0) = 0; sign(NaN) = 0 as torch.sign on CPU)
//   m = m * b2 + (1 - b2) * g
// State: slots[0] = exp_avg (m); count = step.
#include "core/optim/optimizer_keys.hpp"
#include "core/optim/rule_state.hpp"

namespace lrlab
{
namespace
{

float sign(float x)
{
    return static_cast<float>((0.0f < x) - (x < 0.0f));
}

void lion_step(const OptimizerConfig& c, ParamSet& grads, TransformState& s, ParamSet& params,
               const StepContext& ctx)
{
    ++s.count;
    const double beta1 = scheduled_momentum(c.betas[0], ctx);
    const float b1 = static_cast<float>(beta1);
    const float one_minus_b1 = static_cast<float>(1.0 - beta1);
    const float b2 = static_cast<float>(c.betas[1]);
    const float one_minus_b2 = static_cast<float>(1.0 - c.betas[1]);
    const float neg_lr = static_cast<float>(-ctx.lr);
    const float* g = grads.data();
    float* p = params.data();
    float* m = s.slots[0].data();
    for (std::size_t i = 0; i < params.size(); ++i)
    {
        const float interpolated = m[i] * b1 + one_minus_b1 * g[i];
        p[i] = p[i] + neg_lr * sign(interpolated);
        m[i] = m[i] * b2 + one_minus_b2 * g[i];
    }
}

}  // namespace

OptimizerDescriptor lion_descriptor()
{
    using namespace optimizer_keys;
    OptimizerDescriptor d;
    d.type = "lion";
    d.label = "Lion";
    d.doc = "Lion (Chen et al. 2023)";
    d.keys = {lr(1e-4), betas(0.9, 0.99), decoupled_weight_decay(0.0)};
    d.momentum = MomentumSlot::beta1;
    d.decay = DecayStyle::decoupled;
    d.state.slots = 1;
    d.state.scalars = 0;
    d.step = lion_step;
    return d;
}

}  // namespace lrlab
