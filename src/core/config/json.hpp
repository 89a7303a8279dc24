// Config <-> JSON, and the one validator every entry point uses (CLI, JS API, URL, changes).
//
// Validation never throws (the page is built without exceptions): it returns every error at
// once, each naming its JSON path, e.g. {"runs[1].optimizer.lr", "must be > 0, got -1"}.
#pragma once

#include <array>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/config.hpp"

namespace lrlab
{

struct ConfigResult
{
    Config config;                     // every default filled in; meaningful when ok()
    std::vector<ConfigError> errors;
    bool ok() const { return errors.empty(); }
};

// Reads JSON text; a syntax error is reported with its position ("line 3, column 7: ...").
// Never throws.
bool parse_json_text(const std::string& text, nlohmann::json& out, ConfigError& error);

ConfigResult parse_config(const nlohmann::json& j);
ConfigResult parse_config_text(const std::string& text);

// Every key, every default filled in. parse_config(to_json(c)).config == c.
nlohmann::json to_json(const Config& c);
// Only the keys whose values differ from their defaults (defaults computed for this config's
// own steps and LRs); parse_config(to_minimal_json(c)).config == c. Used for URLs.
nlohmann::json to_minimal_json(const Config& c);

// Partial parsers, reused by the `schedule` and `surface` verbs and by mid-run changes.
// `path` prefixes every error path.
std::vector<ConfigError> parse_optimizer(const nlohmann::json& j, const std::string& path,
                                         OptimizerConfig& out);
// parse_schedule also checks that the LR is finite at every step 0..steps (unless !check_lr,
// for a schedule already checked).
std::vector<ConfigError> parse_schedule(const nlohmann::json& j, const std::string& path,
                                        const OptimizerConfig& opt, std::int64_t steps,
                                        ScheduleConfig& out, bool check_lr = true);
std::vector<ConfigError> parse_clip(const nlohmann::json& j, const std::string& path,
                                    ClipConfig& out);
nlohmann::json to_json(const OptimizerConfig& c);
nlohmann::json to_json(const ScheduleConfig& c);
nlohmann::json to_json(const ClipConfig& c);

// A run with its `changes` applied up to (and including) those with at <= step; the run's own
// `changes` list is kept. Changes were validated by parse_config.
RunConfig run_config_at(const Config& c, std::size_t run, std::int64_t step);

// The `surface` verb's config: {"function": "rosenbrock", "start": [-1.5, 2.0], "steps": 200,
// "runs": [{"name", "optimizer", "schedule", "clip"}]}.
struct SurfaceRunConfig
{
    std::string name;
    OptimizerConfig optimizer;
    ScheduleConfig schedule;
    ClipConfig clip;
};
struct SurfaceConfig
{
    std::string function = "rosenbrock";
    std::array<double, 2> start{-1.5, 2.0};
    std::int64_t steps = 200;
    std::vector<SurfaceRunConfig> runs;
    // What the landscape map shows (DESIGN.md, "Landscape view"): default the function's window.
    std::array<double, 2> view_x{-2.0, 2.0};
    std::array<double, 2> view_y{-1.0, 3.0};
};
struct SurfaceConfigResult
{
    SurfaceConfig config;
    std::vector<ConfigError> errors;
    bool ok() const { return errors.empty(); }
};
SurfaceConfigResult parse_surface_config(const nlohmann::json& j);
// Whether `j` is a surface config rather than an experiment's (DESIGN.md: an object with a
// `function` key): the page's setConfig and Import, a lesson and the CLI's --points all ask.
bool is_surface_json(const nlohmann::json& j);
// Every key (getConfig), and only what differs from the defaults plus `function` (the URL);
// parse_surface_config reads both back to an equal config (config/surface_json.cpp).
nlohmann::json to_json(const SurfaceConfig& c);
nlohmann::json to_minimal_json(const SurfaceConfig& c);

// The config reference (README): every key with its type, default and range, generated from the
// same tables the validator uses.
std::string config_reference_markdown();

// Formats a double so that it round-trips (%.17g, shortest form that reads back equal).
std::string format_double(double v);
// The same for a float32 value (at most 9 significant digits).
std::string format_float(float v);

}  // namespace lrlab
