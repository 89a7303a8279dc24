// One evaluation of one run: exactly the columns of `lrlab run` (DESIGN.md, "Evaluations and
// metrics"). Shared by the CLI writers, the page's charts and window.lrlab.metrics().
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lrlab
{

struct MetricsRow
{
    std::int64_t step = 0;          // optimizer steps done
    double epoch = 0.0;             // step * batch_size / n_train
    double lr = 0.0;                // the LR the next step will use
    double train_loss = 0.0;        // mean data loss over the train set (no penalty)
    double test_loss = 0.0;
    bool has_accuracy = false;      // false for regression (empty columns)
    double train_acc = 0.0;
    double test_acc = 0.0;
    bool has_grad = false;          // false at step 0 (empty columns)
    double grad_norm = 0.0;         // of the last step's whole gradient, before clipping
    double clipped_grad_norm = 0.0; // the same after clipping
    bool diverged = false;
};

// The column names, in order (the CSV header of `lrlab run`).
const std::vector<std::string>& metrics_columns();

}  // namespace lrlab
