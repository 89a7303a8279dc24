// torch.optim.RMSprop (1.13, _single_tensor_rmsprop):
//   v = v * alpha + ((1 - alpha) * g) * g                       (square_avg; addcmul_)
//   centered: a = a * alpha + (1 - alpha) * g;  avg = sqrt(v + (-1 * a) * a)
//   else:     avg = sqrt(v)
//   avg = avg + eps            (eps outside the root, unlike TensorFlow)
//   momentum > 0: buf = buf * momentum + (1 * g) / avg;  p = p + (-lr) * buf
//   else:         p = p + ((-lr) * g) / avg
// State: slots[0] = square_avg, slots[1] = grad_avg, slots[2] = momentum_buffer, all always
// allocated (torch makes the last two only when centered / momentum > 0 at the first step).
#include <cmath>

#include "core/optim/optimizer_keys.hpp"
#include "core/optim/rule_state.hpp"

namespace lrlab
{
namespace
{

void rmsprop_step(const OptimizerConfig& c, ParamSet& grads, TransformState& s,
                  ParamSet& params, const StepContext& ctx)
{
    ++s.count;
    const double momentum = scheduled_momentum(c.momentum, ctx);
    const float alpha = static_cast<float>(c.alpha);
    const float one_minus_alpha = static_cast<float>(1.0 - c.alpha);
    const float eps = static_cast<float>(c.eps);
    const float mom = static_cast<float>(momentum);
    const float neg_lr = static_cast<float>(-ctx.lr);
    const float* g = grads.data();
    float* p = params.data();
    float* v = s.slots[0].data();
    float* a = s.slots[1].data();
    float* buf = s.slots[2].data();
    for (std::size_t i = 0; i < params.size(); ++i)
    {
        v[i] = v[i] * alpha + (one_minus_alpha * g[i]) * g[i];
        float avg;
        if (c.centered)
        {
            a[i] = a[i] * alpha + one_minus_alpha * g[i];
            avg = std::sqrt(v[i] + (-1.0f * a[i]) * a[i]);
        }
        else
            avg = std::sqrt(v[i]);
        avg = avg + eps;
        if (momentum > 0.0)
        {
            buf[i] = buf[i] * mom + g[i] / avg;
            p[i] = p[i] + neg_lr * buf[i];
        }
        else
            p[i] = p[i] + (neg_lr * g[i]) / avg;
    }
}

}  // namespace

OptimizerDescriptor rmsprop_descriptor()
{
    using namespace config_detail;
    using namespace optimizer_keys;
    using O = OptimizerConfig;
    OptimizerDescriptor d;
    d.type = "rmsprop";
    d.label = "RMSprop";
    d.doc = "torch.optim.RMSprop";
    d.keys = {lr(1e-2),
              key<O>("alpha", Kind::number, LRLAB_FIELD(O, alpha), 0.99, closed(0, 1),
                     "smoothing constant of the squared-gradient average"),
              eps(1e-8), coupled_weight_decay(), momentum(),
              key<O>("centered", Kind::boolean, LRLAB_FIELD(O, centered), false, any(),
                     "normalise by the estimated variance of the gradient")};
    d.momentum = MomentumSlot::momentum;
    d.decay = DecayStyle::coupled;
    d.state.slots = 3;
    d.state.scalars = 0;
    d.step = rmsprop_step;
    d.torch_class = "torch.optim.RMSprop";
    return d;
}

}  // namespace lrlab
