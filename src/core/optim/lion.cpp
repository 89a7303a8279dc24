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

// Lion is not in torch: the exported script defines it (the parity fixtures' reference,
// tests/parity/gen_fixtures.py, with torch.optim's conventions: no grad, no update).
const char* const lion_torch_source = R"py(class Lion(torch.optim.Optimizer):
    """Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms", Algorithm 2),
    which torch does not have: c = b1*m + (1-b1)*g; p *= 1 - lr*wd; p -= lr*sign(c);
    m = b2*m + (1-b2)*g."""

    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            lr, wd = group['lr'], group['weight_decay']
            b1, b2 = group['betas']
            for p in group['params']:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state['exp_avg'] = torch.zeros_like(p)
                m = state['exp_avg']
                c = m.mul(b1).add_(p.grad, alpha=1 - b1)
                p.mul_(1 - lr * wd)
                p.add_(torch.sign(c), alpha=-lr)
                m.mul_(b2).add_(p.grad, alpha=1 - b2)
)py";

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
    d.torch_class = "Lion";
    d.torch_source = lion_torch_source;
    return d;
}

}  // namespace lrlab
