// The history budget (issue 8 item 10): every run keeps one MetricsRow per evaluation, and the
// page hands all of them to history(). The validator refuses a config whose rows, runs ×
// evaluations, exceed max_history_rows, so any accepted config stays within a stated memory
// budget: 1,000,000 rows × sizeof(MetricsRow) (104 bytes) ≈ 100 MB in the engine, about
// 115 MB as history() JSON. E.g. 16 runs evaluated every step fit 62,499 steps.
#pragma once

#include <cstdint>
#include <vector>

#include "core/config/config.hpp"

namespace lrlab
{

namespace limits
{
constexpr std::int64_t max_history_rows = 1000000;
}  // namespace limits

// Evaluations of one run over `steps` (DESIGN.md): step 0, every multiple of `eval_every`, and
// `steps` itself.
std::int64_t evaluation_count(std::int64_t steps, std::int64_t eval_every);

// Appends an error naming `train.eval_every` (with the smallest value that fits) when
// runs × evaluations exceed limits::max_history_rows. Expects steps and eval_every validated.
void check_history_budget(const Config& c, std::vector<ConfigError>& errors);

}  // namespace lrlab
