// One row of `lrlab sweep`'s CSV (DESIGN.md, "Choosing the LR") and its text, both ways.
// tuning/sweep_cell.hpp trains the cell that fills it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>


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

}  // namespace lrlab
