// Gradient transforms and optimizers (Optax's structure, PyTorch 1.13's numbers).
//
// An optimizer is a chain of links applied in order: clip -> coupled weight decay -> decoupled
// weight decay -> update rule. A link may rewrite the gradient (clip, coupled decay) or apply to
// the parameters (decoupled decay multiplies them, the rule adds its step). Unlike Optax, the
// rule consumes ctx.lr itself instead of a separate scale_by_learning_rate link: PyTorch folds
// the LR into its expressions (e.g. Adam's step_size = lr / bias_correction1) and a separate
// scaling rounds differently in the last bits, which the parity tests would see.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/model/params.hpp"

namespace lrlab
{

// Filled by the clip link of every chain (also for clip type "none").
struct StepReport
{
    double grad_norm = 0.0;          // L2 norm of the whole gradient before clipping
    double clipped_grad_norm = 0.0;  // the same after clipping
};

// What a link may read about this step (Optax's extra_args, made explicit).
struct StepContext
{
    std::int64_t step = 0;        // optimizer steps done before this one
    double lr = 0.0;              // the scheduled LR for this step
    bool has_momentum = false;    // a cyclic/one_cycle schedule with cycle_momentum drives
    double momentum = 0.0;        //   SGD's/RMSprop's momentum or the Adam family's beta1
    StepReport* report = nullptr; // may be null
};

// State of one link. The slot layout depends only on the optimizer type, never on its options,
// so that a hyperparameter changed mid-run keeps the state (e.g. switching amsgrad on).
struct TransformState
{
    std::int64_t count = 0;               // PyTorch's state['step']
    std::vector<ParamSet> slots;          // named in each rule's file (exp_avg, exp_avg_sq, ...)
    std::vector<double> scalars;          // e.g. nadam's mu_product, sgd's "buffer exists" flag
};

struct GradientTransform
{
    std::string name;
    std::function<TransformState(const ParamSet& params)> init;
    // grads: (in/out) the gradient as the previous links left it; params: (in/out)
    std::function<void(ParamSet& grads, TransformState& state, ParamSet& params,
                       const StepContext& ctx)>
        update;
};

struct Optimizer
{
    std::vector<GradientTransform> chain;
};

struct OptimizerState
{
    std::vector<TransformState> links;  // one per chain link
};

OptimizerState init(const Optimizer& opt, const ParamSet& params);

// One optimizer step: runs every link in order. grads is consumed (overwritten).
void update(const Optimizer& opt, ParamSet& grads, OptimizerState& state, ParamSet& params,
            const StepContext& ctx);

}  // namespace lrlab
