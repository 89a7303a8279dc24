// The one writer of evaluation rows (DESIGN.md, "Evaluations and metrics" and "CLI"): the CSV and
// JSONL of `lrlab run`, and the JSON rows of window.lrlab.metrics()/history() and postMessage.
// Every form walks metric_value_columns() (metrics.hpp), so the CLI, the page and its CSV export
// cannot disagree on a column, its order or its spelling.
//
// Spellings: numbers in their shortest round-trip form (format_double); CSV writes empty cells
// for absent values and nan, inf, -inf for non-finite ones; JSON cannot hold those, so it writes
// null; `diverged` is 1/0 in CSV and a boolean in JSON.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/train/experiment.hpp"
#include "core/train/metrics.hpp"

namespace lrlab
{

enum class MetricsFormat
{
    csv,   // RFC 4180, with a header line
    jsonl  // one JSON object per line, keys in column order
};

// "run,step,...,diverged\n"
std::string metrics_csv_header();
// One line (with its "\n") for `run`'s row.
std::string metrics_csv_row(const std::string& run, const MetricsRow& r);
std::string metrics_jsonl_row(const std::string& run, const MetricsRow& r);
// The same row as a JSON value (the page's API; nlohmann orders an object's keys by name).
nlohmann::json metrics_json_row(const std::string& run, const MetricsRow& r);

// Every evaluation so far of every run, as `lrlab run` prints it: rows ordered by step, then by
// run order (the CSV with its header).
std::string metrics_table(const Experiment& e, MetricsFormat format);

}  // namespace lrlab
