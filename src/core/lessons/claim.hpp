// A claim: one machine-checkable sentence of a lesson's caption (DESIGN.md, "Lessons are data
// with checkable claims"): `left op factor × right`, where left is a metric of a run and right is
// a literal or a metric of a run (the same run or another).
//   {"text": "sgd 0.05 diverges", "left": {"run": "sgd 0.05", "metric": "diverged"},
//    "op": "==", "right": true}
//   {"text": "...", "left": {...}, "op": "<", "right": {"run": "sgd 0.01", "metric":
//    "test_loss"}, "factor": 0.5}
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/config.hpp"

namespace lrlab
{

enum class ClaimOp
{
    lt,
    le,
    gt,
    ge,
    eq
};

struct MetricRef
{
    std::string run;
    std::string metric;
};

struct Claim
{
    std::string text;
    MetricRef left;
    ClaimOp op = ClaimOp::lt;
    bool right_is_metric = false;
    MetricRef right;             // when right_is_metric
    double literal = 0.0;        // otherwise; true and false are 1 and 0
    bool literal_is_bool = false;
    double factor = 1.0;         // applies to a metric on the right
};

// The metrics of a network run: the `run` CSV columns at the last evaluation, then the
// history's extremes and the step of divergence.
const std::vector<std::string>& network_claim_metrics();
// The metrics of a surface run: its last row.
const std::vector<std::string>& surface_claim_metrics();

const char* op_symbol(ClaimOp op);

// Reads one claim; `path` prefixes every error ("claims[2].op"). Checks the shape only: which
// runs and metrics exist is the lesson's check (lesson.hpp).
std::vector<ConfigError> parse_claim(const nlohmann::json& j, const std::string& path,
                                     Claim& out);
nlohmann::json to_json(const Claim& c);

}  // namespace lrlab
