// Weight decay links. PyTorch 1.13 has two kinds:
// - coupled (L2 through the gradient), used by SGD, Adagrad, RMSprop, Adadelta, Adam, Adamax,
//   NAdam, RAdam: `grad = grad.add(param, alpha=weight_decay)`, i.e. g + wd * p in float32;
// - decoupled (Loshchilov & Hutter 2019), used by AdamW and by Lion: `param.mul_(1 - lr * wd)`,
//   the factor computed in double (Python floats) and applied as a float32.
// PyTorch skips both when weight_decay == 0, so a zero-decay link is an exact no-op; the link
// stays in the chain so that the state layout does not depend on the value.
#include "core/optim/optimizers.hpp"

namespace lrlab
{

GradientTransform add_coupled_weight_decay(double wd)
{
    GradientTransform t;
    t.name = "add_coupled_weight_decay";
    t.init = [](const ParamSet&) { return TransformState{}; };
    t.update = [wd](ParamSet& grads, TransformState&, ParamSet& params, const StepContext&)
    {
        if (wd == 0.0)
            return;
        const float alpha = static_cast<float>(wd);
        float* g = grads.data();
        const float* p = params.data();
        for (std::size_t i = 0; i < grads.size(); ++i)
            g[i] = g[i] + alpha * p[i];  // torch add(other, alpha): self + alpha * other
    };
    return t;
}

GradientTransform add_decoupled_weight_decay(double wd)
{
    GradientTransform t;
    t.name = "add_decoupled_weight_decay";
    t.init = [](const ParamSet&) { return TransformState{}; };
    t.update = [wd](ParamSet&, TransformState&, ParamSet& params, const StepContext& ctx)
    {
        if (wd == 0.0)
            return;
        const float factor = static_cast<float>(1.0 - ctx.lr * wd);
        float* p = params.data();
        for (std::size_t i = 0; i < params.size(); ++i)
            p[i] = p[i] * factor;
    };
    return t;
}

}  // namespace lrlab
