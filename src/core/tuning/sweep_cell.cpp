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

// Rows forwarded before the first look at the running sum, and the fewest between two: a
// forward call of few rows costs more per row.
constexpr std::size_t first_look = 32, least_look = 16;

// Rows to forward before the next look, of `left` in the chunk: as many as the mean loss of
// the `done` rows so far says the sum still needs to reach `needed`; all when it cannot.
std::size_t next_look(double needed, double partial, std::size_t done, std::size_t left)
{
    if (done == 0)
        return std::min(first_look, left);
    const double rows = (needed - partial) / (partial / double(done));  // inf for partial 0
    if (!(rows < double(left)))
        return left;
    return rows > double(least_look) ? static_cast<std::size_t>(std::ceil(rows))
                                     : std::min(least_look, left);
}

}  // namespace

std::optional<double> sweep_test_loss(const Mlp& model, const ParamSet& p, const TrainingData& d,
                                      Workspace& ws, double useless_from)
{
    const std::size_t n = d.test_x.shape(0), inputs = d.test_x.shape(1);
    const std::size_t k = static_cast<std::size_t>(model.outputs());
    const double needed = useless_from * double(n);  // a sum that shows the loss cannot matter
    double sum = 0.0;
    for (std::size_t start = 0; start < n; start += ws.capacity)
    {
        const std::size_t end = start + std::min(ws.capacity, n - start);
        double chunk = 0.0;  // Run::mean_loss's loss_sum of this chunk, added piece by piece
        for (std::size_t r = start, m = 0; r < end; r += m)
        {
            m = next_look(needed, sum + chunk, r, end - r);
            const float* out = model.forward(p, d.test_x.data() + r * inputs, m, ws);
            chunk = add_losses(model.task(), out, d.test_y.data() + r, m, k, chunk);
            // The rest only adds losses >= 0, so the mean cannot end below this.
            if ((sum + chunk) / double(n) >= useless_from)
                return std::nullopt;
        }
        sum += chunk;
    }
    return sum / double(n);
}

namespace
{

double max_abs(const Tensor& x)
{
    double m = 0.0;
    for (const float v : x)
        m = std::max(m, double(std::fabs(v)));
    return m;
}

// The |x| bound sweep_logits_bounded takes, over both sets; infinite (no bound holds) when a
// regression target is so large that the squared error of a bounded output could overflow.
double input_bound(const TrainingData& d)
{
    if (d.task == TaskKind::regression &&
        std::max(max_abs(d.train_y), max_abs(d.test_y)) > logit_bound)
        return std::numeric_limits<double>::infinity();
    return std::max(max_abs(d.train_x), max_abs(d.test_x));
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

// Which test losses can still change a row (fill_sweep_metrics): one below the lowest so far
// (of equal minima the first counts), or one <= the target while none has reached it.
struct OpenColumns
{
    static constexpr double inf = std::numeric_limits<double>::infinity();
    double best = inf;
    double target = -inf;  // -inf: none, or reached

    // The least test loss that changes no column.
    double useless_from() const { return std::max(best, std::nextafter(target, inf)); }

    void record(const MetricsRow& m)
    {
        if (!std::isfinite(m.test_loss))
            return;
        best = std::min(best, m.test_loss);
        if (m.test_loss <= target)
            target = -inf;
    }
};

// One evaluation between the first and the last: the row the history needs, if any.
std::optional<MetricsRow> evaluate_between(Run& run, const Config& c, const TrainingData& d,
                                           double bound, const MetricsRow& last,
                                           const OpenColumns& open, Workspace& ws)
{
    if (run.diverged() && last.diverged)
        return std::nullopt;  // frozen weights: the same numbers as the evaluation before
    if (run.diverged() || !sweep_logits_bounded(c.model, run.params(), bound))
        return run.evaluate(d);
    const std::optional<double> loss =
        sweep_test_loss(run.model(), run.params(), d, ws, open.useless_from());
    if (!loss)
        return std::nullopt;  // changes no column
    MetricsRow m;
    m.step = run.steps_done();
    m.test_loss = *loss;
    if (!std::isfinite(m.test_loss))
        return run.evaluate(d);  // Run marks the divergence itself
    return m;
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
    const double bound = input_bound(d);
    std::vector<MetricsRow> history{run.evaluate(d)};
    OpenColumns open;
    open.target = target_loss.value_or(-OpenColumns::inf);
    open.record(history.back());
    for (std::int64_t s = 1; s <= c.train.steps; ++s)
    {
        run.step(d);
        std::optional<MetricsRow> m;
        if (s == c.train.steps)
            m = run.evaluate(d);
        else if (s % c.train.eval_every == 0)
            m = evaluate_between(run, c, d, bound, history.back(), open, ws);
        if (!m)
            continue;
        history.push_back(*m);
        open.record(*m);
    }
    fill_sweep_metrics(history, target_loss, row);
}

}  // namespace lrlab
