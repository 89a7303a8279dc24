// The page's side of a sweep (window.lrlab.sweep in web/lrlab_api.js, the sweep panel): the
// cells run in web/worker_pool.js's workers; the page plans the sweep and keeps its rows.
//   sweepPlan(opts)  -> {ok, errors, cells, options}  reads and checks the options (every cell
//                       is validated, as the CLI does); the sweep becomes the one shown; options
//                       come back with the config filled in, ready for the workers' jobs
//   sweepRow({cell, row} | {cell, error})             a cell finished (or failed)
//   sweepEnd({cancelled})                             the pool stopped
//   sweepResult()    -> {rows, criterion?, best?}     the rows by cell (+ --fair's JSON)
//   sweepState()     -> {running, done, cells, failed, options, hover}
//   tuningPoolRow(...)                               a tuning panel's job in the pool answered
//                                                    (the pool's other user, tuning_pool.hpp)
// The panel starts and cancels sweeps through lrlabHost.sweepStart / sweepCancel (EM_JS).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace lrlab
{

struct AppState;

// Handles `verb` if it is a sweep verb (or tuningPoolRow): true, with the result or an error.
bool sweep_call(AppState& app, const std::string& verb, const nlohmann::json& arg,
                nlohmann::json& result, std::string& error);

// The panel's Run and Cancel: hand the options to the JS pool (the same path as lrlab.sweep).
void web_sweep_start(const nlohmann::json& options);
void web_sweep_cancel();

}  // namespace lrlab
