// The tuning verbs of window.lrlab (lrFind, crossValidate; web/lrlab_api.js): a range test or a
// cross-validation run in chunks between frames, returning what `lrlab lr-find` and `lrlab cv`
// print (the CSV rows as objects with the CSV's column names, and the JSON's keys beside them).
//   tuningStart({kind: "lrFind" | "crossValidate", config?, run?, ...})  -> {ok, errors}
//   tuningStep(n)   -> {done, done_units, total_units}  (n iterations / training steps)
//   tuningResult()  -> the result, once done
//   tuningCancel()
// The job owns its experiment (built from the config given, or the page's current one), so
// that replacing the page's config meanwhile cannot pull the data from under it.
//
// One job at a time, shared by the script API and the page's LR-finder and cross-validation
// panels (tuning_panels.hpp), which start theirs with the same options through start(), so a
// panel computes exactly what lrFind / crossValidate return. Who wins when both want it:
// - a script's tuningStart while a panel's job runs is refused (ok false, naming the panel):
//   the person at the page started it, a script must not silently throw it away (as a host's
//   setConfig is refused while someone edits the page); a script's own running job is replaced;
// - a script's tuningCancel (cancelTuning()) cancels whatever runs, the panels' too: an
//   explicit request, and the only way for a script to take the job over;
// - a panel's Run while a script's job runs is disabled, its Cancel cancels that job (the
//   script's promise then rejects with "cancelled").
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/config.hpp"

namespace lrlab
{

struct AppState;
struct TuningJob;
class LrFinder;
class CrossValidation;

enum class TuningOwner
{
    script,        // window.lrlab / postMessage: stepped by web/lrlab_api.js between frames
    finder_panel,  // the page's panels: stepped by the frame loop (step_tuning_panels)
    cv_panel,
};

class TuningBridge
{
public:
    TuningBridge();
    ~TuningBridge();
    // Handles `verb` if it is a tuning verb: true, with the result or an error.
    bool call(const AppState& app, const std::string& verb, const nlohmann::json& arg,
              nlohmann::json& result, std::string& error);

    // Starts a job from the options of tuningStart ({kind, run, startLr, ...}); errors name the
    // option or the config path. Refused for a script while a panel's job runs.
    std::vector<ConfigError> start(const AppState& app, const nlohmann::json& options,
                                   TuningOwner owner);
    bool busy() const { return job_ != nullptr; }
    TuningOwner owner() const;
    bool done() const;
    void step(std::int64_t units);  // iterations of the range test, training steps of the CV
    std::int64_t units_done() const;
    std::int64_t units_total() const;
    const LrFinder* finder() const;       // the running range test, or null
    const CrossValidation* cv() const;    // the running cross-validation, or null
    void cancel();

private:
    std::unique_ptr<TuningJob> job_;  // the page's one tuning job; none between jobs
};

}  // namespace lrlab
