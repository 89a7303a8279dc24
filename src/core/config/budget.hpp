// The work and memory budget over a whole config (issue 8 item 10, issue 14 defect 9). Each key
// has its own bound (config.hpp), but all of them at their bound at once is about 10 s per step
// of one run natively, 16 runs × 10^6 steps ≈ years and about 8 GB, so a config must also fit:
// - history rows: runs × evaluations (one MetricsRow, 96 bytes, each; the page hands all of
//   them to history());
// - work: the multiply-adds of training and evaluating, Σ runs P × (3 × steps × batch +
//   evaluations × samples), P = the model's parameters (a forward pass is P multiply-adds per
//   sample, forward + backward about 3 P);
// - schedule rows: Σ runs (1 + changes of a schedule key or optimizer.lr) × (steps + 1), the
//   LR tables built (and checked finite) when a run starts and at each such change;
// - memory: history, schedule tables, workspaces (batch × widths), parameters and optimizer
//   state, and the data, in bytes;
// - step work: one step of every run and one evaluation, Σ runs P × (3 × batch + samples): the
//   page plays a config in frames, so its total work may be the CLI's, but one step must not
//   freeze the tab.
// The CLI's budget is applied by parse_config; the page applies its lower one (page_budget)
// where it installs a config, because a browser tab has less memory and must stay responsive.
// The figures are in the README's limits table.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/config.hpp"

namespace lrlab
{

struct Budget
{
    const char* who;                  // "lrlab" or "the page", for messages
    std::int64_t max_history_rows;
    double max_work;                  // multiply-adds
    std::int64_t max_schedule_rows;
    double max_memory_bytes;
    double max_step_work;             // multiply-adds of one step of every run and an evaluation
};

namespace limits
{
constexpr std::int64_t max_history_rows = 1000000;
}  // namespace limits

const Budget& cli_budget();
const Budget& page_budget();

// What a valid config costs, by the measures above.
struct Footprint
{
    std::int64_t history_rows = 0;
    double work = 0.0;
    std::int64_t schedule_rows = 0;
    double memory_bytes = 0.0;
    double step_work = 0.0;  // Σ runs P × (3 × batch + samples): what one frame at least costs
};
Footprint footprint(const Config& c);

// Evaluations of one run over `steps` (DESIGN.md): step 0, every multiple of `eval_every`, and
// `steps` itself.
std::int64_t evaluation_count(std::int64_t steps, std::int64_t eval_every);

// Appends an error naming `train.eval_every` (with the smallest value that fits) when
// runs × evaluations exceed the budget's history rows. Expects steps and eval_every validated.
void check_history_budget(const Config& c, std::vector<ConfigError>& errors,
                          const Budget& b = cli_budget());

// Footprint::schedule_rows read from the JSON before validation (which checks that many LR
// rows), so that a config over budget costs no checking; invalid runs count as one table.
std::int64_t schedule_rows_of(const nlohmann::json& config, std::int64_t steps);

// Every measure of the budget, for a config whose keys are each valid: an error per measure
// over its limit, naming the key that decides it and the limit.
void check_budget(const Config& c, const Budget& b, std::vector<ConfigError>& errors);

}  // namespace lrlab
