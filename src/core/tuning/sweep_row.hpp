// One row of `lrlab sweep`'s CSV (DESIGN.md, "Choosing the LR"), its text, and training the
// cell that fills it.
//
// Every number is read from the cell's own evaluation rows, exactly as `lrlab run` of the cell's
// config prints them: the final row's train and test loss and test accuracy, the lowest test loss
// of any evaluation and its step, the first evaluated step whose test loss is <= the target, and
// the final row's divergence flag.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/config/config.hpp"
#include "core/train/metrics.hpp"

namespace lrlab
{

struct SweepRow
{
    std::int64_t cell = 0;
    std::string optimizer;
    double lr = 0.0;
    std::string params;                 // "PATH=VALUE;..." or ""
    double final_train_loss = 0.0;
    double final_test_loss = 0.0;
    double best_test_loss = 0.0;        // lowest finite test loss; nan if none was finite
    std::optional<std::int64_t> best_step;
    std::optional<double> final_test_acc;         // none for regression
    std::optional<std::int64_t> steps_to_target;  // none if never reached, or no target
    bool diverged = false;
};

// The CSV header (the contract's columns, in order), without the line break.
const std::string& sweep_csv_header();

// The row as one CSV line (RFC 4180 fields, floats that round-trip), without the line break.
std::string sweep_csv_line(const SweepRow& row);

// Reads a line written by sweep_csv_line back (merge, --best-json of merged shards). False with
// a message naming the column when a field is not what that column holds.
bool parse_sweep_csv_line(const std::string& line, SweepRow& row, std::string& error);

// The metric columns of a row from a run's evaluation rows (history must not be empty).
void fill_sweep_metrics(const std::vector<MetricsRow>& history,
                        std::optional<double> target_loss, SweepRow& row);

// Trains the cell's config (one run, from parse_config) for train.steps, evaluating as `lrlab
// run` does, and fills the row's metric columns.
void train_sweep_cell(const Config& cell_config, std::optional<double> target_loss,
                      SweepRow& row);

}  // namespace lrlab
