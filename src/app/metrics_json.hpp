// Evaluation rows as the JS API returns them and as the page exports them: the columns of
// `lrlab run` (DESIGN.md), numbers as JSON numbers, null for empty or non-finite, `diverged` a
// boolean; CSV exactly as the CLI writes it. The rows themselves are core's one writer
// (core/train/metrics_writer.hpp); this file picks which rows the page's verbs return.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/train/experiment.hpp"

namespace lrlab
{

nlohmann::json metrics_row_json(const std::string& run, const MetricsRow& row);
// An array in run order of each run's latest evaluation.
nlohmann::json latest_metrics_json(const Experiment& e);
// {runName: [rows...]} for every evaluation so far.
nlohmann::json history_json(const Experiment& e);
// Every run's rows of evaluation `step` (runs without one are left out).
nlohmann::json metrics_at_json(const Experiment& e, std::int64_t step);
// The CSV of `lrlab run` for the evaluations so far: header, rows by step then by run.
std::string metrics_csv(const Experiment& e);

// JSON text that never throws (names with invalid UTF-8 are replaced, not fatal).
std::string dump_json(const nlohmann::json& j, int indent = -1);

}  // namespace lrlab
