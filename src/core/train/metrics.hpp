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
    bool has_accuracy = false;      // false for regression (empty columns; also empty next to
                                    // a non-finite loss)
    double train_acc = 0.0;
    double test_acc = 0.0;
    bool has_grad = false;          // false at step 0 (empty columns)
    double grad_norm = 0.0;         // of the last step's whole gradient, before clipping
    double clipped_grad_norm = 0.0; // the same after clipping
    bool diverged = false;
};

// What a column holds, which decides how each writer spells it (metrics_writer.hpp).
enum class MetricKind
{
    count,  // an integer (step)
    real,   // a double; may be absent (empty in CSV, null in JSON) or non-finite
    flag    // a boolean (diverged): 1/0 in CSV, true/false in JSON
};

// One cell of a row, as read by a column.
struct MetricCell
{
    bool present = true;      // false: the column is empty for this row
    double real = 0.0;        // MetricKind::real
    std::int64_t count = 0;   // MetricKind::count
    bool flag = false;        // MetricKind::flag
};

// A value column of the table (every column but `run`, which is the run's name). The one list
// every writer walks, so that a new column is added here once.
struct MetricColumn
{
    const char* name;
    MetricKind kind;
    MetricCell (*read)(const MetricsRow&);
};

// The value columns, in the order of `lrlab run`'s CSV, after `run`.
const std::vector<MetricColumn>& metric_value_columns();

// The column names, in order (the CSV header of `lrlab run`): "run", then the value columns.
const std::vector<std::string>& metrics_columns();

}  // namespace lrlab
