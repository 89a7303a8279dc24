// The tuning panels' jobs on the worker pool (tuning_pool.hpp). Sections: [JS] [Replies] [Jobs]
#include "app/tuning_pool.hpp"

#include <cmath>
#include <limits>
#include <optional>

#include <emscripten.h>

#include "app/app_state.hpp"
#include "app/metrics_json.hpp"
#include "core/config/json.hpp"
#include "core/tuning/lr_finder.hpp"

namespace lrlab
{

using nlohmann::json;

// ---- [JS] (web/lrlab_api.js, lrlabHost) ------------------------------------------------------

EM_JS(int, js_tuning_pool_usable, (), {
    return window.lrlabHost && window.lrlabHost.tuningPoolUsable() ? 1 : 0;
});
EM_JS(void, js_tuning_pool_start, (const char* text), {
    if (window.lrlabHost) window.lrlabHost.tuningPoolStart(JSON.parse(UTF8ToString(text)));
});
EM_JS(void, js_tuning_pool_cancel, (), {
    if (window.lrlabHost) window.lrlabHost.tuningPoolCancel();
});

namespace
{

// ---- [Replies] -------------------------------------------------------------------------------

// null stands for a non-finite number in the jobs' replies (as in the CLI's CSV).
double number_of(const json& v)
{
    return v.is_number() ? v.get<double>() : std::numeric_limits<double>::quiet_NaN();
}

bool read_fold_row(const json& row, std::size_t index, std::size_t folds, CvFoldResult& out)
{
    if (!row.is_object() || !row.contains("value") || !row["value"].is_number() ||
        !row.contains("diverged") || !row["diverged"].is_boolean())
        return false;
    out.value_index = index / folds;
    out.fold = index % folds;
    out.value = row["value"].get<double>();
    out.val_loss = number_of(row.value("val_loss", json()));
    const json acc = row.value("val_acc", json());
    out.has_accuracy = !acc.is_null();
    out.val_acc = out.has_accuracy ? number_of(acc) : 0.0;
    out.diverged = row["diverged"].get<bool>();
    return true;
}

std::optional<double> lr_of(const json& s, const char* key)
{
    return s.is_object() && s.contains(key) && s[key].is_number()
               ? std::optional<double>(s[key].get<double>())
               : std::nullopt;
}

// An lr_find job's reply (worker_jobs.hpp) as the panel's result: the same numbers, since
// JSON numbers round-trip.
LrFinderResult read_finder_result(const json& r)
{
    LrFinderResult out;
    for (const json& p : r.value("rows", json::array()))
        out.points.push_back({p.value("iter", std::int64_t(0)), number_of(p.value("lr", json())),
                              number_of(p.value("loss", json())),
                              number_of(p.value("smoothed_loss", json()))});
    out.stopped_early = r.value("stopped_early", false);
    const json stop = r.value("stop_iter", json());
    out.stop_iter = stop.is_number_integer() ? stop.get<std::int64_t>() : -1;
    const json s = r.value("suggestions", json::object());
    out.suggestions = {lr_of(s, "steepest"), lr_of(s, "minimum"), lr_of(s, "valley"),
                       r.value("note", std::string())};
    return out;
}

// All jobs answered: the panel's result, exactly as its per-frame job would have collected it.
void finish(AppState& app)
{
    TuningPoolRun& p = app.tuning.pool;
    p.active = false;
    if (!p.failed.empty())
    {
        TuningRunState& s = p.owner == TuningOwner::finder_panel ? app.tuning.finder.state
                                                                 : app.tuning.cv.state;
        s.errors = p.failed;
        panel_job_ended(app, p.owner, "failed in a worker");
        return;
    }
    if (p.owner == TuningOwner::cv_panel)
    {
        CvPanel& cv = app.tuning.cv;
        cv.rows = p.rows;
        cv.summary = summarize_cv(p.param, p.values, p.rows);
        cv.param = cv.summary.param;
        cv.has_result = true;
    }
    panel_job_ended(app, p.owner, "");
}

bool take_reply(AppState& app, const json& arg, std::string& error)
{
    TuningPoolRun& p = app.tuning.pool;
    if (!arg.is_object() || !arg.contains("epoch") || !arg["epoch"].is_number_unsigned() ||
        !arg.contains("index") || !arg["index"].is_number_unsigned())
        return error = "tuningPoolRow({epoch, index, row | result | error})", false;
    const std::size_t i = arg["index"].get<std::size_t>();
    if (!p.active || arg["epoch"].get<std::uint64_t>() != p.epoch || i >= p.total)
        return true;  // a cancelled run's late answer
    if (p.owner == TuningOwner::finder_panel && arg.contains("rows") && arg["rows"].is_array())
    {
        for (const json& row : arg["rows"])
            p.finder_rows.push_back(row);
        return true;
    }
    ++p.done;
    if (arg.contains("error"))
        p.failed.push_back({"job " + std::to_string(i), arg["error"].is_string()
                                                            ? arg["error"].get<std::string>()
                                                            : "failed"});
    else if (p.owner == TuningOwner::finder_panel && arg.contains("result"))
    {
        json r = arg["result"];
        r["rows"] = std::move(p.finder_rows);
        app.tuning.finder.result = read_finder_result(r);
        app.tuning.finder.result_num_iter = app.tuning.bridge.finder()
                                                ? int(app.tuning.bridge.finder()->num_iter())
                                                : app.tuning.finder.num_iter;
    }
    else if (p.owner == TuningOwner::cv_panel &&
             read_fold_row(arg.value("row", json()), i, p.folds, p.rows[i]))
    {
        p.values[i / p.folds] = p.rows[i].value;
    }
    else
        p.failed.push_back({"job " + std::to_string(i), "its answer could not be read"});
    if (p.done == p.total)
        finish(app);
    return true;
}

}  // namespace

// ---- [Jobs] ----------------------------------------------------------------------------------

bool tuning_pool_usable() { return js_tuning_pool_usable() != 0; }

void start_pool_job(AppState& app, const json& options, TuningOwner owner)
{
    TuningPoolRun& p = app.tuning.pool;
    const std::uint64_t epoch = p.epoch + 1;
    p = TuningPoolRun{};
    p.active = true;
    p.owner = owner;
    p.epoch = epoch;
    json opts = options;
    opts.erase("kind");
    opts["config"] = to_json(app.config());  // a worker has no page
    json jobs = json::array();
    if (owner == TuningOwner::finder_panel)
        jobs.push_back({{"kind", "lr_find"}, {"lrFind", opts}});
    else
    {
        const CrossValidation& cv = *app.tuning.bridge.cv();
        p.folds = cv.folds().size();
        p.param = opts.value("param", std::string());
        const std::size_t values = cv.jobs_total() / p.folds;
        for (std::size_t v = 0; v < values; ++v)
            for (std::size_t f = 0; f < p.folds; ++f)
                jobs.push_back({{"kind", "cv_fold"}, {"cv", opts}, {"value", v}, {"fold", f}});
        p.values.assign(values, 0.0);
    }
    p.total = jobs.size();
    p.rows.resize(owner == TuningOwner::cv_panel ? p.total : 0);
    js_tuning_pool_start(dump_json({{"epoch", epoch},
                                    {"kind", owner == TuningOwner::cv_panel ? "cv" : "finder"},
                                    {"jobs", jobs}})
                             .c_str());
}

void cancel_pool_job(AppState& app)
{
    if (!app.tuning.pool.active)
        return;
    app.tuning.pool.active = false;
    js_tuning_pool_cancel();
}

bool tuning_pool_call(AppState& app, const std::string& verb, const json& arg, json& result,
                      std::string& error)
{
    if (verb != "tuningPoolRow")
        return false;
    if (take_reply(app, arg, error))
        result = json(nullptr);
    return true;
}

}  // namespace lrlab
