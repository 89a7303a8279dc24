// Keys that several optimizer types share, with PyTorch 1.13's names and docs. Ranges start from
// torch/optim/*.py's ValueError("Invalid ...") checks, tightened where a value would be
// meaningless (lr > 0, eps > 0, betas below 1).
#pragma once

#include "core/optim/descriptor.hpp"

namespace lrlab::optimizer_keys
{

OptimizerKey lr(double default_lr);
OptimizerKey eps(double default_eps);
OptimizerKey betas(double beta1, double beta2);
OptimizerKey momentum();
OptimizerKey amsgrad();
OptimizerKey coupled_weight_decay();                   // default 0, g += wd * p
OptimizerKey decoupled_weight_decay(double default_wd);  // p *= 1 - lr * wd

}  // namespace lrlab::optimizer_keys
