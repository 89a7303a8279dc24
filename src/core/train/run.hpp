// Run: one training run — its weights, optimizer and state, schedule, batch cursor, metrics
// history and divergence. Run::step is DESIGN.md's "one training step":
//   loss (data + L1/L2) -> gradients -> clip -> optimizer (weight decay, update, with the LR the
//   schedule gives for this step) -> the schedule advances.
#pragma once

#include <cstdint>
#include <vector>

#include "core/config/config.hpp"
#include "core/train/divergence.hpp"
#include "core/train/metrics.hpp"
#include "core/model/mlp.hpp"
#include "core/optim/optimizers.hpp"
#include "core/config/json.hpp"
#include "core/schedules/schedule.hpp"

namespace lrlab
{

// The data every run of an experiment shares: model inputs after the feature map.
struct TrainingData
{
    TaskKind task = TaskKind::binary;
    Tensor train_x, test_x;  // (n_train, inputs), (n_test, inputs)
    Vector train_y, test_y;
    std::uint64_t order_seed = 1;  // data.seed: the per-epoch batch order
};

class Run
{
public:
    // `settings` is the run's config with the changes at step 0 applied; `steps` = train.steps.
    Run(const RunConfig& settings, const Mlp& model, const ParamSet& initial, std::int64_t steps,
        const TrainingData& data);

    // Back to step 0 with the given weights; history cleared.
    void reset(const RunConfig& settings, const ParamSet& initial);
    // New hyperparameters from the next step on, keeping weights, optimizer state and the
    // schedule state the change does not touch (Schedule::continue_from). The row of an
    // evaluation at this step shows the new LR.
    void apply(const RunConfig& settings);

    void step(const TrainingData& data);
    MetricsRow evaluate(const TrainingData& data);  // appends to history; may feed the plateau

    const RunConfig& settings() const { return settings_; }
    std::int64_t steps_done() const { return step_; }
    bool diverged() const { return diverged_; }
    std::int64_t diverged_at() const { return diverged_at_; }  // -1 if not diverged
    const ParamSet& params() const { return params_; }
    const Schedule& schedule() const { return schedule_; }
    const std::vector<MetricsRow>& history() const { return history_; }
    const Mlp& model() const { return *model_; }
    // The last steps' batch loss and gradient norm: what led up to a divergence.
    const RecentSteps& recent_steps() const { return recent_; }

private:
    void start_epoch(std::size_t n_train);
    std::size_t next_batch(const TrainingData& data);  // gathers into batch_x_/batch_y_
    double mean_loss(const Tensor& x, const Vector& y, double* accuracy);
    void check_divergence(double loss);

    RunConfig settings_;
    const Mlp* model_;
    std::int64_t steps_total_;
    ParamSet params_, grads_;
    Optimizer optimizer_;
    OptimizerState opt_state_;
    Schedule schedule_;
    Workspace ws_, eval_ws_;
    Tensor batch_x_;
    Vector batch_y_;
    std::vector<std::uint32_t> order_;  // this epoch's sample order
    std::size_t cursor_ = 0;            // next position in order_
    std::uint64_t epoch_ = 0;
    std::uint64_t order_seed_ = 1;
    std::int64_t step_ = 0;
    std::int64_t samples_ = 0;  // Σ batch_size over the steps taken (the epoch column)
    StepReport last_report_;
    bool diverged_ = false;
    std::int64_t diverged_at_ = -1;
    std::vector<MetricsRow> history_;
    RecentSteps recent_;
};

}  // namespace lrlab
