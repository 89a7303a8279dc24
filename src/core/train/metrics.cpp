// The columns of an evaluation row (train/metrics.hpp).
#include "core/train/metrics.hpp"

#include <cmath>

namespace lrlab
{

namespace
{

MetricCell count(std::int64_t v)
{
    MetricCell c;
    c.count = v;
    return c;
}

MetricCell real(bool present, double v)
{
    MetricCell c;
    c.present = present;
    c.real = v;
    return c;
}

MetricCell flag(bool v)
{
    MetricCell c;
    c.flag = v;
    return c;
}

}  // namespace

const std::vector<MetricColumn>& metric_value_columns()
{
    // Accuracy is absent for regression, the gradient norms at step 0 (DESIGN.md's table), and
    // accuracy next to a non-finite loss: a model with nan weights classifies nothing (its
    // argmax of nans picks class 0), so that number would be noise.
    static const std::vector<MetricColumn> columns = {
        {"step", MetricKind::count, [](const MetricsRow& r) { return count(r.step); }},
        {"epoch", MetricKind::real, [](const MetricsRow& r) { return real(true, r.epoch); }},
        {"lr", MetricKind::real, [](const MetricsRow& r) { return real(true, r.lr); }},
        {"train_loss", MetricKind::real,
         [](const MetricsRow& r) { return real(true, r.train_loss); }},
        {"test_loss", MetricKind::real,
         [](const MetricsRow& r) { return real(true, r.test_loss); }},
        {"train_acc", MetricKind::real,
         [](const MetricsRow& r)
         { return real(r.has_accuracy && std::isfinite(r.train_loss), r.train_acc); }},
        {"test_acc", MetricKind::real,
         [](const MetricsRow& r)
         { return real(r.has_accuracy && std::isfinite(r.test_loss), r.test_acc); }},
        {"grad_norm", MetricKind::real,
         [](const MetricsRow& r) { return real(r.has_grad, r.grad_norm); }},
        {"clipped_grad_norm", MetricKind::real,
         [](const MetricsRow& r) { return real(r.has_grad, r.clipped_grad_norm); }},
        {"diverged", MetricKind::flag, [](const MetricsRow& r) { return flag(r.diverged); }},
    };
    return columns;
}

const std::vector<std::string>& metrics_columns()
{
    static const std::vector<std::string> columns = []
    {
        std::vector<std::string> names = {"run"};
        for (const MetricColumn& c : metric_value_columns())
            names.push_back(c.name);
        return names;
    }();
    return columns;
}

}  // namespace lrlab
