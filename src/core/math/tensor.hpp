// The one include point of xtensor in lrlab (STYLE.md rule 7).
//
// Tensor is the only tensor type in core: fixed rank 2, float32, row-major. Weights are
// (n_in, n_out), biases (1, n_out), data batches (n, features).
#pragma once

#include <xtensor/xadapt.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

namespace lrlab
{
using Tensor = xt::xtensor<float, 2>;
using Vector = xt::xtensor<float, 1>;
}  // namespace lrlab
