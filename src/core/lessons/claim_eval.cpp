// Claim evaluation (claim_eval.hpp).
#include "core/lessons/claim_eval.hpp"

#include <cmath>
#include <cstdio>

#include "core/train/experiment.hpp"

namespace lrlab
{

namespace
{

MetricValue value(double v) { return {true, v}; }

// Over the whole history; a non-finite test loss (a diverged run) is the largest there is, and
// no finite minimum is absent.
MetricValue test_loss_extreme(const std::vector<MetricsRow>& h, bool max)
{
    MetricValue out;
    for (const MetricsRow& r : h)
    {
        const double v = std::isnan(r.test_loss) ? INFINITY : r.test_loss;
        if (!max && !std::isfinite(v))
            continue;
        if (!out.present || (max ? v > out.value : v < out.value))
            out = value(v);
    }
    return out;
}

bool compare(double a, ClaimOp op, double b)
{
    switch (op)
    {
    case ClaimOp::lt: return a < b;
    case ClaimOp::le: return a <= b;
    case ClaimOp::gt: return a > b;
    case ClaimOp::ge: return a >= b;
    case ClaimOp::eq: return a == b;
    }
    return false;
}

// Three significant digits: what a person reads ("0.0712"); the CLI's CSV has every digit.
std::string short_number(double v)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

}  // namespace

MetricValue network_metric(const RunRecord& run, const std::string& metric)
{
    const std::vector<MetricsRow>& h = *run.history;
    if (metric == "diverged_at")
        return run.diverged_at >= 0 ? value(double(run.diverged_at)) : MetricValue{};
    if (metric == "min_test_loss" || metric == "max_test_loss")
        return test_loss_extreme(h, metric == "max_test_loss");
    if (h.empty())
        return {};
    const MetricsRow& r = h.back();
    if (metric == "diverged")
        return value(r.diverged ? 1.0 : 0.0);
    if (metric == "train_loss")
        return value(r.train_loss);
    if (metric == "test_loss")
        return value(r.test_loss);
    if (metric == "grad_norm")
        return r.has_grad ? value(r.grad_norm) : MetricValue{};
    if (!r.has_accuracy)
        return {};
    if (metric == "train_acc")
        return value(r.train_acc);
    if (metric == "test_acc")
        return value(r.test_acc);
    return {};
}

MetricValue surface_metric(const std::vector<SurfaceRow>& rows, const std::string& metric)
{
    if (rows.empty())
        return {};
    const SurfaceRow& r = rows.back();
    if (metric == "diverged")  // a trajectory that became non-finite stops there (surface/run)
        return value(std::isfinite(r.loss) && std::isfinite(r.x) && std::isfinite(r.y) ? 0.0
                                                                                         : 1.0);
    if (metric == "loss")
        return value(r.loss);
    if (metric == "x")
        return value(r.x);
    if (metric == "y")
        return value(r.y);
    return {};
}

ClaimResult evaluate_claim(const Claim& c, const MetricLookup& lookup)
{
    ClaimResult r;
    r.left = lookup(c.left);
    if (c.right_is_metric)
    {
        r.right = lookup(c.right);
        r.right.value *= c.factor;
    }
    else
        r.right = value(c.literal);
    r.held = r.left.present && r.right.present && compare(r.left.value, c.op, r.right.value);
    return r;
}

std::vector<ClaimResult> evaluate_claims(const Lesson& l, const Experiment& e)
{
    const MetricLookup lookup = [&e](const MetricRef& ref)
    {
        for (std::size_t i = 0; i < e.size(); ++i)
            if (e.config().runs[i].name == ref.run)
                return network_metric({&e.run(i).history(), e.run(i).diverged_at()}, ref.metric);
        return MetricValue{};
    };
    std::vector<ClaimResult> out;
    for (const Claim& c : l.claims)
        out.push_back(evaluate_claim(c, lookup));
    return out;
}

std::vector<ClaimResult> evaluate_surface_claims(const Lesson& l,
                                                 const std::vector<std::string>& run_names,
                                                 const std::vector<std::vector<SurfaceRow>>& rows)
{
    const MetricLookup lookup = [&](const MetricRef& ref)
    {
        for (std::size_t i = 0; i < run_names.size() && i < rows.size(); ++i)
            if (run_names[i] == ref.run)
                return surface_metric(rows[i], ref.metric);
        return MetricValue{};
    };
    std::vector<ClaimResult> out;
    for (const Claim& c : l.claims)
        out.push_back(evaluate_claim(c, lookup));
    return out;
}

std::string claim_numbers(const Claim& c, const ClaimResult& r)
{
    if (c.left.metric == "diverged")
    {
        const bool flagged = r.left.present && r.left.value != 0.0;
        return flagged ? "diverged" : "not diverged";
    }
    const std::string left = r.left.present ? short_number(r.left.value)
                                            : c.left.metric == "diverged_at" ? "never diverged"
                                                                             : "no value yet";
    const std::string right = r.right.present ? short_number(r.right.value) : "no value yet";
    const std::string scale =
        c.right_is_metric && c.factor != 1.0 ? " (" + short_number(c.factor) + " × " +
                                                   c.right.run + "'s " + c.right.metric + ")"
                                             : "";
    return left + " " + op_symbol(c.op) + " " + right + scale;
}

}  // namespace lrlab
