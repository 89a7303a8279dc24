// The tuning verbs of window.lrlab (lrFind, crossValidate; web/lrlab_api.js): a range test or a
// cross-validation run in chunks between frames, returning what `lrlab lr-find` and `lrlab cv`
// print (the CSV rows as objects with the CSV's column names, and the JSON's keys beside them).
//   tuningStart({kind: "lrFind" | "crossValidate", config?, run?, ...})  -> {ok, errors}
//   tuningStep(n)   -> {done, done_units, total_units}  (n iterations / training steps)
//   tuningResult()  -> the result, once done
//   tuningCancel()
// The job owns its experiment (built from the config given, or the page's current one), so
// that replacing the page's config meanwhile cannot pull the data from under it.
#pragma once

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

namespace lrlab
{

struct AppState;
struct TuningJob;

class TuningBridge
{
public:
    TuningBridge();
    ~TuningBridge();
    // Handles `verb` if it is a tuning verb: true, with the result or an error.
    bool call(const AppState& app, const std::string& verb, const nlohmann::json& arg,
              nlohmann::json& result, std::string& error);

private:
    std::unique_ptr<TuningJob> job_;  // the page's one tuning job; none between jobs
};

}  // namespace lrlab
