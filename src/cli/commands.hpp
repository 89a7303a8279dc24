// The verbs of the lrlab CLI. Each add_*_command registers a CLI11 subcommand whose callback
// stores the action to run; main() runs it and maps results to exit codes
// (0 success, 2 bad usage or invalid config, 1 internal error; check-lesson adds 3, a claim
// failed: an outcome of the lesson, not a fault of lrlab).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/config/config.hpp"

namespace lrlab::cli
{

using Action = std::function<int()>;

constexpr int exit_ok = 0;
constexpr int exit_internal = 1;
constexpr int exit_usage = 2;
constexpr int exit_claim_failed = 3;  // check-lesson only: the run worked, a claim did not hold

void add_run_command(CLI::App& app, Action& action);
void add_schedule_command(CLI::App& app, Action& action);
void add_surface_command(CLI::App& app, Action& action);
void add_validate_command(CLI::App& app, Action& action);
void add_bench_command(CLI::App& app, Action& action);
void add_reference_command(CLI::App& app, Action& action);
void add_sweep_command(CLI::App& app, Action& action);
void add_merge_command(CLI::App& app, Action& action);
void add_lr_find_command(CLI::App& app, Action& action);
void add_cv_command(CLI::App& app, Action& action);
void add_export_torch_command(CLI::App& app, Action& action);
void add_lessons_commands(CLI::App& app, Action& action);  // lessons, lesson, check-lesson

// Prints "lrlab: PATH: MESSAGE" for each error on stderr; returns exit_usage.
int report_errors(const std::vector<ConfigError>& errors);

}  // namespace lrlab::cli
