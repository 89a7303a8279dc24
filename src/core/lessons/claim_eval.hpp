// Evaluating a lesson's claims on a run's results: at the end of training (check-lesson, the
// seed tests) or at any step (the page's lesson panel ticks them as the lesson trains).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/lessons/lesson.hpp"
#include "core/surface/run.hpp"
#include "core/train/metrics.hpp"

namespace lrlab
{

class Experiment;

// One metric's value. Absent: the run has no such value yet (grad_norm at step 0, diverged_at of
// a run that did not diverge); a comparison with an absent value fails. Non-finite values (a
// diverged loss) compare as IEEE says: NaN fails every comparison.
struct MetricValue
{
    bool present = false;
    double value = 0.0;
};

// What a network run has done so far: its evaluations and the step it diverged at (-1: never).
struct RunRecord
{
    const std::vector<MetricsRow>* history = nullptr;
    std::int64_t diverged_at = -1;
};

MetricValue network_metric(const RunRecord& run, const std::string& metric);
MetricValue surface_metric(const std::vector<SurfaceRow>& rows, const std::string& metric);

struct ClaimResult
{
    bool held = false;
    MetricValue left;
    MetricValue right;   // factor × the right-hand metric, or the literal
};

// The metric of a run by name; the claim's run names were checked by parse_lesson.
using MetricLookup = std::function<MetricValue(const MetricRef&)>;
ClaimResult evaluate_claim(const Claim& c, const MetricLookup& lookup);

// Every claim of a network lesson on the experiment as it is now (its last evaluations).
std::vector<ClaimResult> evaluate_claims(const Lesson& l, const Experiment& e);
// Every claim of a surface lesson on its runs' trajectories (in the config's run order).
std::vector<ClaimResult> evaluate_surface_claims(const Lesson& l,
                                                 const std::vector<std::string>& run_names,
                                                 const std::vector<std::vector<SurfaceRow>>& rows);

// The numbers of a result for people: "0.071 vs 0.064", "diverged at step 6", "not diverged".
std::string claim_numbers(const Claim& c, const ClaimResult& r);

}  // namespace lrlab
