// torch.optim.Adamax (1.13, _single_tensor_adamax; Kingma & Ba 2015, section 7):
//   step += 1
//   m = m * b1 + (1 - b1) * g                                   (exp_avg)
//   u = amax(u * b2, |g| + eps)                                 (exp_inf; NaN propagates)
//   clr = lr / (1 - b1^step)                                    (Python doubles)
//   p = p + ((-clr) * m) / u                                    (addcdiv_)
// State: slots[0] = exp_avg, slots[1] = exp_inf; count = step.
#include <cmath>

#include "core/math/detmath.hpp"
#include "core/optim/optimizer_keys.hpp"
#include "core/optim/rule_state.hpp"

namespace lrlab
{
namespace
{

void adamax_step(const OptimizerConfig& c, ParamSet& grads, TransformState& s, ParamSet& params,
                 const StepContext& ctx)
{
    ++s.count;
    const double step = static_cast<double>(s.count);
    const double beta1 = scheduled_momentum(c.betas[0], ctx);
    const double clr = ctx.lr / (1.0 - detmath::pow(beta1, step));
    const float neg_clr = static_cast<float>(-clr);
    const float b1 = static_cast<float>(beta1);
    const float one_minus_b1 = static_cast<float>(1.0 - beta1);
    const float b2 = static_cast<float>(c.betas[1]);
    const float eps = static_cast<float>(c.eps);
    const float* g = grads.data();
    float* p = params.data();
    float* m = s.slots[0].data();
    float* u = s.slots[1].data();
    for (std::size_t i = 0; i < params.size(); ++i)
    {
        m[i] = m[i] * b1 + one_minus_b1 * g[i];
        const float decayed = u[i] * b2;
        const float current = std::fabs(g[i]) + eps;
        if (std::isnan(decayed) || std::isnan(current))
            u[i] = decayed + current;
        else
            u[i] = decayed > current ? decayed : current;
        p[i] = p[i] + (neg_clr * m[i]) / u[i];
    }
}

}  // namespace

OptimizerDescriptor adamax_descriptor()
{
    using namespace optimizer_keys;
    OptimizerDescriptor d;
    d.type = "adamax";
    d.label = "Adamax";
    d.doc = "torch.optim.Adamax";
    d.keys = {lr(2e-3), betas(0.9, 0.999), eps(1e-8), coupled_weight_decay()};
    d.momentum = MomentumSlot::beta1;
    d.decay = DecayStyle::coupled;
    d.state.slots = 2;
    d.state.scalars = 0;
    d.step = adamax_step;
    d.torch_class = "torch.optim.Adamax";
    return d;
}

}  // namespace lrlab
