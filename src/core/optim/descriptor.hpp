// One descriptor per optimizer type, in that type's own file (optim/<type>.cpp): its name, label,
// doc, keys, capabilities and update rule. Everything else is derived from the list
// (optim/optimizer_list.hpp): the validator's tables, make_optimizer, the registry and its
// OptimizerInfo flags, the typed descriptions of the page, the README's reference, the
// cycle_momentum check and the coverage tests. Optax's alias functions, one per optimizer.
#pragma once

#include <string>
#include <vector>

#include "core/config/key.hpp"
#include "core/optim/optimizer_list.hpp"
#include "core/optim/transform.hpp"

namespace lrlab
{

using OptimizerKey = config_detail::Key<OptimizerConfig>;

// What a cyclic/one_cycle schedule with cycle_momentum drives (torch writes it into the param
// group): group['momentum'] (sgd, rmsprop), group['betas'][0] (the Adam family, Lion) or nothing.
enum class MomentumSlot
{
    none,
    momentum,
    beta1
};

// How the chain applies weight_decay: coupled g += wd * p (torch's grad.add(p, alpha=wd)), or
// decoupled p *= 1 - lr * wd (torch AdamW, Lion).
enum class DecayStyle
{
    coupled,
    decoupled
};

// The rule's state, allocated once for every option (optim/transform.hpp): `slots` ParamSets
// shaped like the params, filled with `fill` (adagrad's initial_accumulator_value) or 0, and
// `scalars` doubles set by `init_scalars` (nadam's mu_product = 1) or 0.
struct RuleState
{
    std::size_t slots = 0;
    std::size_t scalars = 0;
    float (*fill)(const OptimizerConfig&) = nullptr;
    void (*init_scalars)(std::vector<double>&) = nullptr;
};

// One step of the update rule: grads (in/out) as the earlier links left them, params (in/out).
using RuleStep = void (*)(const OptimizerConfig& c, ParamSet& grads, TransformState& state,
                          ParamSet& params, const StepContext& ctx);

struct OptimizerDescriptor : config_detail::TypeDescriptor<OptimizerConfig>
{
    MomentumSlot momentum = MomentumSlot::none;
    DecayStyle decay = DecayStyle::coupled;
    RuleState state;
    RuleStep step = nullptr;
    // Checks that involve several keys (sgd: nesterov needs momentum); run on a config whose
    // keys are each valid. nullptr: none.
    void (*check)(const OptimizerConfig& c, const std::string& path,
                  std::vector<ConfigError>& errors) = nullptr;
    // The type in PyTorch, for `lrlab export-torch` (core/export/torch_script.hpp); the keys
    // are torch's argument names. torch_class is what the script constructs
    // ("torch.optim.Adam"); torch_source is the Python definition of that class where torch
    // has none (Lion), nullptr otherwise.
    const char* torch_class = "";
    const char* torch_source = nullptr;
};

#define LRLAB_DECLARE_OPTIMIZER(name) OptimizerDescriptor name##_descriptor();
LRLAB_OPTIMIZERS(LRLAB_DECLARE_OPTIMIZER)
#undef LRLAB_DECLARE_OPTIMIZER

// Every optimizer type, in the order of optim/optimizer_list.hpp (the page's and README's order).
const std::vector<OptimizerDescriptor>& optimizer_descriptors();
const OptimizerDescriptor* find_optimizer_descriptor(const std::string& type);

// An OptimizerConfig of `type` with every key at the type's default (torch's, or DESIGN.md's).
// The struct's own member initialisers are not defaults of any type.
OptimizerConfig optimizer_defaults(const std::string& type);

// The rule link of the chain: the descriptor's state and step bound to the config.
GradientTransform make_rule(const OptimizerDescriptor& d, const OptimizerConfig& c);

}  // namespace lrlab
