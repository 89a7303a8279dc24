// One training run (train/run.hpp): the training step, batches, evaluation and divergence.
#include "core/train/run.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/model/losses.hpp"
#include "core/schedules/descriptor.hpp"
#include "core/math/rng.hpp"

namespace lrlab
{
namespace
{
// Rows per forward call when evaluating a whole set.
constexpr std::size_t eval_chunk = 256;
}  // namespace

Run::Run(const RunConfig& settings, const Mlp& model, const ParamSet& initial, std::int64_t steps,
         const TrainingData& data)
    : model_(&model), steps_total_(steps)
{
    const std::size_t largest = std::max(data.train_x.shape(0), data.test_x.shape(0));
    eval_ws_ = model.make_workspace(std::min(eval_chunk, largest));
    reset(settings, initial);
}

void Run::reset(const RunConfig& settings, const ParamSet& initial)
{
    settings_ = RunConfig{};  // force apply() to rebuild everything
    settings_.train.batch_size = 0;
    params_ = initial;
    grads_ = zeros_like(initial);
    schedule_ = Schedule{};  // nothing carried over from before the reset
    apply(settings);
    opt_state_ = init(optimizer_, params_);
    order_.clear();
    cursor_ = 0;
    epoch_ = 0;
    step_ = 0;
    samples_ = 0;
    last_report_ = StepReport{};
    diverged_ = false;
    diverged_at_ = -1;
    history_.clear();
    recent_.clear();
}

void Run::apply(const RunConfig& settings)
{
    const bool new_batch = settings.train.batch_size != settings_.train.batch_size;
    const bool new_type = settings.optimizer.type != settings_.optimizer.type;
    const bool new_schedule = new_type || settings.optimizer.lr != settings_.optimizer.lr ||
                              !same_settings(settings.schedule, settings_.schedule);
    const bool new_lr = settings.optimizer.lr != settings_.optimizer.lr;
    settings_ = settings;
    if (new_batch)
    {
        const auto b = static_cast<std::size_t>(settings.train.batch_size);
        ws_ = model_->make_workspace(b);
        batch_x_ = Tensor::from_shape({b, static_cast<std::size_t>(model_->inputs())});
        batch_y_ = Vector::from_shape({b});
    }
    optimizer_ = make_optimizer(settings.optimizer, settings.clip);
    if (new_type && !params_.tensors.empty())
        opt_state_ = init(optimizer_, params_);
    if (new_schedule)
    {
        Schedule next = make_schedule(settings.schedule, settings.optimizer, steps_total_ + 1);
        next.continue_from(schedule_, new_lr);
        schedule_ = std::move(next);
    }
    // The evaluation at this step already happened: its row reports the LR the next step will
    // use (DESIGN), which is the new one.
    if (!history_.empty() && history_.back().step == step_)
        history_.back().lr = schedule_.lr(step_);
}

void Run::start_epoch(std::size_t n_train)
{
    order_.resize(n_train);  // allocates on the first epoch only
    for (std::size_t i = 0; i < n_train; ++i)
        order_[i] = static_cast<std::uint32_t>(i);
    Rng::stream(order_seed_, Stream::batch_order, epoch_).shuffle(order_.data(), n_train);
    ++epoch_;
    cursor_ = 0;
}

std::size_t Run::next_batch(const TrainingData& data)
{
    const std::size_t n_train = data.train_x.shape(0);
    order_seed_ = data.order_seed;
    if (cursor_ >= order_.size())
        start_epoch(n_train);
    // Consecutive chunks of the epoch's order; the last partial chunk included (drop_last=False).
    const std::size_t n =
        std::min(static_cast<std::size_t>(settings_.train.batch_size), n_train - cursor_);
    const std::size_t inputs = data.train_x.shape(1);
    for (std::size_t r = 0; r < n; ++r)
    {
        const std::size_t src = order_[cursor_ + r];
        std::copy_n(data.train_x.data() + src * inputs, inputs, batch_x_.data() + r * inputs);
        batch_y_.data()[r] = data.train_y.data()[src];
    }
    cursor_ += n;
    return n;
}

void Run::step(const TrainingData& data)
{
    samples_ += settings_.train.batch_size;
    if (diverged_)
    {
        ++step_;  // a diverged run stops changing; its step count keeps pace with the others
        return;
    }
    const std::size_t n = next_batch(data);
    StepContext ctx;
    ctx.step = step_;
    ctx.lr = schedule_.lr(step_);
    ctx.has_momentum = schedule_.has_momentum();
    ctx.momentum = ctx.has_momentum ? schedule_.momentum(step_) : 0.0;
    ctx.report = &last_report_;
    const double l1 = settings_.train.l1, l2 = settings_.train.l2;
    double loss = model_->loss_and_grad(params_, batch_x_.data(), batch_y_.data(), n, ws_, grads_);
    if (l1 != 0.0 || l2 != 0.0)
    {
        loss += penalty(params_, l1, l2);
        add_penalty_grad(params_, l1, l2, grads_);
    }
    update(optimizer_, grads_, opt_state_, params_, ctx);
    recent_.record(step_, loss, last_report_.grad_norm);
    ++step_;
    check_divergence(loss);
}

void Run::check_divergence(double loss)
{
    if (diverged_ || (std::isfinite(loss) && all_finite(params_)))
        return;
    diverged_ = true;
    diverged_at_ = step_;
}

double Run::mean_loss(const Tensor& x, const Vector& y, double* accuracy)
{
    const std::size_t n = x.shape(0), inputs = x.shape(1);
    const std::size_t k = static_cast<std::size_t>(model_->outputs());
    double sum = 0.0;
    std::size_t correct = 0;
    for (std::size_t start = 0; start < n; start += eval_ws_.capacity)
    {
        const std::size_t m = std::min(eval_ws_.capacity, n - start);
        const float* out = model_->forward(params_, x.data() + start * inputs, m, eval_ws_);
        sum += loss_sum(model_->task(), out, y.data() + start, m, k);
        correct += count_correct(model_->task(), out, y.data() + start, m, k);
    }
    *accuracy = double(correct) / double(n);
    return sum / double(n);
}

MetricsRow Run::evaluate(const TrainingData& data)
{
    MetricsRow row;
    row.step = step_;
    // DESIGN's step × batch_size / n_train, summed step by step so that a batch-size change
    // counts each step at the size it had (exact: samples_ < 2^53).
    row.epoch = double(samples_) / double(data.train_x.shape(0));
    row.train_loss = mean_loss(data.train_x, data.train_y, &row.train_acc);
    row.test_loss = mean_loss(data.test_x, data.test_y, &row.test_acc);
    row.has_accuracy = data.task != TaskKind::regression;
    if (!std::isfinite(row.train_loss) || !std::isfinite(row.test_loss))
        check_divergence(row.train_loss + row.test_loss);
    // ReduceLROnPlateau is fed the test loss at every evaluation after step 0, before the row
    // reports the LR the next step will use.
    if (step_ > 0 && !diverged_ && schedule_.observes_metric())
        schedule_.observe(row.test_loss);
    row.lr = schedule_.lr(step_);
    row.has_grad = step_ > 0;
    row.grad_norm = last_report_.grad_norm;
    row.clipped_grad_norm = last_report_.clipped_grad_norm;
    row.diverged = diverged_;
    history_.push_back(row);
    return row;
}

}  // namespace lrlab
