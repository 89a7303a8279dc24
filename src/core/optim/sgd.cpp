// torch.optim.SGD (1.13, _single_tensor_sgd), weight decay done by the chain's coupled link:
//   if momentum != 0:
//       buf = clone(d_p)                                  first time (buf is None)
//       buf = buf * momentum + (1 - dampening) * d_p      afterwards
//       d_p = nesterov ? d_p + momentum * buf : buf
//   p = p + (-lr) * d_p
// State: slots[0] = momentum_buffer; scalars[0] = 1 once the buffer exists (torch's
// `buf is None`). With momentum 0 the buffer is neither made nor touched, as in torch.
#include "core/config/json.hpp"
#include "core/optim/optimizer_keys.hpp"
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

// torch.optim.SGD: "Nesterov momentum requires a momentum and zero dampening".
void check_nesterov(const OptimizerConfig& o, const std::string& path,
                    std::vector<ConfigError>& errors)
{
    if (o.nesterov && (o.momentum <= 0 || o.dampening != 0))
    {
        errors.push_back({config_detail::join(path, "nesterov"),
                          "nesterov requires momentum > 0 and dampening 0, got momentum " +
                              format_double(o.momentum) + ", dampening " +
                              format_double(o.dampening)});
    }
}

}  // namespace

OptimizerDescriptor sgd_descriptor()
{
    using namespace config_detail;
    using namespace optimizer_keys;
    using O = OptimizerConfig;
    OptimizerDescriptor d;
    d.type = "sgd";
    d.label = "SGD";
    d.doc = "torch.optim.SGD; lr 0.03 is TensorFlow Playground's";
    d.keys = {lr(0.03), momentum(),
              key<O>("dampening", Kind::number, LRLAB_FIELD(O, dampening), 0.0, closed(0, 1),
                     "dampening for momentum"),
              key<O>("nesterov", Kind::boolean, LRLAB_FIELD(O, nesterov), false, any(),
                     "Nesterov momentum; needs momentum > 0 and dampening 0"),
              coupled_weight_decay()};
    d.momentum = MomentumSlot::momentum;
    d.decay = DecayStyle::coupled;
    d.state.slots = 1;
    d.state.scalars = 1;
    d.check = check_nesterov;
    d.step = sgd_step;
    d.torch_class = "torch.optim.SGD";
    return d;
}

}  // namespace lrlab
