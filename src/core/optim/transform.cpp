// Running a chain of gradient transforms (optim/transform.hpp), as Optax's chain(): init every link,
// then apply the links in order on each step.
#include "core/optim/transform.hpp"

namespace lrlab
{

OptimizerState init(const Optimizer& opt, const ParamSet& params)
{
    OptimizerState state;
    state.links.reserve(opt.chain.size());
    for (const GradientTransform& link : opt.chain)
        state.links.push_back(link.init(params));
    return state;
}

void update(const Optimizer& opt, ParamSet& grads, OptimizerState& state, ParamSet& params,
            const StepContext& ctx)
{
    // The chain shape is fixed per optimizer type (optim/optimizers.cpp), so a state made by an
    // optimizer of the same type with other hyperparameters has one entry per link.
    const std::size_t n = opt.chain.size() < state.links.size() ? opt.chain.size()
                                                                : state.links.size();
    for (std::size_t i = 0; i < n; ++i)
        opt.chain[i].update(grads, state.links[i], params, ctx);
}

}  // namespace lrlab
