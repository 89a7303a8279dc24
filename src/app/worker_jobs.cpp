// The jobs of the page's workers (worker_jobs.hpp). Sections: [Sweep] [CV] [LR finder] [Entry]
// Built without exceptions: every value of a job is type-checked before it is read.
#include "app/worker_jobs.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include <nlohmann/json.hpp>

#include "app/sweep_request.hpp"
#include "core/config/json.hpp"
#include "core/data/datasets.hpp"
#include "core/tuning/base_run.hpp"
#include "core/tuning/cross_validation.hpp"
#include "core/tuning/lr_finder.hpp"
#include "core/tuning/value_list.hpp"

namespace lrlab
{

using nlohmann::json;
using Errors = std::vector<ConfigError>;

struct WorkerJobCache
{
    std::string sweep_text;             // the options the request was read from
    std::optional<SweepRequest> sweep;
    std::string cv_text;
    std::optional<CvPlan> cv;
    TrainingData cv_data;
    Folds cv_folds;
};

WorkerJobs::WorkerJobs() : cache_(std::make_unique<WorkerJobCache>()) {}
WorkerJobs::~WorkerJobs() = default;

namespace
{

json error_reply(const Errors& errors)
{
    json list = json::array();
    std::string text;
    for (const ConfigError& e : errors)
    {
        list.push_back({{"path", e.path}, {"message", e.message}});
        text += (text.empty() ? "" : "; ") + (e.path.empty() ? "" : e.path + ": ") + e.message;
    }
    return {{"error", text}, {"errors", list}};
}

// Round-trip numbers (nlohmann writes the shortest text that reads back the same double).
std::string dump_json(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json real_or_null(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

bool is_index(const json& j, const char* key, std::int64_t bound)
{
    return j.contains(key) && j[key].is_number_integer() && j[key].get<std::int64_t>() >= 0 &&
           j[key].get<std::int64_t>() < bound;
}

// ---- [Sweep] ---------------------------------------------------------------------------------

json sweep_cell_job(const json& job, WorkerJobCache& cache)
{
    if (!job.contains("sweep") || !job["sweep"].is_object() || !job["sweep"].contains("config"))
        return error_reply({{"sweep", "a sweep_cell job needs {sweep: OPTIONS with config}"}});
    const std::string text = dump_json(job["sweep"]);
    if (!cache.sweep || cache.sweep_text != text)
    {
        SweepRequest r;
        const Errors errors = read_sweep_request(job["sweep"], json(), false, r);
        if (!errors.empty())
            return error_reply(errors);
        cache.sweep = std::move(r);
        cache.sweep_text = text;
    }
    if (!is_index(job, "cell", cache.sweep->cells))
        return error_reply({{"cell", "must be an integer 0.." +
                                         std::to_string(cache.sweep->cells - 1)}});
    SweepRow row;
    Errors errors;
    if (!train_sweep_request_cell(*cache.sweep, job["cell"].get<std::int64_t>(), row, errors))
        return error_reply(errors);
    return {{"row", sweep_row_json(row)}};
}

// ---- [CV] ------------------------------------------------------------------------------------

Errors read_cv_request(const json& o, CvRequest& r)
{
    if (!o.is_object() || !o.contains("config") || !o["config"].is_object())
        return {{"cv", "a cv_fold job needs {cv: {config, values, ...}}"}};
    r.config = o["config"];
    r.run = o.contains("run") && o["run"].is_string() ? o["run"].get<std::string>() : "";
    r.param = o.contains("param") && o["param"].is_string() ? o["param"].get<std::string>() : "";
    if (o.contains("folds"))
    {
        if (!o["folds"].is_number_integer())
            return {{"folds", "must be an integer"}};
        r.folds = int(std::clamp<std::int64_t>(o["folds"].get<std::int64_t>(), -1, 1 << 20));
    }
    const json v = o.contains("values") ? o["values"] : json();
    if (v.is_string())
    {
        const ValueListResult list = parse_value_list(v.get<std::string>());
        if (!list.ok())
            return {{"values", list.error}};
        r.values = list.values;
        return {};
    }
    if (!v.is_array())
        return {{"values", "is required: a list like \"log:1e-3:1:7\" or [0.01, 0.1]"}};
    for (const json& x : v)
    {
        if (!x.is_number() || !std::isfinite(x.get<double>()))
            return {{"values", "every value must be a finite number"}};
        r.values.push_back(x.get<double>());
    }
    return {};
}

json cv_fold_job(const json& job, WorkerJobCache& cache)
{
    const json opts = job.contains("cv") ? job["cv"] : json();
    const std::string text = dump_json(opts);
    if (!cache.cv || cache.cv_text != text)
    {
        CvRequest request;
        Errors errors = read_cv_request(opts, request);
        CvPlan plan;
        if (errors.empty())
            errors = plan_cross_validation(request, plan);
        if (!errors.empty())
            return error_reply(errors);
        const Config& c = plan.configs.front();
        cache.cv_data = make_training_data(make_dataset(c.data), c.data);
        cache.cv_folds = make_folds(cache.cv_data, plan.folds, c.data.seed);
        cache.cv = std::move(plan);
        cache.cv_text = text;
    }
    const CvPlan& plan = *cache.cv;
    if (!is_index(job, "value", std::int64_t(plan.values.size())) ||
        !is_index(job, "fold", std::int64_t(cache.cv_folds.size())))
        return error_reply({{"value", "value and fold must index the plan's values and folds"}});
    const std::size_t v = job["value"].get<std::size_t>(), f = job["fold"].get<std::size_t>();
    const CvFoldResult r = run_cv_fold(plan.configs[v], fold_data(cache.cv_data, cache.cv_folds, f));
    return {{"row", {{"value", plan.values[v]},
                     {"fold", f},
                     {"val_loss", real_or_null(r.val_loss)},
                     {"val_acc", r.has_accuracy ? real_or_null(r.val_acc) : json(nullptr)},
                     {"diverged", r.diverged}}}};
}

// ---- [LR finder] -----------------------------------------------------------------------------

Errors read_lr_find_options(const json& o, LrFinderOptions& out)
{
    Errors errors;
    const auto number = [&](const char* key, double& into)
    {
        if (!o.contains(key))
            return;
        o[key].is_number() ? void(into = o[key].get<double>())
                           : errors.push_back({key, "must be a number"});
    };
    number("startLr", out.start_lr);
    number("endLr", out.end_lr);
    number("smooth", out.smooth);
    number("divergeTh", out.diverge_th);
    if (o.contains("numIter"))
        o["numIter"].is_number_integer()
            ? void(out.num_iter = int(std::clamp<std::int64_t>(o["numIter"].get<std::int64_t>(),
                                                               -1, max_lr_finder_iterations + 1)))
            : errors.push_back({"numIter", "must be an integer"});
    const auto word = [&](const char* key, const char* a, const char* b) -> bool
    {
        if (!o.contains(key))
            return false;
        if (o[key] == a || o[key] == b)
            return o[key] == b;
        errors.push_back({key, std::string("must be \"") + a + "\" or \"" + b + "\""});
        return false;
    };
    out.linear = word("mode", "exp", "linear");
    out.on_test = word("on", "train", "test");
    for (const ConfigError& e : check_lr_finder_options(out))
        errors.push_back(e);
    return errors;
}

json lr_find_job(const json& job)
{
    const json o = job.contains("lrFind") ? job["lrFind"] : json();
    if (!o.is_object() || !o.contains("config"))
        return error_reply({{"lrFind", "an lr_find job needs {lrFind: {config, ...}}"}});
    LrFinderOptions options;
    Errors errors = read_lr_find_options(o, options);
    const ConfigResult parsed = parse_config(o["config"]);
    if (!parsed.ok())
        return error_reply(parsed.errors);
    std::size_t run = 0;
    ConfigError run_error;
    const std::string name = o.contains("run") && o["run"].is_string() ? o["run"].get<std::string>()
                                                                        : "";
    if (!find_base_run(parsed.config, name, run, run_error))
        errors.push_back({"run", run_error.message});
    if (!errors.empty())
        return error_reply(errors);
    const Experiment experiment(parsed.config);
    LrFinder finder(experiment, run, options);
    while (!finder.done())
        finder.step(options.num_iter);
    json rows = json::array();
    for (const LrFinderPoint& p : finder.result().points)
        rows.push_back({{"iter", p.iter},
                        {"lr", p.lr},
                        {"loss", real_or_null(p.loss)},
                        {"smoothed_loss", real_or_null(p.smoothed_loss)}});
    json out = suggestion_json(finder.result());
    out["rows"] = rows;
    return out;
}

}  // namespace

// ---- [Entry] ---------------------------------------------------------------------------------

std::string WorkerJobs::run(const std::string& job_text)
{
    json job;
    ConfigError syntax;
    if (!parse_json_text(job_text, job, syntax))
        return dump_json(error_reply({{syntax.path, syntax.message}}));
    const std::string kind = job.is_object() && job.contains("kind") && job["kind"].is_string()
                                 ? job["kind"].get<std::string>() : "";
    if (kind == "sweep_cell")
        return dump_json(sweep_cell_job(job, *cache_));
    if (kind == "cv_fold")
        return dump_json(cv_fold_job(job, *cache_));
    if (kind == "lr_find")
        return dump_json(lr_find_job(job));
    return dump_json(error_reply({{"kind", "must be \"sweep_cell\", \"cv_fold\" or \"lr_find\""}}));
}

}  // namespace lrlab

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

namespace
{
lrlab::WorkerJobs g_jobs;  // this module's one job runner (a worker's, or the page's fallback)
std::string g_job_reply;   // lrlab_job's answer, valid until the next call
}  // namespace

// The job's text is fetched from JS (globalThis.lrlabJob.take(), a Uint8Array), not passed
// through ccall, which copies strings onto the wasm stack (a large config would overflow it).
EM_JS(void, js_take_job, (char* out, int bytes), {
    HEAPU8.set(globalThis.lrlabJob.take().subarray(0, bytes), out);
});

// lrlab_job(bytes of the job's JSON text) -> the reply's JSON text, valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* lrlab_job(int bytes)
{
    std::string text(bytes > 0 ? std::size_t(bytes) : 0, '\0');
    if (bytes > 0)
        js_take_job(&text[0], bytes);
    g_job_reply = g_jobs.run(text);
    return g_job_reply.c_str();
}
#endif
