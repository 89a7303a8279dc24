// K-fold cross-validation of one numeric key (DESIGN.md, "Choosing the LR": `lrlab cv`).
//
// For each value of the key (set in the user's JSON at its path, then validated again, so
// that e.g. "train.l2" reaches every run that inherits it) and each fold, the base run trains on
// the other folds for train.steps, exactly as `lrlab run` would train it (evaluations at
// eval_every, so that reduce_on_plateau sees its metric, here the held-out fold's loss), and is
// scored on the held-out fold as `run` scores the test set: mean data loss without the L1/L2
// penalty, accuracy (none for regression). The folds (folds.hpp) are the same for every value;
// the test set is never used. The model's initial weights are the experiment's.
//
// step(n) advances n training steps over the (value, fold) jobs in order, so that the page can
// spread the work over frames; run_cv_fold() runs one job alone, for a pool of workers.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/train/experiment.hpp"
#include "core/tuning/folds.hpp"

namespace lrlab
{

struct CvRequest
{
    nlohmann::json config;  // the user's JSON, as read
    std::string param;      // empty: the base run's optimizer.lr (runs[0].optimizer.lr)
    std::vector<double> values;
    int folds = 5;
    std::string run;        // --run; empty: the first run
};

struct CvPlan
{
    std::string param;            // the path as used
    std::vector<double> values;
    std::vector<Config> configs;  // one per value, its runs reduced to the base run
    int folds = 5;
};

// Checks the request and builds every value's config; errors name the flag (--param,
// --values, --folds, --run) or the JSON path the validator refused. Nothing runs.
std::vector<ConfigError> plan_cross_validation(const CvRequest& request, CvPlan& plan);

struct CvFoldResult
{
    std::size_t value_index = 0;
    double value = 0.0;
    std::size_t fold = 0;
    double val_loss = 0.0;
    double val_acc = 0.0;
    bool has_accuracy = false;
    bool diverged = false;
};

struct CvValueSummary
{
    double value = 0.0;
    double mean_val_loss = 0.0, std_val_loss = 0.0;  // std over the folds (population, ddof 0)
    double mean_val_acc = 0.0, std_val_acc = 0.0;
    bool has_accuracy = false;
    int diverged_folds = 0;
};

struct CvSummary
{
    std::string param;
    std::vector<CvValueSummary> values;
    // The value of lowest mean validation loss among those with no diverged fold (the first
    // of equals); none when every value has a diverged fold.
    std::optional<double> best;
};

// One job: `c` (one run) trained on fold_data(data, folds, f) and scored on its fold.
CvFoldResult run_cv_fold(const Config& c, const TrainingData& fold);

class CrossValidation
{
public:
    explicit CrossValidation(CvPlan plan);

    void step(std::int64_t n);  // up to n more training steps
    bool done() const { return rows_.size() == jobs_total(); }
    std::size_t jobs_total() const { return plan_.values.size() * folds_.size(); }
    std::size_t jobs_done() const { return rows_.size(); }
    std::int64_t steps_total() const;
    std::int64_t steps_done() const;
    const std::vector<CvFoldResult>& rows() const { return rows_; }  // by value, then fold
    CvSummary summary() const;
    const Folds& folds() const { return folds_; }

private:
    void finish_job();

    CvPlan plan_;
    TrainingData data_;
    Folds folds_;
    std::unique_ptr<Experiment> job_;
    std::vector<CvFoldResult> rows_;
};

CvSummary summarize_cv(const std::string& param, const std::vector<double>& values,
                       const std::vector<CvFoldResult>& rows);

// The contract's summary JSON: {"param", "values": [{"value", "mean_val_loss", "std_val_loss",
// "mean_val_acc", "std_val_acc", "diverged_folds"}...], "best"}; non-finite numbers are null.
nlohmann::json cv_summary_json(const CvSummary& s);

}  // namespace lrlab
