// Training a sweep cell (tuning/sweep_cell.hpp).
#include "core/tuning/sweep_cell.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/config/json.hpp"
#include "core/model/losses.hpp"
#include "core/train/experiment.hpp"

namespace lrlab
{
namespace
{

// Run::evaluate's rows per forward call (train/run.cpp): the same chunks give the same sums.
constexpr std::size_t eval_chunk = 256;
// Logits below this give finite losses (see the header); far below float's 3.4e38.
constexpr double logit_bound = 1e18;

// Run::mean_loss of the test set, without the accuracy: the same loop, so the same bits.
double mean_test_loss(const Mlp& model, const ParamSet& p, const TrainingData& d, Workspace& ws)
{
    const std::size_t n = d.test_x.shape(0), inputs = d.test_x.shape(1);
    const std::size_t k = static_cast<std::size_t>(model.outputs());
    double sum = 0.0;
    for (std::size_t start = 0; start < n; start += ws.capacity)
    {
        const std::size_t m = std::min(ws.capacity, n - start);
        const float* out = model.forward(p, d.test_x.data() + start * inputs, m, ws);
        sum += loss_sum(model.task(), out, d.test_y.data() + start, m, k);
    }
    return sum / double(n);
}

double max_abs(const Tensor& x)
{
    double m = 0.0;
    for (const float v : x)
        m = std::max(m, double(std::fabs(v)));
    return m;
}

}  // namespace

// Twice each layer's bound covers float rounding (relative error ~1e-7 per term).
bool sweep_logits_bounded(const ModelConfig& mc, const ParamSet& p, double a)
{
    const bool squashing = mc.activation == "tanh" || mc.activation == "sigmoid";
    const double slope = std::max(1.0, std::fabs(mc.leaky_slope));  // relu, gelu: |f(z)| <= |z|
    const std::size_t layers = p.tensors.size() / 2;
    for (std::size_t l = 0; l < layers; ++l)
    {
        const TensorInfo& w = p.tensors[2 * l];
        const float* wv = p.data() + w.offset;
        const float* bv = p.data() + p.tensors[2 * l + 1].offset;
        double z = 0.0;
        for (std::size_t j = 0; j < w.cols; ++j)
        {
            double s = 0.0;
            for (std::size_t i = 0; i < w.rows; ++i)
                s += std::fabs(double(wv[i * w.cols + j]));
            const double unit = 2.0 * (a * s + std::fabs(double(bv[j])));
            if (!(unit <= logit_bound))  // also false for nan
                return false;
            z = std::max(z, unit);
        }
        a = squashing ? 2.0 : slope * z;
    }
    return true;
}

namespace
{

// One evaluation between the first and the last: the test loss only when that is exact.
void evaluate_between(Run& run, const Config& c, const TrainingData& d, double input_bound,
                      Workspace& ws, std::vector<MetricsRow>& history)
{
    if (run.diverged() && history.back().diverged)
        return;  // frozen weights: the same numbers as the evaluation before
    if (run.diverged() || !sweep_logits_bounded(c.model, run.params(), input_bound))
        return history.push_back(run.evaluate(d));
    MetricsRow m;
    m.step = run.steps_done();
    m.test_loss = mean_test_loss(run.model(), run.params(), d, ws);
    if (!std::isfinite(m.test_loss))
        return history.push_back(run.evaluate(d));  // Run marks the divergence itself
    history.push_back(m);
}

bool needs_experiment(const Config& c)
{
    return !c.runs[0].changes.empty() || c.runs[0].schedule.type == "reduce_on_plateau";
}

}  // namespace

void fill_sweep_metrics(const std::vector<MetricsRow>& history,
                        std::optional<double> target_loss, SweepRow& row)
{
    const MetricsRow& last = history.back();
    row.final_train_loss = last.train_loss;
    row.final_test_loss = last.test_loss;
    row.final_test_acc.reset();
    if (last.has_accuracy)
        row.final_test_acc = last.test_acc;
    row.diverged = last.diverged;
    row.best_test_loss = std::numeric_limits<double>::quiet_NaN();
    row.best_step.reset();
    row.steps_to_target.reset();
    for (const MetricsRow& m : history)
    {
        if (!std::isfinite(m.test_loss))
            continue;
        if (!row.best_step || m.test_loss < row.best_test_loss)  // the first of equal minima
        {
            row.best_test_loss = m.test_loss;
            row.best_step = m.step;
        }
        if (target_loss && !row.steps_to_target && m.test_loss <= *target_loss)
            row.steps_to_target = m.step;
    }
}

void train_sweep_cell_reference(const Config& c, std::optional<double> target_loss,
                                SweepRow& row)
{
    Experiment e(c);
    while (!e.finished())
        e.step_all(c.train.eval_every);
    fill_sweep_metrics(e.run(0).history(), target_loss, row);
}

void train_sweep_cell(const Config& c, std::optional<double> target_loss, SweepRow& row)
{
    if (needs_experiment(c))
        return train_sweep_cell_reference(c, target_loss, row);
    const Experiment e(c);  // the data, model and initial weights, as `lrlab run` builds them
    const TrainingData& d = e.data();
    Run run(run_config_at(c, 0, 0), e.model(), e.initial_params(), c.train.steps, d);
    Workspace ws = e.model().make_workspace(
        std::min(eval_chunk, std::max(d.train_x.shape(0), d.test_x.shape(0))));
    const double input_bound = max_abs(d.train_x);
    std::vector<MetricsRow> history{run.evaluate(d)};
    for (std::int64_t s = 1; s <= c.train.steps; ++s)
    {
        run.step(d);
        if (s == c.train.steps)
            history.push_back(run.evaluate(d));
        else if (s % c.train.eval_every == 0)
            evaluate_between(run, c, d, input_bound, ws, history);
    }
    fill_sweep_metrics(history, target_loss, row);
}

}  // namespace lrlab
