// torch.optim.Adagrad (1.13, _single_tensor_adagrad), dense gradients:
//   step += 1;  clr = lr / (1 + (step - 1) * lr_decay)          (Python doubles)
//   state_sum = state_sum + (1 * g) * g                          (addcmul_, value=1)
//   std = sqrt(state_sum) + eps
//   p = p + ((-clr) * g) / std                                   (addcdiv_)
// State: slots[0] = state_sum, filled with initial_accumulator_value at init; count = step.
#include <cmath>

#include "core/optim/optimizer_keys.hpp"
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

OptimizerDescriptor adagrad_descriptor()
{
    using namespace config_detail;
    using namespace optimizer_keys;
    using O = OptimizerConfig;
    OptimizerDescriptor d;
    d.type = "adagrad";
    d.label = "Adagrad";
    d.doc = "torch.optim.Adagrad";
    d.keys = {lr(1e-2),
              key<O>("lr_decay", Kind::number, LRLAB_FIELD(O, lr_decay), 0.0, at_least(0),
                     "lr / (1 + (t - 1) * lr_decay)"),
              coupled_weight_decay(),
              key<O>("initial_accumulator_value", Kind::number,
                     LRLAB_FIELD(O, initial_accumulator_value), 0.0, at_least(0),
                     "initial value of the sum of squared gradients"),
              eps(1e-10)};
    d.momentum = MomentumSlot::none;
    d.decay = DecayStyle::coupled;
    d.state.slots = 1;
    d.state.scalars = 0;
    d.state.fill = [](const O& c) { return static_cast<float>(c.initial_accumulator_value); };
    d.step = adagrad_step;
    d.torch_class = "torch.optim.Adagrad";
    return d;
}

}  // namespace lrlab
