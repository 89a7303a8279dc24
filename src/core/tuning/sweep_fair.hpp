// The "fair comparison" of a sweep (`--fair`, `--best-json FILE`): each optimizer compared at its
// own best LR on the grid rather than at one shared LR (the practice of Wilson et al. 2017,
// "The Marginal Value of Adaptive Gradient Methods", and Choi et al. 2019, "On Empirical
// Comparisons of Optimizers for Deep Learning": tune each optimizer's LR, then compare).
//
// Cells are grouped by optimizer and by the other settings (the `params` column), in the order
// the grid first reaches them; in each group the best cell is the one with the lowest
// final_test_loss among the cells that did not diverge and whose final test loss is finite (the
// lowest cell index wins a tie). The JSON written is
//   {"criterion": "final_test_loss", "best": [
//     {"optimizer": "adam", "params": "", "lr": 0.01, "cell": 12, "final_train_loss": ..,
//      "final_test_loss": .., "best_test_loss": .., "best_step": .., "final_test_acc": ..,
//      "steps_to_target": .., "diverged": false, "cells": 21, "diverged_cells": 3}, ...]}
// with null for empty columns and non-finite numbers; a group where every cell diverged has
// "lr": null, "cell": null, null metrics and a "note" saying so.
#pragma once

#include <string>
#include <vector>

#include "core/tuning/sweep_row.hpp"

namespace lrlab
{

struct FairBest
{
    std::string optimizer;
    std::string params;
    const SweepRow* best = nullptr;  // null: no cell qualified
    int cells = 0;
    int diverged_cells = 0;
};

// Rows in cell order; the result points into `rows`.
std::vector<FairBest> fair_best(const std::vector<SweepRow>& rows);

// The JSON text above (with a final line break).
std::string fair_best_json(const std::vector<FairBest>& best);

}  // namespace lrlab
