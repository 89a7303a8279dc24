// The optimizer alias table (Optax's alias.py), derived from the descriptors: each type is a
// fixed chain
//   clip -> coupled weight decay | decoupled weight decay -> update rule.
// The chain's shape depends only on the type, so a run whose hyperparameters change mid-way
// (including weight_decay to or from 0, or the clip type) keeps its state layout.
#include "core/optim/optimizers.hpp"

#include "core/optim/descriptor.hpp"
#include "core/optim/rule_state.hpp"

namespace lrlab
{

const std::vector<OptimizerDescriptor>& optimizer_descriptors()
{
#define LRLAB_LIST_OPTIMIZER(name) name##_descriptor(),
    static const std::vector<OptimizerDescriptor> list{LRLAB_OPTIMIZERS(LRLAB_LIST_OPTIMIZER)};
#undef LRLAB_LIST_OPTIMIZER
    return list;
}

const OptimizerDescriptor* find_optimizer_descriptor(const std::string& type)
{
    return find_by_name(optimizer_descriptors(), &OptimizerDescriptor::type, type);
}

OptimizerConfig optimizer_defaults(const std::string& type)
{
    OptimizerConfig c;
    c.type = type;
    if (const OptimizerDescriptor* d = find_optimizer_descriptor(type))
        config_detail::set_defaults(d->keys, config_detail::DefaultCtx{}, c);
    return c;
}

// Kept for the front ends: a thin view of the descriptors.
const std::vector<OptimizerInfo>& optimizer_registry()
{
    static const std::vector<OptimizerInfo> infos = []
    {
        std::vector<OptimizerInfo> out;
        for (const OptimizerDescriptor& d : optimizer_descriptors())
            out.push_back({d.type, d.label, d.momentum == MomentumSlot::momentum,
                           d.momentum == MomentumSlot::beta1});
        return out;
    }();
    return infos;
}

const OptimizerInfo* find_optimizer(const std::string& type)
{
    return find_by_name(optimizer_registry(), &OptimizerInfo::type, type);
}

GradientTransform make_rule(const OptimizerDescriptor& d, const OptimizerConfig& c)
{
    GradientTransform t;
    t.name = d.type;
    const RuleState shape = d.state;
    const float fill = shape.fill ? shape.fill(c) : 0.0f;
    t.init = [shape, fill](const ParamSet& params)
    {
        TransformState s = rule_state(params, shape.slots, shape.scalars, fill);
        if (shape.init_scalars)
            shape.init_scalars(s.scalars);
        return s;
    };
    const RuleStep step = d.step;
    t.update = [c, step](ParamSet& grads, TransformState& s, ParamSet& params,
                         const StepContext& ctx) { step(c, grads, s, params, ctx); };
    return t;
}

Optimizer make_optimizer(const OptimizerConfig& opt, const ClipConfig& clip)
{
    Optimizer o;
    o.chain.push_back(make_clip(clip));
    const OptimizerDescriptor* d = find_optimizer_descriptor(opt.type);
    if (!d)
        return o;  // an invalid config (the validator rejects it): clip only, params unchanged
    o.chain.push_back(d->decay == DecayStyle::decoupled
                          ? add_decoupled_weight_decay(opt.weight_decay)
                          : add_coupled_weight_decay(opt.weight_decay));
    o.chain.push_back(make_rule(*d, opt));
    return o;
}

}  // namespace lrlab
