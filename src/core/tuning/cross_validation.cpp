#include "core/tuning/cross_validation.hpp"

#include <cmath>

#include "core/config/json.hpp"
#include "core/tuning/base_run.hpp"
#include "core/tuning/param_path.hpp"

namespace lrlab
{
namespace
{

// The config with `value` at `path`, validated, reduced to the base run.
std::vector<ConfigError> value_config(const CvRequest& r, const ParamPath& path, double value,
                                      std::size_t base, Config& out)
{
    nlohmann::json j = r.config;
    set_param(j, path, value);
    ConfigResult parsed = parse_config(j);
    for (ConfigError& e : parsed.errors)
        e.message += " (with " + path.text + " = " + format_double(value) + " from --values)";
    if (!parsed.ok())
        return parsed.errors;
    out = parsed.config;
    out.runs = {parsed.config.runs[base]};
    return {};
}

double mean(const std::vector<double>& v)
{
    double s = 0.0;
    for (double x : v)
        s += x;
    return s / double(v.size());
}

double population_std(const std::vector<double>& v, double m)
{
    double s = 0.0;
    for (double x : v)
        s += (x - m) * (x - m);
    return std::sqrt(s / double(v.size()));
}

// The held-out fold's metrics at the last evaluation (the `test` columns of the fold's run).
CvFoldResult fold_result(const Experiment& e)
{
    const Run& run = e.run(0);
    const MetricsRow& last = run.history().back();
    CvFoldResult out;
    out.val_loss = last.test_loss;
    out.val_acc = last.test_acc;
    out.has_accuracy = last.has_accuracy;
    out.diverged = run.diverged();
    return out;
}

nlohmann::json finite_or_null(double v)
{
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

}  // namespace

std::vector<ConfigError> plan_cross_validation(const CvRequest& r, CvPlan& plan)
{
    const ConfigResult base = parse_config(r.config);
    if (!base.ok())
        return base.errors;
    std::size_t run = 0;
    ConfigError error;
    if (!find_base_run(base.config, r.run, run, error))
        return {error};
    plan = CvPlan{};
    plan.param = r.param.empty() ? "runs[" + std::to_string(run) + "].optimizer.lr" : r.param;
    ParamPath path;
    std::string why;
    if (!resolve_param_path(r.config, plan.param, path, why))
        return {{"--param", why}};
    const std::size_t n_train = make_dataset(base.config.data).train_x.shape(0);
    if (r.folds < 2 || static_cast<std::size_t>(r.folds) > n_train)
        return {{"--folds", "must be an integer in [2, " + std::to_string(n_train) +
                                "] (the training set has " + std::to_string(n_train) +
                                " samples), got " + std::to_string(r.folds)}};
    if (r.values.empty())
        return {{"--values", "needs at least one value"}};
    const std::string data = to_json(base.config)["data"].dump();
    bool any_change = false;
    for (double v : r.values)
    {
        Config c;
        std::vector<ConfigError> errors = value_config(r, path, v, run, c);
        if (!errors.empty())
            return errors;
        if (to_json(c)["data"].dump() != data)
            return {{"--param", plan.param + " changes the data set (data.*), which the folds "
                                             "split: cv tries values on fixed folds"}};
        any_change = any_change || (!plan.configs.empty() &&
                                    to_json(c).dump() != to_json(plan.configs[0]).dump());
        plan.configs.push_back(std::move(c));
    }
    if (r.values.size() > 1 && !any_change)
        return {{"--param", plan.param + " does not change the base run \"" +
                                base.config.runs[run].name + "\""}};
    plan.values = r.values;
    plan.folds = r.folds;
    return {};
}

CvFoldResult run_cv_fold(const Config& c, const TrainingData& fold)
{
    Experiment e(c, fold);
    e.step_all(e.steps());
    return fold_result(e);
}

CrossValidation::CrossValidation(CvPlan plan) : plan_(std::move(plan))
{
    const Config& c = plan_.configs.front();
    data_ = make_training_data(make_dataset(c.data), c.data);
    folds_ = make_folds(data_, plan_.folds, c.data.seed);
}

std::int64_t CrossValidation::steps_total() const
{
    std::int64_t total = 0;
    for (const Config& c : plan_.configs)
        total += c.train.steps * static_cast<std::int64_t>(folds_.size());
    return total;
}

std::int64_t CrossValidation::steps_done() const
{
    std::int64_t done = 0;
    for (const CvFoldResult& r : rows_)
        done += plan_.configs[r.value_index].train.steps;
    return done + (job_ ? job_->step() : 0);
}

void CrossValidation::step(std::int64_t n)
{
    while (n > 0 && !done())
    {
        const std::size_t job = rows_.size();
        const std::size_t v = job / folds_.size(), f = job % folds_.size();
        if (!job_)
            job_ = std::make_unique<Experiment>(plan_.configs[v], fold_data(data_, folds_, f));
        const std::int64_t before = job_->step();
        job_->step_all(n);
        n -= job_->step() - before;
        if (job_->finished())
            finish_job();
    }
}

void CrossValidation::finish_job()
{
    const std::size_t job = rows_.size();
    CvFoldResult r = fold_result(*job_);
    r.value_index = job / folds_.size();
    r.value = plan_.values[r.value_index];
    r.fold = job % folds_.size();
    rows_.push_back(r);
    job_.reset();
}

CvSummary CrossValidation::summary() const
{
    return summarize_cv(plan_.param, plan_.values, rows_);
}

CvSummary summarize_cv(const std::string& param, const std::vector<double>& values,
                       const std::vector<CvFoldResult>& rows)
{
    CvSummary s;
    s.param = param;
    double best_loss = 0.0;
    for (std::size_t v = 0; v < values.size(); ++v)
    {
        std::vector<double> loss, acc;
        CvValueSummary out;
        out.value = values[v];
        for (const CvFoldResult& r : rows)
            if (r.value_index == v)
            {
                loss.push_back(r.val_loss);
                acc.push_back(r.val_acc);
                out.has_accuracy = r.has_accuracy;
                out.diverged_folds += r.diverged ? 1 : 0;
            }
        if (loss.empty())
            continue;  // not run yet
        out.mean_val_loss = mean(loss);
        out.std_val_loss = population_std(loss, out.mean_val_loss);
        out.mean_val_acc = mean(acc);
        out.std_val_acc = population_std(acc, out.mean_val_acc);
        if (out.diverged_folds == 0 && std::isfinite(out.mean_val_loss) &&
            (!s.best || out.mean_val_loss < best_loss))
        {
            s.best = out.value;
            best_loss = out.mean_val_loss;
        }
        s.values.push_back(out);
    }
    return s;
}

nlohmann::json cv_summary_json(const CvSummary& s)
{
    nlohmann::json values = nlohmann::json::array();
    for (const CvValueSummary& v : s.values)
        values.push_back({{"value", v.value},
                          {"mean_val_loss", finite_or_null(v.mean_val_loss)},
                          {"std_val_loss", finite_or_null(v.std_val_loss)},
                          {"mean_val_acc", v.has_accuracy ? finite_or_null(v.mean_val_acc)
                                                          : nlohmann::json(nullptr)},
                          {"std_val_acc", v.has_accuracy ? finite_or_null(v.std_val_acc)
                                                         : nlohmann::json(nullptr)},
                          {"diverged_folds", v.diverged_folds}});
    return {{"param", s.param},
            {"values", values},
            {"best", s.best ? nlohmann::json(*s.best) : nlohmann::json(nullptr)}};
}

}  // namespace lrlab
