// torch.optim.SGD (1.13, _single_tensor_sgd), weight decay done by the chain's coupled link:
//   if momentum != 0:
//       buf = clone(d_p)                                  first time (buf is None)
//       buf = buf * momentum + (1 - dampening) * d_p      afterwards
//       d_p = nesterov ? d_p + momentum * buf : buf
//   p = p + (-lr) * d_p
// State: slots[0] = momentum_buffer; scalars[0] = 1 once the buffer exists (torch's
// `buf is None`). With momentum 0 the buffer is neither made nor touched, as in torch.
#include "core/optim/optimizers.hpp"
#include "core/optim/rule_state.hpp"

namespace lrlab
{
namespace
{

void sgd_step(const OptimizerConfig& c, ParamSet& grads, TransformState& s, ParamSet& params,
              const StepContext& ctx)
{
    const double momentum = scheduled_momentum(c.momentum, ctx);
    float* g = grads.data();  // d_p
    float* p = params.data();
    float* buf = s.slots[0].data();
    const std::size_t n = params.size();
    const float neg_lr = static_cast<float>(-ctx.lr);
    ++s.count;
    if (momentum != 0.0)
    {
        const float mom = static_cast<float>(momentum);
        const float keep = static_cast<float>(1.0 - c.dampening);
        const bool exists = s.scalars[0] != 0.0;
        for (std::size_t i = 0; i < n; ++i)
        {
            buf[i] = exists ? buf[i] * mom + keep * g[i] : g[i];
            g[i] = c.nesterov ? g[i] + mom * buf[i] : buf[i];
        }
        s.scalars[0] = 1.0;
    }
    for (std::size_t i = 0; i < n; ++i)
        p[i] = p[i] + neg_lr * g[i];
}

}  // namespace

GradientTransform sgd_rule(const OptimizerConfig& c)
{
    GradientTransform t;
    t.name = "sgd";
    t.init = [](const ParamSet& params) { return rule_state(params, 1, 1); };
    t.update = [c](ParamSet& grads, TransformState& s, ParamSet& params, const StepContext& ctx)
    { sgd_step(c, grads, s, params, ctx); };
    return t;
}

}  // namespace lrlab
