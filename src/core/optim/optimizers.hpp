// The alias table: optimizer names -> chains of gradient transforms (optim/optimizers.cpp), and the
// links themselves (optim/clip.cpp, optim/weight_decay.cpp, optim/*.cpp).
#pragma once

#include <string>
#include <vector>

#include "core/config/config.hpp"
#include "core/optim/transform.hpp"

namespace lrlab
{

struct OptimizerInfo
{
    const char* type;
    const char* label;          // for UI combo boxes
    bool has_momentum;          // takes `momentum` (sgd, rmsprop)
    bool has_betas;             // takes `betas` (adam family, lion)
};
const std::vector<OptimizerInfo>& optimizer_registry();
const OptimizerInfo* find_optimizer(const std::string& type);

// clip -> weight decay (coupled or decoupled, as the type defines) -> update rule.
// The config must be valid.
Optimizer make_optimizer(const OptimizerConfig& opt, const ClipConfig& clip);

// Links
GradientTransform make_clip(const ClipConfig& c);          // optim/clip.cpp; identity for "none"
GradientTransform add_coupled_weight_decay(double wd);      // g += wd * p      (torch: grad.add(p, alpha=wd))
GradientTransform add_decoupled_weight_decay(double wd);    // p *= 1 - lr * wd (torch AdamW, Lion)
GradientTransform sgd_rule(const OptimizerConfig& c);       // optim/sgd.cpp
GradientTransform adagrad_rule(const OptimizerConfig& c);   // optim/adagrad.cpp
GradientTransform rmsprop_rule(const OptimizerConfig& c);   // optim/rmsprop.cpp
GradientTransform adadelta_rule(const OptimizerConfig& c);  // optim/adadelta.cpp
GradientTransform adam_rule(const OptimizerConfig& c);      // optim/adam.cpp (adam and adamw)
GradientTransform adamax_rule(const OptimizerConfig& c);    // optim/adamax.cpp
GradientTransform nadam_rule(const OptimizerConfig& c);     // optim/nadam.cpp
GradientTransform radam_rule(const OptimizerConfig& c);     // optim/radam.cpp
GradientTransform lion_rule(const OptimizerConfig& c);      // optim/lion.cpp

}  // namespace lrlab
