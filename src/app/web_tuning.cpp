// The tuning verbs of window.lrlab (web_tuning.hpp). The page is built without exceptions:
// every value of the options is type-checked before it is read.
#include "app/web_tuning.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "app/app_state.hpp"
#include "core/config/json.hpp"
#include "core/tuning/base_run.hpp"
#include "core/tuning/cross_validation.hpp"
#include "core/tuning/lr_finder.hpp"
#include "core/tuning/value_list.hpp"

namespace lrlab
{

using nlohmann::json;

struct TuningJob
{
    TuningOwner owner = TuningOwner::script;
    bool lr_find = true;
    std::unique_ptr<Experiment> experiment;  // the range test's; CV builds its own per fold
    std::unique_ptr<LrFinder> finder;
    std::unique_ptr<CrossValidation> cv;
};

TuningBridge::TuningBridge() = default;
TuningBridge::~TuningBridge() = default;

namespace
{

using Errors = std::vector<ConfigError>;

json number_or_null(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

json errors_reply(const Errors& errors)
{
    json list = json::array();
    for (const ConfigError& e : errors)
        list.push_back({{"path", e.path}, {"message", e.message}});
    return {{"ok", errors.empty()}, {"errors", list}};
}

// The CLI's flag names as the option keys of the JS call.
Errors as_option_names(Errors errors)
{
    static const std::map<std::string, std::string> names{
        {"--start-lr", "startLr"}, {"--end-lr", "endLr"},   {"--num-iter", "numIter"},
        {"--smooth", "smooth"},     {"--diverge-th", "divergeTh"}, {"--run", "run"},
        {"--param", "param"},       {"--values", "values"},        {"--folds", "folds"}};
    for (ConfigError& e : errors)
    {
        const auto it = names.find(e.path);
        if (it != names.end())
            e.path = it->second;
        for (const auto& [flag, key] : names)  // "must be > --start-lr" reads as the key
            for (std::size_t at = e.message.find(flag); at != std::string::npos;
                 at = e.message.find(flag, at + key.size()))
                e.message.replace(at, flag.size(), key);
    }
    return errors;
}

// Reads the options object: only the keys in `allowed`, each of the type `kind` says
// ('n' number, 'i' integer, 's' string, 'o' object, 'v' string or array of numbers).
bool check_options(const json& opts, const std::map<std::string, char>& allowed, Errors& errors)
{
    if (!opts.is_object())
    {
        errors.push_back({"", "the options must be an object"});
        return false;
    }
    for (auto it = opts.begin(); it != opts.end(); ++it)
    {
        const auto a = allowed.find(it.key());
        const json& v = it.value();
        if (a == allowed.end())
        {
            errors.push_back({it.key(), "unknown option"});
            continue;
        }
        const char k = a->second;
        const bool ok = (k == 'n' && v.is_number()) || (k == 'i' && v.is_number_integer()) ||
                        (k == 's' && v.is_string()) || (k == 'o' && v.is_object()) ||
                        (k == 'v' && (v.is_string() || v.is_array()));
        if (!ok)
            errors.push_back({it.key(), std::string("must be ") +
                                            (k == 'n' ? "a number" : k == 'i' ? "an integer"
                                             : k == 's' ? "a string" : k == 'o' ? "an object"
                                             : "a list like \"log:1e-3:1:7\" or [0.01, 0.1]")});
    }
    return errors.empty();
}

std::string text_of(const json& opts, const char* key, const std::string& fallback)
{
    return opts.contains(key) ? opts[key].get<std::string>() : fallback;
}

Errors start_lr_find(const AppState& app, const json& opts, TuningJob& job)
{
    Errors errors;
    if (!check_options(opts, {{"kind", 's'}, {"config", 'o'}, {"run", 's'}, {"startLr", 'n'},
                              {"endLr", 'n'}, {"numIter", 'i'}, {"mode", 's'}, {"smooth", 'n'},
                              {"divergeTh", 'n'}, {"on", 's'}},
                       errors))
        return errors;
    LrFinderOptions o;
    o.start_lr = opts.value("startLr", o.start_lr);
    o.end_lr = opts.value("endLr", o.end_lr);
    const std::int64_t n = opts.contains("numIter") ? opts["numIter"].get<std::int64_t>() : 100;
    // Out of range stays out of range (the check names it) without overflowing an int.
    o.num_iter = static_cast<int>(std::clamp<std::int64_t>(n, -1, max_lr_finder_iterations + 1));
    o.smooth = opts.value("smooth", o.smooth);
    o.diverge_th = opts.value("divergeTh", o.diverge_th);
    const std::string mode = text_of(opts, "mode", "exp"), on = text_of(opts, "on", "train");
    if (mode != "exp" && mode != "linear")
        errors.push_back({"mode", "must be \"exp\" or \"linear\", got \"" + mode + "\""});
    if (on != "train" && on != "test")
        errors.push_back({"on", "must be \"train\" or \"test\", got \"" + on + "\""});
    o.linear = mode == "linear";
    o.on_test = on == "test";
    for (const ConfigError& e : as_option_names(check_lr_finder_options(o)))
        errors.push_back(e);
    const ConfigResult parsed = parse_config(opts.contains("config") ? opts["config"]
                                                                     : to_json(app.config()));
    if (!parsed.ok())
        return parsed.errors;
    std::size_t run = 0;
    ConfigError run_error;
    if (!find_base_run(parsed.config, text_of(opts, "run", ""), run, run_error))
        errors.push_back(as_option_names({run_error})[0]);
    if (!errors.empty())
        return errors;
    job.lr_find = true;
    job.experiment = std::make_unique<Experiment>(parsed.config);
    job.finder = std::make_unique<LrFinder>(*job.experiment, run, o);
    return {};
}

Errors start_cv(const AppState& app, const json& opts, TuningJob& job)
{
    Errors errors;
    if (!check_options(opts, {{"kind", 's'}, {"config", 'o'}, {"run", 's'}, {"param", 's'},
                              {"values", 'v'}, {"folds", 'i'}},
                       errors))
        return errors;
    CvRequest r;
    r.config = opts.contains("config") ? opts["config"] : to_json(app.config());
    r.run = text_of(opts, "run", "");
    r.param = text_of(opts, "param", "");
    const std::int64_t folds = opts.value("folds", std::int64_t(5));
    r.folds = static_cast<int>(std::clamp<std::int64_t>(folds, -1, limits::max_samples + 1));
    const json values = opts.contains("values") ? opts["values"] : json();
    if (values.is_string())
    {
        const ValueListResult v = parse_value_list(values.get<std::string>());
        if (!v.ok())
            return {{"values", v.error}};
        r.values = v.values;
    }
    else if (values.is_array())
    {
        for (const json& v : values)
        {
            if (!v.is_number() || !std::isfinite(v.get<double>()))
                return {{"values", "every value must be a finite number"}};
            r.values.push_back(v.get<double>());
        }
    }
    else
        return {{"values", "is required: a list like \"log:1e-3:1:7\" or [0.01, 0.1]"}};
    CvPlan plan;
    errors = as_option_names(plan_cross_validation(r, plan));
    if (!errors.empty())
        return errors;
    job.lr_find = false;
    job.cv = std::make_unique<CrossValidation>(std::move(plan));
    return {};
}

json progress(const TuningJob& job)
{
    if (job.lr_find)
        return {{"done", job.finder->done()},
                {"done_units", job.finder->iterations_done()},
                {"total_units", job.finder->num_iter()}};
    return {{"done", job.cv->done()},
            {"done_units", job.cv->steps_done()},
            {"total_units", job.cv->steps_total()}};
}

json lr_find_result(const LrFinder& f)
{
    json rows = json::array();
    for (const LrFinderPoint& p : f.result().points)
        rows.push_back({{"iter", p.iter},
                        {"lr", p.lr},
                        {"loss", number_or_null(p.loss)},
                        {"smoothed_loss", number_or_null(p.smoothed_loss)}});
    json out = suggestion_json(f.result());
    out["rows"] = rows;
    return out;
}

json cv_result(const CrossValidation& cv)
{
    json rows = json::array();
    for (const CvFoldResult& r : cv.rows())
        rows.push_back({{"value", r.value},
                        {"fold", r.fold},
                        {"val_loss", number_or_null(r.val_loss)},
                        {"val_acc", r.has_accuracy ? number_or_null(r.val_acc) : json(nullptr)},
                        {"diverged", r.diverged}});
    json out = cv_summary_json(cv.summary());
    out["rows"] = rows;
    return out;
}

}  // namespace

void TuningBridge::cancel() { job_.reset(); }
TuningOwner TuningBridge::owner() const { return job_ ? job_->owner : TuningOwner::script; }
bool TuningBridge::done() const
{
    return job_ && (job_->lr_find ? job_->finder->done() : job_->cv->done());
}
void TuningBridge::step(std::int64_t units)
{
    if (!job_)
        return;
    if (job_->lr_find)
        job_->finder->step(units);
    else
        job_->cv->step(units);
}
std::int64_t TuningBridge::units_done() const
{
    return !job_ ? 0 : job_->lr_find ? job_->finder->iterations_done() : job_->cv->steps_done();
}
std::int64_t TuningBridge::units_total() const
{
    return !job_ ? 0 : job_->lr_find ? job_->finder->num_iter() : job_->cv->steps_total();
}
const LrFinder* TuningBridge::finder() const
{
    return job_ && job_->lr_find ? job_->finder.get() : nullptr;
}
const CrossValidation* TuningBridge::cv() const
{
    return job_ && !job_->lr_find ? job_->cv.get() : nullptr;
}

Errors TuningBridge::start(const AppState& app, const json& arg, TuningOwner owner)
{
    if (owner == TuningOwner::script && job_ && job_->owner != TuningOwner::script)
        return {{"", std::string("refused: the page's ") +
                         (job_->owner == TuningOwner::finder_panel ? "LR finder" : "cross-validation") +
                         " panel is running a job (cancel it there, or call cancelTuning() first)"}};
    auto job = std::make_unique<TuningJob>();
    job->owner = owner;
    const std::string kind = arg.is_object() && arg.contains("kind") && arg["kind"].is_string()
                                 ? arg["kind"].get<std::string>() : "";
    Errors errors;
    if (kind == "lrFind")
        errors = start_lr_find(app, arg, *job);
    else if (kind == "crossValidate")
        errors = start_cv(app, arg, *job);
    else
        errors = {{"kind", "must be \"lrFind\" or \"crossValidate\""}};
    // A refused panel start leaves a script's job running; a refused script start ends the
    // script's previous one (it was replaced, as before).
    if (errors.empty() || owner == TuningOwner::script)
        job_ = errors.empty() ? std::move(job) : nullptr;
    return errors;
}

bool TuningBridge::call(const AppState& app, const std::string& verb, const json& arg,
                        json& result, std::string& error)
{
    if (verb == "tuningStart")
    {
        result = errors_reply(start(app, arg, TuningOwner::script));
        return true;
    }
    if (verb == "tuningCancel")
        return job_.reset(), result = json(nullptr), true;
    if (verb != "tuningStep" && verb != "tuningResult")
        return false;
    // The script's job was cancelled by the page's Cancel, or the page runs its own now.
    if (!job_ || job_->owner != TuningOwner::script)
        return error = "stopped: cancelled (cancelTuning() or the page's Cancel)", true;
    if (verb == "tuningStep")
    {
        if (!arg.is_number_integer() || arg.get<std::int64_t>() < 0)
            return error = "tuningStep(n): n must be a non-negative integer", true;
        step(arg.get<std::int64_t>());
        result = progress(*job_);
        return true;
    }
    if (!done())
        return error = "tuningResult: the job is not done", true;
    result = job_->lr_find ? lr_find_result(*job_->finder) : cv_result(*job_->cv);
    return true;
}

}  // namespace lrlab
