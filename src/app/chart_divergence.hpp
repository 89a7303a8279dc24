// Divergence on the charts: a marker where each diverged run blew up (on every chart), and its
// last steps' batch loss and gradient norm (train/divergence.hpp) as dotted lines, so that a run
// that diverges before its first evaluation still shows the growth instead of nothing.
#pragma once

#include <vector>

#include "app/chart.hpp"
#include "core/train/experiment.hpp"

namespace lrlab
{

// One per diverged run, at its diverged_at, in its colour.
std::vector<ChartMarker> divergence_markers(const Experiment& e);

// Per diverged run, its recent steps: the batch loss, or (grad_norm) the gradient norm.
// Drawn with dots, clipped to the plot, not widening the y range (a loss of 1e30 would flatten
// every other line).
std::vector<ChartSeries> divergence_series(const Experiment& e, bool grad_norm);

}  // namespace lrlab
