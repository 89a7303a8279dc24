// The alias table: optimizer names -> chains of gradient transforms (optim/optimizers.cpp, from
// the descriptors of optim/descriptor.hpp), and the links (optim/clip.cpp, optim/weight_decay.cpp;
// the update rules are bound from their descriptors by make_rule).
#pragma once

#include <string>
#include <vector>

#include "core/config/config.hpp"
#include "core/optim/transform.hpp"

namespace lrlab
{

// A thin view of the optimizer descriptors (optim/descriptor.hpp), kept for the front ends.
struct OptimizerInfo
{
    const char* type;
    const char* label;          // for UI combo boxes
    bool has_momentum;          // cycle_momentum drives its `momentum` (sgd, rmsprop)
    bool has_betas;             // cycle_momentum drives its betas[0] (adam family, lion)
};
const std::vector<OptimizerInfo>& optimizer_registry();
const OptimizerInfo* find_optimizer(const std::string& type);

// clip -> weight decay (coupled or decoupled, as the type defines) -> update rule.
// The config must be valid.
Optimizer make_optimizer(const OptimizerConfig& opt, const ClipConfig& clip);

// The clip types (a thin view of optim/clip.hpp's descriptors), for UI combo boxes.
struct ClipInfo
{
    const char* type;
    const char* label;
};
const std::vector<ClipInfo>& clip_registry();
const ClipInfo* find_clip(const std::string& type);

// Links
GradientTransform make_clip(const ClipConfig& c);          // optim/clip.cpp; identity for "none"
GradientTransform add_coupled_weight_decay(double wd);      // g += wd * p      (torch: grad.add(p, alpha=wd))
GradientTransform add_decoupled_weight_decay(double wd);    // p *= 1 - lr * wd (torch AdamW, Lion)

}  // namespace lrlab
