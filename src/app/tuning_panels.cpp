// The panels' tuning job (tuning_panels.hpp).
#include "app/tuning_panels.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/app_state.hpp"
#include "app/web_api.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

TuningRunState& state_of(AppState& app, TuningOwner owner)
{
    return owner == TuningOwner::finder_panel ? app.tuning.finder.state : app.tuning.cv.state;
}

std::string seconds_text(double ms)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "done in %.2f s", ms / 1000.0);
    return buf;
}

json number_or_null(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

// The panels' results as lrFind / crossValidate return them (tests compare them with the CLI).
json finder_json(const LrFinderPanel& f)
{
    if (!f.result)
        return nullptr;
    json rows = json::array();
    for (const LrFinderPoint& p : f.result->points)
        rows.push_back({{"iter", p.iter}, {"lr", p.lr}, {"loss", number_or_null(p.loss)},
                        {"smoothed_loss", number_or_null(p.smoothed_loss)}});
    json out = suggestion_json(*f.result);
    out["rows"] = rows;
    return out;
}

json cv_json(const CvPanel& cv)
{
    if (!cv.has_result)
        return nullptr;
    json rows = json::array();
    for (const CvFoldResult& r : cv.rows)
        rows.push_back({{"value", r.value},
                        {"fold", r.fold},
                        {"val_loss", number_or_null(r.val_loss)},
                        {"val_acc", r.has_accuracy ? number_or_null(r.val_acc) : json(nullptr)},
                        {"diverged", r.diverged}});
    json out = cv_summary_json(cv.summary);
    out["rows"] = rows;
    return out;
}

// Copies the finished job's result into its panel and frees the job.
void collect(AppState& app)
{
    TuningState& t = app.tuning;
    const TuningOwner owner = t.bridge.owner();
    if (const LrFinder* f = t.bridge.finder())
    {
        t.finder.result = f->result();
        t.finder.result_num_iter = int(f->num_iter());
    }
    else if (const CrossValidation* cv = t.bridge.cv())
    {
        t.cv.rows = cv->rows();
        t.cv.summary = cv->summary();
        t.cv.param = t.cv.summary.param;
        t.cv.has_result = true;
    }
    panel_job_ended(app, owner, "");
}

}  // namespace

void panel_job_ended(AppState& app, TuningOwner owner, const std::string& failure)
{
    TuningRunState& s = state_of(app, owner);
    s.elapsed_ms = web_now_ms() - s.started_ms;
    s.status = failure.empty() ? seconds_text(s.elapsed_ms) : failure;
    app.tuning.bridge.cancel();
}

bool start_panel_job(AppState& app, const nlohmann::json& options, TuningOwner owner)
{
    TuningRunState& s = state_of(app, owner);
    if (app.tuning.bridge.busy())
    {
        s.errors = {{"", app.tuning.bridge.owner() == TuningOwner::script
                             ? "a script (lrlab.lrFind / crossValidate) is running a job: wait, "
                               "or Cancel it"
                             : "the other panel is running a job: wait, or Cancel it"}};
        return false;
    }
    s.errors = app.tuning.bridge.start(app, options, owner);
    if (!s.errors.empty())
    {
        s.status = "not started";
        return false;
    }
    s.run = options.value("run", std::string());
    s.version = app.version;
    s.started_ms = web_now_ms();
    s.status = "running";
    app.tuning.ms_per_unit = 0.0;  // unknown: learnt from the first chunk
    if (tuning_pool_usable())
        start_pool_job(app, options, owner);
    s.ran_in = app.tuning.pool.active ? "workers" : "frames";
    return true;
}

void step_tuning_panels(AppState& app, double budget_ms)
{
    TuningState& t = app.tuning;
    // A panel's job that a script cancelled (cancelTuning()) says so.
    for (TuningOwner o : {TuningOwner::finder_panel, TuningOwner::cv_panel})
        if (state_of(app, o).status == "running" && !(t.bridge.busy() && t.bridge.owner() == o))
            state_of(app, o).status = "cancelled by a script (cancelTuning)";
    if (t.pool.active && !(t.bridge.busy() && t.bridge.owner() == t.pool.owner))
        cancel_pool_job(app);  // its slot was taken back (cancelTuning()): stop the workers
    if (!t.bridge.busy() || t.bridge.owner() == TuningOwner::script || t.pool.active)
        return;  // a script's job is web/lrlab_api.js's; the pool's answers come by tuningPoolRow
    if (!t.bridge.done())
    {
        // Units of about equal cost (iterations, training steps): as many as the budget holds
        // at the rate of the last chunks, at least one, so the job never stalls.
        // The first chunk is one unit: a range-test iteration can cost a hundred CV steps.
        const std::int64_t k =
            t.ms_per_unit > 0 ? std::max<std::int64_t>(1, std::int64_t(budget_ms / t.ms_per_unit))
                              : 1;
        const double t0 = web_now_ms();
        t.bridge.step(k);
        const double per = std::max(1e-4, (web_now_ms() - t0) / double(k));
        t.ms_per_unit = t.ms_per_unit > 0 ? 0.7 * t.ms_per_unit + 0.3 * per : per;
    }
    if (t.bridge.done())
        collect(app);
}

void cancel_tuning(AppState& app)
{
    TuningState& t = app.tuning;
    if (t.bridge.busy() && t.bridge.owner() != TuningOwner::script)
        state_of(app, t.bridge.owner()).status = "cancelled";
    else if (t.bridge.busy())
        state_of(app, t.bridge.finder() ? TuningOwner::finder_panel : TuningOwner::cv_panel)
            .status = "cancelled a script's job";
    cancel_pool_job(app);
    t.bridge.cancel();
}

nlohmann::json tuning_json(const AppState& app)
{
    const TuningState& t = app.tuning;
    const auto panel = [](const TuningRunState& s, bool has_result)
    {
        return nlohmann::json{{"status", s.status}, {"elapsed_ms", s.elapsed_ms},
                              {"run", s.run},       {"result", has_result},
                              {"ran_in", s.ran_in}};
    };
    const char* owner = !t.bridge.busy()                               ? nullptr
                        : t.bridge.owner() == TuningOwner::script       ? "script"
                        : t.bridge.owner() == TuningOwner::finder_panel ? "finder"
                                                                        : "cv";
    // A job in the workers counts its jobs (folds, or the one range test) as units.
    const bool pooled = t.pool.active;
    return {{"owner", owner ? nlohmann::json(owner) : nlohmann::json(nullptr)},
            {"where", pooled ? "workers" : owner ? "frames" : ""},
            {"done_units", pooled ? std::int64_t(t.pool.done) : t.bridge.units_done()},
            {"total_units", pooled ? std::int64_t(t.pool.total) : t.bridge.units_total()},
            {"finder", panel(t.finder.state, t.finder.result.has_value())},
            {"cv", panel(t.cv.state, t.cv.has_result)},
            {"finderResult", finder_json(t.finder)},
            {"cvResult", cv_json(t.cv)}};
}

}  // namespace lrlab
