// The LR-finder and cross-validation panels' jobs on the page's worker pool (web/worker_pool.js,
// the sweep's): when the page has Web Workers, a panel's Run hands its job to the pool instead
// of stepping it in the frame loop, so the page never pays for training between frames and a
// CV uses every core. The cross-validation goes fold by fold (one `cv_fold` job per value and
// fold), the range test as one `lr_find` job (its iterations depend on each other); both are
// the worker_jobs.hpp functions, which compute what `lrlab cv` and `lrlab lr-find` print, so
// the panel shows the same numbers either way. Without Workers (or with ?workers=0) the panel
// keeps its per-frame chunks (step_tuning_panels).
//
// The bridge's job (web_tuning.hpp) is still started: it checks the options exactly as before
// and holds the page's one tuning slot (a script is refused meanwhile, cancelTuning() cancels
// it); it just is not stepped while the pool computes.
//   tuningPoolRow({epoch, index, row})      a cv_fold job's row
//   tuningPoolRow({epoch, index, rows})     part of the lr_find job's rows (in order)
//   tuningPoolRow({epoch, index, result})   the lr_find job's other keys: it is done
//   tuningPoolRow({epoch, index, error})    a job failed
// Answers of an older epoch (a cancelled run) are ignored.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/web_tuning.hpp"
#include "core/tuning/cross_validation.hpp"

namespace lrlab
{

struct AppState;

struct TuningPoolRun
{
    bool active = false;
    TuningOwner owner = TuningOwner::cv_panel;
    std::uint64_t epoch = 0;        // one per pool run: late answers of a cancelled one are dropped
    std::size_t total = 0, done = 0;  // jobs
    std::size_t folds = 0;
    std::string param;
    std::vector<CvFoldResult> rows;  // by job index (value, then fold)
    std::vector<double> values;      // by value index, from the rows
    std::vector<ConfigError> failed; // jobs that failed
    nlohmann::json finder_rows = nlohmann::json::array();  // the range test's rows so far
};

// Whether the panels' jobs go to the pool: Web Workers exist and ?workers= is not 0.
bool tuning_pool_usable();
// Hands the running bridge job (just started by start_panel_job with `options`) to the pool.
void start_pool_job(AppState& app, const nlohmann::json& options, TuningOwner owner);
// Stops the pool's jobs of the panels (the bridge's job is cancelled by the caller).
void cancel_pool_job(AppState& app);
// Handles `verb` if it is tuningPoolRow: true, with the result or an error.
bool tuning_pool_call(AppState& app, const std::string& verb, const nlohmann::json& arg,
                      nlohmann::json& result, std::string& error);

}  // namespace lrlab
