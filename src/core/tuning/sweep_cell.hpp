// Training one cell of a sweep and reading its row's numbers.
//
// Every number is the one `lrlab run` of the cell's config prints: the final evaluation's train
// and test loss and test accuracy and divergence flag, the lowest test loss of any evaluation and
// its step, and the first evaluated step whose test loss is <= --target-loss.
//
// Cost. Evaluating both sets every eval_every steps was about 70 % of a cell's time on the spiral
// (README, "Sweeps"), but before the last evaluation a sweep needs only test losses. So a cell
// trains its run itself and, at the evaluations in between, computes only the test loss, with
// Run::evaluate's own loop (the same chunks, hence the same sums and bits). The train loss there
// matters only through divergence (a non-finite loss marks the run diverged, DESIGN.md), so it
// is skipped only when it is provably finite: the weights bound every logit by 1e18 (layer by
// layer, |z| <= |a| sum|w| + |b|, tanh and sigmoid bounded by 1), and BCE with logits,
// log-softmax and the squared error of such logits (and of regression targets up to 1e18) are
// finite. Otherwise, at step 0 and at the last step the run evaluates itself in full. Once a
// run has diverged its weights are frozen, so its later evaluations repeat the same numbers:
// only the final one is computed. A run with mid-run changes or a reduce_on_plateau schedule
// (fed every test loss) trains through Experiment, evaluating in full.
//
// Nor does a cell need every test loss: one neither below the lowest so far nor, while no
// evaluation has reached the target, at or below it changes no column. Per-sample losses are
// never negative and are summed in sample order (model/losses.hpp), so a partial sum bounds the
// mean from below: the test pass stops once that bound shows the loss cannot matter, and the
// evaluation is dropped. Its rows go through the net in a few pieces, sized by the mean loss so
// far to reach that bound. On the 63-cell spiral sweep of the README, 59 % of the evaluations in
// between stop early (unstable runs at high LRs) and 21 % of the test rows are never forwarded.
#pragma once

#include <optional>
#include <vector>

#include "core/config/config.hpp"
#include "core/model/params.hpp"
#include "core/train/metrics.hpp"
#include "core/train/run.hpp"
#include "core/tuning/sweep_row.hpp"

namespace lrlab
{

// The metric columns of a row from a run's evaluations, in step order (not empty). Only `step`
// and `test_loss` of the rows before the last are read.
void fill_sweep_metrics(const std::vector<MetricsRow>& history,
                        std::optional<double> target_loss, SweepRow& row);

// Trains the cell's config (one run, from parse_config) for train.steps and fills the row's
// metric columns, as described above.
void train_sweep_cell(const Config& cell_config, std::optional<double> target_loss,
                      SweepRow& row);

// Whether the weights bound every logit of inputs with |x| <= input_bound by 1e18 (above).
bool sweep_logits_bounded(const ModelConfig& model, const ParamSet& p, double input_bound);

// The mean test loss of Run::evaluate, bit for bit, when it is below `useless_from`; nothing
// otherwise, often known before the whole set is forwarded (above). Expects logits bounded as
// sweep_logits_bounded checks, so that the loss is finite.
std::optional<double> sweep_test_loss(const Mlp& model, const ParamSet& p, const TrainingData& d,
                                      Workspace& ws, double useless_from);

// The same through Experiment, every evaluation in full: what the fast path is tested against.
void train_sweep_cell_reference(const Config& cell_config, std::optional<double> target_loss,
                                SweepRow& row);

}  // namespace lrlab
