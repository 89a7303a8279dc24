// torch.optim.Adadelta (1.13, _single_tensor_adadelta; Zeiler 2012):
//   v = v * rho + ((1 - rho) * g) * g                           (square_avg)
//   std = sqrt(v + eps)
//   delta = (sqrt(u + eps) / std) * g                           (u = acc_delta)
//   u = u * rho + ((1 - rho) * delta) * delta
//   p = p + (-lr) * delta
// State: slots[0] = square_avg, slots[1] = acc_delta; count = step.
#include <cmath>

#include "core/optim/optimizer_keys.hpp"
#include "core/optim/rule_state.hpp"

namespace lrlab
{
namespace
{

void adadelta_step(const OptimizerConfig& c, ParamSet& grads, TransformState& s,
                   ParamSet& params, const StepContext& ctx)
{
    ++s.count;
    const float rho = static_cast<float>(c.rho);
    const float one_minus_rho = static_cast<float>(1.0 - c.rho);
    const float eps = static_cast<float>(c.eps);
    const float neg_lr = static_cast<float>(-ctx.lr);
    const float* g = grads.data();
    float* p = params.data();
    float* v = s.slots[0].data();
    float* u = s.slots[1].data();
    for (std::size_t i = 0; i < params.size(); ++i)
    {
        v[i] = v[i] * rho + (one_minus_rho * g[i]) * g[i];
        const float std_i = std::sqrt(v[i] + eps);
        const float delta = (std::sqrt(u[i] + eps) / std_i) * g[i];
        u[i] = u[i] * rho + (one_minus_rho * delta) * delta;
        p[i] = p[i] + neg_lr * delta;
    }
}

}  // namespace

OptimizerDescriptor adadelta_descriptor()
{
    using namespace config_detail;
    using namespace optimizer_keys;
    using O = OptimizerConfig;
    OptimizerDescriptor d;
    d.type = "adadelta";
    d.label = "Adadelta";
    d.doc = "torch.optim.Adadelta";
    d.keys = {lr(1.0),
              key<O>("rho", Kind::number, LRLAB_FIELD(O, rho), 0.9, closed(0, 1),
                     "decay rate of the squared-gradient and squared-update averages"),
              eps(1e-6), coupled_weight_decay()};
    d.momentum = MomentumSlot::none;
    d.decay = DecayStyle::coupled;
    d.state.slots = 2;
    d.state.scalars = 0;
    d.step = adadelta_step;
    d.torch_class = "torch.optim.Adadelta";
    return d;
}

}  // namespace lrlab
