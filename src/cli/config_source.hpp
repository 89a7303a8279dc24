// The CONFIG argument of a verb: a JSON file, or "-" for standard input. Every verb that takes a
// config reads it through here, so that options every such verb shares (the own-data issue's
// `--points FILE.csv`) are added once, in one place, for all of them.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/config/json.hpp"

namespace lrlab::cli
{

struct ConfigSource
{
    std::string path;    // a file, or "-" for standard input
    std::string points;  // --points FILE.csv: fills data.points (DESIGN.md "Your own data")
};

// Adds the positional CONFIG (required) and the options every config-taking verb shares.
void add_config_source(CLI::App* cmd, ConfigSource& source,
                       const std::string& description =
                           "Experiment config (JSON file, or - for standard input)");

// The two halves of read_config_json: reading the file (an I/O error), then the JSON value of
// its text (syntax and size limits checked by parse_json_text; shared options applied).
bool read_config_text(const ConfigSource& source, std::string& text,
                      std::vector<ConfigError>& errors);
bool config_json_from_text(const ConfigSource& source, const std::string& text,
                           nlohmann::json& config, std::vector<ConfigError>& errors);

// The config as a JSON value: read_config_text, then config_json_from_text.
// False with the errors (exit 2) when it cannot be read.
bool read_config_json(const ConfigSource& source, nlohmann::json& config,
                      std::vector<ConfigError>& errors);

// read_config_json, then parse_config: the validated experiment config or its errors.
ConfigResult load_config(const ConfigSource& source);

}  // namespace lrlab::cli
