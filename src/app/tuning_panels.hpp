// The state of the LR finder and cross-validation panels (panel_lr_finder.cpp,
// panel_cross_validation.cpp) and the page's one tuning job they share with the script API
// (web_tuning.hpp). With Web Workers a panel's job runs on the page's worker pool
// (tuning_pool.hpp); without, it is stepped by the frame loop within a time budget
// (step_tuning_panels), so that the page keeps drawing. Once done, its result is copied here and
// the job is freed, for the next job of either panel or of a script.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/tuning_pool.hpp"
#include "app/web_tuning.hpp"
#include "core/tuning/cross_validation.hpp"
#include "core/tuning/lr_finder.hpp"

namespace lrlab
{

struct AppState;

// What a panel shows of its job: running, done (with a result), cancelled, refused.
struct TuningRunState
{
    std::string run;                  // the base run's name when it started
    std::uint64_t version = 0;        // the page's config version it was computed from
    std::vector<ConfigError> errors;  // why the last Run was refused
    std::string status;               // "done in 1.2 s", "cancelled", ...
    std::string ran_in;               // where the last job ran: "workers", "frames", "": none
    double started_ms = 0.0;
    double elapsed_ms = -1.0;         // wall time of the last finished job, -1: none
    double hover_x = -1.0;            // the chart's hover position
};

struct LrFinderPanel
{
    // The options, as the widgets edit them (the CLI's flags; defaults are the CLI's).
    double start_lr = 1e-7, end_lr = 10.0;
    int num_iter = 100;
    int mode = 0;  // 0 exp, 1 linear
    double smooth = 0.98, diverge_th = 4.0;
    int on = 0;    // 0 train, 1 test
    TuningRunState state;
    std::optional<LrFinderResult> result;  // the last finished test
    int result_num_iter = 100;
};

struct CvPanel
{
    int key = 0;                 // index into the key list; the last entry is "other path"
    std::string other_path = "train.l2";
    int spacing = 0;             // 0 log, 1 lin, 2 list
    double min = 0.003, max = 0.3;
    int count = 7;
    std::string list = "0.01,0.03,0.1";
    int folds = 5;
    std::string defaults_for;    // the key whose defaults min/max hold (reset on a new key)
    TuningRunState state;
    bool has_result = false;
    std::string param;           // the path the result is for
    std::vector<CvFoldResult> rows;
    CvSummary summary;
};

struct TuningState
{
    TuningBridge bridge;         // the page's one job (also window.lrlab's)
    LrFinderPanel finder;
    CvPanel cv;
    double ms_per_unit = 0.0;    // learnt from each frame's chunk; 0: not yet
    TuningPoolRun pool;          // a panel's job in the workers, if it runs there
};

// Starts a panel's job with the options of tuningStart; false with the errors in the panel's
// state when refused (a script's job runs, an option is invalid).
bool start_panel_job(AppState& app, const nlohmann::json& options, TuningOwner owner);
// The frame loop: advances a panel's job within `budget_ms`, at least one unit; collects its
// result once done. A script's job is left to web/lrlab_api.js.
void step_tuning_panels(AppState& app, double budget_ms);
// A panel's job ended (its result, if any, is in the panel): its wall time and status ("done in
// 1.2 s", or `failure`), and the job slot is freed.
void panel_job_ended(AppState& app, TuningOwner owner, const std::string& failure);
// Cancels the job (a panel's, or a script's: its promise rejects).
void cancel_tuning(AppState& app);
// For lrlab.state().tuning (tests): the job's owner and progress, each panel's status and wall
// time, and whether it holds a result.
nlohmann::json tuning_json(const AppState& app);

}  // namespace lrlab
