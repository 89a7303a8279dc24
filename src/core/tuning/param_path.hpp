// A numeric key of a config named by its JSON path, in the syntax of error messages
// ("train.l2", "runs[0].optimizer.lr", "runs[0].train.batch_size"): what cv's and sweep's
// `--param PATH` sets (DESIGN.md, "Choosing the LR").
//
// The value is written into the config's JSON as the user wrote it (not into the config with
// every default filled in, where "train.l2" would no longer reach the runs that inherit it), and
// the result is validated again by parse_config: "runs[0].optimizer.momentum" of an Adam run or a
// batch size of 2.5 are then the validator's errors, naming the path.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/json_path.hpp"

namespace lrlab
{

struct ParamPath
{
    std::string text;             // as given, for messages and the `params` column
    std::vector<PathPart> parts;
};

// Checks `path` against `config` (the user's JSON): well formed; every index names an existing
// array element; no part goes through a non-object; the key, if present, holds a number.
// False with a message (without the flag's name) otherwise.
bool resolve_param_path(const nlohmann::json& config, const std::string& path, ParamPath& out,
                        std::string& error);

// Writes `value` at the resolved path, creating missing objects on the way. An integral value
// is written as a JSON integer (batch sizes, steps), any other as a double.
void set_param(nlohmann::json& config, const ParamPath& path, double value);

}  // namespace lrlab
