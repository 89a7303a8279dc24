#include "core/tuning/lr_finder.hpp"

#include <algorithm>
#include <cmath>

#include "core/config/json.hpp"
#include "core/model/losses.hpp"
#include "core/tuning/value_list.hpp"

namespace lrlab
{
namespace
{

// The base run as the range test runs it: no schedule, no mid-run changes, the first LR.
RunConfig finder_settings(const Experiment& e, std::size_t run, double lr)
{
    RunConfig s = run_config_at(e.config(), run, 0);
    s.schedule = ScheduleConfig{};  // constant with factor 1: the optimizer's LR, unchanged
    s.changes.clear();
    s.optimizer.lr = lr;
    return s;
}

std::string number_text(double v) { return format_double(v); }

}  // namespace

std::vector<ConfigError> check_lr_finder_options(const LrFinderOptions& o)
{
    std::vector<ConfigError> errors;
    if (!(o.start_lr > 0.0) || !std::isfinite(o.start_lr))
        errors.push_back({"--start-lr", "must be a finite number > 0, got " +
                                            number_text(o.start_lr)});
    if (!std::isfinite(o.end_lr) || !(o.end_lr > o.start_lr))
        errors.push_back({"--end-lr", "must be a finite number > --start-lr (" +
                                          number_text(o.start_lr) + "), got " +
                                          number_text(o.end_lr)});
    if (o.num_iter < 2 || o.num_iter > max_lr_finder_iterations)
        errors.push_back({"--num-iter", "must be an integer in [2, " +
                                            std::to_string(max_lr_finder_iterations) + "], got " +
                                            std::to_string(o.num_iter)});
    if (!(o.smooth >= 0.0 && o.smooth < 1.0))
        errors.push_back({"--smooth", "must be in [0, 1), got " + number_text(o.smooth)});
    if (!(o.diverge_th > 1.0) || !std::isfinite(o.diverge_th))
        errors.push_back({"--diverge-th", "must be a finite number > 1, got " +
                                              number_text(o.diverge_th)});
    return errors;
}

LrFinder::LrFinder(const Experiment& e, std::size_t run, const LrFinderOptions& o)
    : experiment_(&e),
      options_(o),
      settings_(finder_settings(e, run, o.start_lr)),
      run_(settings_, e.model(), e.initial_params(), o.num_iter, e.data()),
      lrs_(o.linear ? lin_spaced(o.start_lr, o.end_lr, o.num_iter)
                    : log_spaced(o.start_lr, o.end_lr, o.num_iter)),
      ema_(o.smooth)
{
    if (o.on_test)
        eval_ws_ = e.model().make_workspace(std::min<std::size_t>(256, e.data().test_x.shape(0)));
    result_.points.reserve(lrs_.size());
}

void LrFinder::step(std::int64_t n)
{
    for (std::int64_t k = 0; k < n && !done_; ++k)
        iterate();
}

double LrFinder::test_loss()
{
    const TrainingData& d = experiment_->data();
    const Mlp& model = experiment_->model();
    const std::size_t n = d.test_x.shape(0), inputs = d.test_x.shape(1);
    const std::size_t k = static_cast<std::size_t>(model.outputs());
    double sum = 0.0;
    for (std::size_t start = 0; start < n; start += eval_ws_.capacity)
    {
        const std::size_t m = std::min(eval_ws_.capacity, n - start);
        const float* out = model.forward(run_.params(), d.test_x.data() + start * inputs, m,
                                         eval_ws_);
        sum += loss_sum(model.task(), out, d.test_y.data() + start, m, k);
    }
    return sum / double(n);
}

void LrFinder::iterate()
{
    const double lr = lrs_[static_cast<std::size_t>(iter_)];
    double loss = NAN;
    if (!run_.diverged())  // weights already non-finite: the loss would be too
    {
        if (iter_ > 0)
        {
            settings_.optimizer.lr = lr;
            run_.apply(settings_);
        }
        run_.step(experiment_->data());
        const RecentSteps& recent = run_.recent_steps();
        loss = options_.on_test ? test_loss() : recent[recent.size() - 1].batch_loss;
    }
    const double smoothed = std::isfinite(loss) ? ema_.add(loss) : NAN;
    if (!std::isfinite(smoothed))
    {
        result_.stopped_early = true;
        result_.stop_iter = iter_;
        finish();
        return;
    }
    result_.points.push_back({iter_, lr, loss, smoothed});
    best_ = iter_ == 0 ? smoothed : std::min(best_, smoothed);
    ++iter_;
    if (smoothed > options_.diverge_th * best_)
    {
        result_.stopped_early = true;
        result_.stop_iter = iter_ - 1;
        finish();
    }
    else if (iter_ == options_.num_iter)
        finish();
}

void LrFinder::finish()
{
    done_ = true;
    std::vector<double> lrs, raw, smoothed;
    for (const LrFinderPoint& p : result_.points)
    {
        lrs.push_back(p.lr);
        raw.push_back(p.loss);
        smoothed.push_back(p.smoothed_loss);
    }
    SuggestionOptions s;
    s.skip_start = static_cast<std::size_t>(options_.num_iter / 10);
    s.skip_end = 5;
    s.beta = options_.smooth;
    result_.suggestions = suggest_lrs(lrs, raw, smoothed, s);
    if (result_.stopped_early)
        result_.suggestions.note = "stopped at iteration " + std::to_string(result_.stop_iter) +
                                   (result_.points.size() == std::size_t(result_.stop_iter)
                                        ? " (a non-finite loss); "
                                        : " (the smoothed loss passed --diverge-th x its "
                                          "minimum); ") +
                                   result_.suggestions.note;
}

nlohmann::json suggestion_json(const LrFinderResult& r)
{
    const auto lr = [](const std::optional<double>& v)
    { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
    const Suggestions& s = r.suggestions;
    return {{"suggestions",
             {{"steepest", lr(s.steepest)}, {"minimum", lr(s.minimum)}, {"valley", lr(s.valley)}}},
            {"stopped_early", r.stopped_early},
            {"stop_iter", r.stop_iter < 0 ? nlohmann::json(nullptr) : nlohmann::json(r.stop_iter)},
            {"note", s.note}};
}

}  // namespace lrlab
