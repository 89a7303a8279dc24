// The grid of `lrlab sweep` (DESIGN.md, "Choosing the LR"): the product of the LR range, the
// optimizers and every --param/--values pair, nested in that order (the LR outermost, the last
// pair innermost), so that cell i is the i-th combination whatever shard or worker trains it.
//
// A cell is the base run of the user's config with the cell's settings written into the JSON the
// user wrote (so that defaults that follow the LR, such as one_cycle's max_lr, follow the cell's
// LR) and validated again by parse_config, naming the cell when it is invalid:
//   - with optimizers, the run's optimizer becomes {"type": T, "lr": LR}: the type's PyTorch
//     defaults but the LR; without them the base run's optimizer is kept, with the cell's LR;
//   - the base run's schedule, clip, train overrides and changes are kept as written (a
//     schedule is part of the recipe being swept; `cyclic` takes its LR from base_lr, as in
//     PyTorch, so an explicit base_lr is not swept);
//   - the other runs are dropped: a cell trains one run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/json.hpp"
#include "core/tuning/param_path.hpp"

namespace lrlab
{

// Grids larger than this are refused (every cell is a training run).
constexpr std::int64_t max_sweep_cells = 100000;

struct SweepAxis
{
    ParamPath path;              // resolved against the user's config (runs[k] = the base run)
    std::vector<double> values;
};

struct SweepSpec
{
    std::vector<double> lrs;              // empty: the base run's LR
    std::vector<std::string> optimizers;  // empty: the base run's optimizer
    std::vector<SweepAxis> axes;          // the --param/--values pairs, in order
};

// The settings of one cell, decoded from its index.
struct SweepCell
{
    std::int64_t index = 0;
    std::string optimizer;          // the type
    double lr = 0.0;
    std::vector<double> values;     // one per axis
};

// The number of cells: the product of the axis lengths (an empty LR or optimizer list counts 1).
std::int64_t sweep_cell_count(const SweepSpec& spec);

// Cell `index` (0 <= index < count); `base` is the parsed base run (for its type and LR).
SweepCell sweep_cell(const SweepSpec& spec, const RunConfig& base, std::int64_t index);

// The `params` column: "PATH=VALUE;..." in axis order, VALUE as it round-trips; "" without axes.
std::string sweep_params_text(const SweepSpec& spec, const SweepCell& cell);

// The cell's config: `user` (the user's JSON, valid) reduced to its run `base_run` with the
// cell's settings, then validated. Errors are prefixed with the cell ("cell 7 (adam, lr=0.1):").
ConfigResult sweep_cell_config(const nlohmann::json& user, std::size_t base_run,
                               const SweepSpec& spec, const SweepCell& cell);

// Checks a spec against the user's config before anything runs: no value repeats on an axis
// (merge infers the grid from the values, so they must be distinct), every runs[i] of a --param
// path names the base run and is not its optimizer.lr (the `lr` column is --lr-range's), the
// grid is not larger than max_sweep_cells. Messages name the flag.
std::vector<ConfigError> check_sweep_spec(const SweepSpec& spec, std::size_t base_run);

}  // namespace lrlab
