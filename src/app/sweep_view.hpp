// The page's sweep (panel_sweep.cpp, web_sweep.cpp): the options the panel edits, the sweep
// running or shown (its request and the rows received so far, by cell), and what the views
// need to draw it. Cells are trained by web/worker_pool.js; rows arrive in any order.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/sweep_request.hpp"

namespace lrlab
{

// What the panel's widgets edit (and the URL's sweep.* keys hold).
struct SweepForm
{
    double lr_min = 1e-4, lr_max = 10.0;
    int lr_n = 21;
    std::vector<std::string> optimizers{"sgd", "adam", "rmsprop"};
    std::array<char, 128> param{};    // an extra key (e.g. runs[0].train.batch_size), optional
    std::array<char, 256> values{};   // its values: "a,b,c" | log:.. | lin:..
    bool use_target = false;
    double target_loss = 0.1;
    std::string run;                  // the base run's name ("" = the first)
};

struct SweepView
{
    SweepForm form;
    bool best_loss = false;                    // the chart shows best (else final) test loss
    std::optional<SweepRequest> request;       // the sweep shown; none before the first
    nlohmann::json options;                    // its options (without config)
    std::vector<std::optional<SweepRow>> rows; // by cell
    std::vector<std::string> failed;           // by cell: why the cell failed ("" = not)
    std::int64_t done = 0;
    bool running = false;
    bool cancelled = false;
    double started_ms = 0.0, finished_ms = 0.0;
    std::string status;                        // the last thing that happened, for the panel
    std::vector<ConfigError> errors;           // why the last sweep asked for did not start
    bool open_panel = false;                   // a sweep started: open the panel once
    std::int64_t hover_cell = -1;
    std::uint64_t version = 0;                 // bumps when the options shown change (URL)
    std::uint64_t url_version = 0;             // the version the URL holds
    bool start_from_url = false;               // the URL held a sweep: run it once ready
};

// Cells as the views draw them: one column per LR, one row per (optimizer, params) group, in
// the order the grid first reaches them (the optimizer axis, then the --param axes).
struct SweepGrid
{
    std::vector<double> lrs;
    std::vector<std::string> groups;           // "adam", "adam runs[0].train.batch_size=10"
    std::vector<std::string> group_optimizer;  // the group's optimizer, for its colour
    std::int64_t column(std::int64_t cell) const { return cell / std::int64_t(groups.size()); }
    std::int64_t row(std::int64_t cell) const { return cell % std::int64_t(groups.size()); }
};
SweepGrid sweep_grid(const SweepRequest& r);

// The value a view shows for a row: its final (or best) test loss; NaN when it has none.
double shown_loss(const SweepRow& row, bool best);

}  // namespace lrlab
