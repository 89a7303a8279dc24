// The sweep's two views (panel_sweep.cpp), filled in as cells finish:
//   - the sensitivity chart: test loss (final or best) against the LR on a log axis, one curve
//     per optimizer (and --param values), diverged cells marked at the top edge, each curve's
//     best LR ringed and named;
//   - the heatmap: LR x (optimizer, params), the loss on a perceptual colormap with its
//     colorbar, diverged cells hatched, failed ones crossed in red, pending ones empty.
// Hovering a cell shows its numbers; clicking it adds it to the experiment as a run.
#pragma once

#include <cstdint>

#include <imgui.h>

#include "app/app_state.hpp"
#include "app/sweep_view.hpp"

namespace lrlab
{

void sweep_sensitivity_chart(AppState& app, const SweepGrid& grid, ImVec2 size);
void sweep_heatmap(AppState& app, const SweepGrid& grid, ImVec2 size);

// The hover readout of a cell (a tooltip, published as text:sweep.cell for the tests).
void sweep_cell_tooltip(AppState& app, std::int64_t cell);
// Adds the cell as a run of the page's experiment (its optimizer, LR and the --param values a
// run can hold), named after it; says what it did.
void add_sweep_cell_run(AppState& app, std::int64_t cell);

// The y range of the shown losses (finite ones), in log10: lo < hi.
bool sweep_loss_range(const SweepView& v, double& lo, double& hi);

}  // namespace lrlab
