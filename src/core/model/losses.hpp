// Output layers and their losses, PyTorch's numerics:
//   binary      one logit, sigmoid + BCE      (torch.nn.BCEWithLogitsLoss, mean)
//   multiclass  k logits, softmax + CE         (torch.nn.CrossEntropyLoss, mean)
//   regression  one linear output, MSE         (torch.nn.MSELoss, mean)
#pragma once

#include <cstddef>

#include "core/data/datasets.hpp"

namespace lrlab
{

// out: (n, k) model outputs (logits or values); y: (n) class index as float, or the target.
// Returns the sum of the per-sample losses, accumulated in double in sample order.
double loss_sum(TaskKind task, const float* out, const float* y, std::size_t n, std::size_t k);

// sum plus the per-sample losses of the n rows, added one at a time in sample order: loss_sum
// is add_losses from 0, so a set summed in consecutive pieces has the bits of one call. No
// per-sample loss is below 0 (BCE: (1 - y) x + max(-x, 0), which is max(-x, 0) or max(x, 0),
// plus the log of a sum >= 1; CE: the log of a sum >= exp(0) = 1 less row[label] - max <= 0;
// MSE: a square), and adding a value >= 0 never lowers a rounded sum, so a partial sum bounds
// the whole from below.
double add_losses(TaskKind task, const float* out, const float* y, std::size_t n, std::size_t k,
                  double sum);

// As loss_sum, and writes dout = d(sum / scale)/d(out), (n, k). Training passes scale = n
// (the batch mean, as PyTorch's reduction='mean').
double loss_sum_and_grad(TaskKind task, const float* out, const float* y, std::size_t n,
                         std::size_t k, float scale, float* dout);

// Number of samples classified right (argmax, or logit > 0 for binary); 0 for regression.
std::size_t count_correct(TaskKind task, const float* out, const float* y, std::size_t n,
                          std::size_t k);

// Turns outputs into what a person reads: probabilities (sigmoid / softmax) or values, in place.
void outputs_to_predictions(TaskKind task, float* out, std::size_t n, std::size_t k);

}  // namespace lrlab
