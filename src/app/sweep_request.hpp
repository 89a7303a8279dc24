// A sweep asked for by the page (window.lrlab.sweep, the sweep panel, a worker's job): the
// options of `lrlab sweep` as a JS object, read into the core's SweepSpec, and one cell of it
// trained into the row `lrlab sweep` prints (DESIGN.md, "Choosing the LR").
//
// Options are the CLI's flags in camelCase, with the same texts:
//   {config?, run?, lrRange: "1e-4:10:21", optimizers: "sgd,adam" | ["sgd", "adam"],
//    param?: PATH, values?: "log:..." | [..], params?: [{param, values}, ...],
//    targetLoss?: X, fair?: bool}
// `param`/`values` is one --param/--values pair, `params` any number of them (after it).
// Every error names the option (or the config's JSON path, or the cell, as the CLI does). The
// page is built without exceptions: every value is type-checked before it is read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/config.hpp"
#include "core/tuning/sweep_grid.hpp"
#include "core/tuning/sweep_row.hpp"

namespace lrlab
{

struct SweepRequest
{
    nlohmann::json user;              // the config as given (or the page's, minimal)
    std::size_t base = 0;             // the base run's index in it
    RunConfig base_run;               // parsed, for the cells' defaults
    SweepSpec spec;
    std::optional<double> target;     // --target-loss
    bool fair = false;                // --fair: the result also holds each optimizer's best
    std::int64_t cells = 0;
};

// Reads `opts` (the config from opts.config, else `page_config`). With `check_cells`, every
// cell's config is validated too, as the CLI does before the first cell trains (at most five
// cells' errors are listed). Empty when valid.
std::vector<ConfigError> read_sweep_request(const nlohmann::json& opts,
                                            const nlohmann::json& page_config, bool check_cells,
                                            SweepRequest& out);

// The cell's row: its settings and its trained metrics, as `lrlab sweep` prints it. False with
// the validator's errors when the cell's config is invalid.
bool train_sweep_request_cell(const SweepRequest& r, std::int64_t cell, SweepRow& row,
                              std::vector<ConfigError>& errors);

// A row as JS gets it: the CSV's column names as keys, numbers (null for an empty column or a
// non-finite number), `diverged` a boolean; and back (the panel keeps the rows it receives).
nlohmann::json sweep_row_json(const SweepRow& row);
bool sweep_row_from_json(const nlohmann::json& j, SweepRow& row);

// The cell's base run as one run of the page's experiment (the cell's optimizer and LR, and
// every --param value that a run can hold: its own keys, and train.batch_size, l1, l2 as its
// train overrides). `skipped` lists the paths a run cannot hold (e.g. train.steps).
nlohmann::json sweep_cell_as_run(const SweepRequest& r, const SweepRow& row,
                                 std::vector<std::string>& skipped);

}  // namespace lrlab
