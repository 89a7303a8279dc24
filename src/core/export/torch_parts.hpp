// The parts of an exported script (export/torch_script.cpp assembles them): the optimizer and
// the clipping from their descriptors (torch_optim.cpp), the placeholder model, its loss and
// the commented training loop (torch_training.cpp).
#pragma once

#include <string>
#include <vector>

#include "core/config/config.hpp"
#include "core/export/torch_schedule.hpp"

namespace lrlab::torch_parts
{

// def make_optimizer(params): torch.optim.* with lr and every argument not at its default.
std::string make_optimizer(const OptimizerConfig& o, const std::string& path,
                           std::vector<std::string>& sources, std::vector<ConfigError>& errors);

// def clip_gradients(parameters): clip_grad_norm_ / clip_grad_value_ / adaptive_clip_grad_.
std::string clip_gradients(const ClipConfig& c, const std::string& path,
                           std::vector<std::string>& sources, std::vector<ConfigError>& errors);

// def make_model(), def data_loss(out, y), def penalty(model), def placeholder_data(): the
// config's MLP shape, loss and L1/L2 penalty, and random data of its shape.
std::string model_and_data(const Config& c, std::size_t run);

// def train(model, batches, evaluate, steps=STEPS): lrlab's training step, commented.
std::string training_loop(const Config& c, std::size_t run, const TorchScheduler& s);

}  // namespace lrlab::torch_parts
