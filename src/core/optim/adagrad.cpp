// torch.optim.Adagrad (1.13, _single_tensor_adagrad), dense gradients:
//   step += 1;  clr = lr / (1 + (step - 1) * lr_decay)          (Python doubles)
//   state_sum = state_sum + (1 * g) * g                          (addcmul_, value=1)
//   std = sqrt(state_sum) + eps
//   p = p + ((-clr) * g) / std                                   (addcdiv_)
// State: slots[0] = state_sum, filled with initial_accumulator_value at init; count = step.
#include <cmath>

#include "core/optim/optimizers.hpp"
#include "core/optim/rule_state.hpp"

namespace lrlab
{
namespace
{

void adagrad_step(const OptimizerConfig& c, ParamSet& grads, TransformState& s, ParamSet& params,
                  const StepContext& ctx)
{
    ++s.count;
    const double step = static_cast<double>(s.count);
    const double clr = ctx.lr / (1.0 + (step - 1.0) * c.lr_decay);
    const float neg_clr = static_cast<float>(-clr);
    const float eps = static_cast<float>(c.eps);
    const float* g = grads.data();
    float* p = params.data();
    float* sum = s.slots[0].data();
    for (std::size_t i = 0; i < params.size(); ++i)
    {
        sum[i] = sum[i] + g[i] * g[i];
        const float std_i = std::sqrt(sum[i]) + eps;
        p[i] = p[i] + (neg_clr * g[i]) / std_i;
    }
}

}  // namespace

GradientTransform adagrad_rule(const OptimizerConfig& c)
{
    GradientTransform t;
    t.name = "adagrad";
    const float fill = static_cast<float>(c.initial_accumulator_value);
    t.init = [fill](const ParamSet& params) { return rule_state(params, 1, 0, fill); };
    t.update = [c](ParamSet& grads, TransformState& s, ParamSet& params, const StepContext& ctx)
    { adagrad_step(c, grads, s, params, ctx); };
    return t;
}

}  // namespace lrlab
