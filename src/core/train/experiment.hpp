// Experiment: the shared data, batch order and initial weights, and the runs, stepped in
// lockstep. Evaluations happen at step 0, at every multiple of eval_every and at train.steps
// (DESIGN.md). Runs never read each other, so results do not depend on the order or number of
// runs, nor on how steps are split into calls.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/config.hpp"
#include "core/data/datasets.hpp"
#include "core/model/mlp.hpp"
#include "core/train/run.hpp"

namespace lrlab
{

class Experiment
{
public:
    explicit Experiment(const Config& c);  // c must be valid (parse_config)
    // The same experiment trained and evaluated on `data` instead of the config's data set
    // (same model and initial weights): cross-validation's folds, where `data.train_*` are the
    // training folds and `data.test_*` the held-out fold. `data` must have the config data set's
    // task and input count; dataset() stays the config's raw points.
    Experiment(const Config& c, TrainingData data);
    // Runs point at the experiment's model: an experiment stays where it was built.
    Experiment(const Experiment&) = delete;
    Experiment& operator=(const Experiment&) = delete;

    const Config& config() const { return config_; }
    const Dataset& dataset() const { return dataset_; }  // raw points (for plots)
    const TrainingData& data() const { return data_; }   // model inputs
    const Mlp& model() const { return model_; }
    const ParamSet& initial_params() const { return initial_; }

    std::size_t size() const { return runs_.size(); }
    const Run& run(std::size_t i) const { return runs_[i]; }
    std::int64_t step() const { return step_; }
    std::int64_t steps() const { return config_.train.steps; }
    bool finished() const { return step_ >= config_.train.steps; }

    // Advances every run n steps (not past train.steps), evaluating on schedule. Returns the
    // new step.
    std::int64_t step_all(std::int64_t n);
    // Back to step 0 with the same data and initial weights.
    void reset();

    // Changes a run's hyperparameter now (path relative to the run, e.g. "optimizer.lr"). At
    // step 0 the run's config itself changes; later the change is recorded in the run's
    // `changes` (at = the current step) and applies from the next step, so that replaying the
    // config reproduces it. Nothing changes when the value is invalid.
    std::vector<ConfigError> change(std::size_t run, const std::string& path,
                                    const nlohmann::json& value);

private:
    void start_runs();
    void evaluate_all();
    void apply_changes_at(std::int64_t step);

    Config config_;
    Dataset dataset_;
    TrainingData data_;
    Mlp model_;
    ParamSet initial_;
    std::vector<Run> runs_;
    std::int64_t step_ = 0;
};

// Builds the model inputs of a dataset (feature map for the 2-D sets).
TrainingData make_training_data(const Dataset& d, const DataConfig& c);

}  // namespace lrlab
