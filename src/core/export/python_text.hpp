// Python source text for the exported scripts (export/torch_script.hpp): literals that read
// back as exactly the config's values, and keyword arguments with a comment naming the key.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/key.hpp"

namespace lrlab::py
{

// A float literal that Python reads as exactly v: 0.1, 1e-05, 2000.0, math.inf.
std::string float_literal(double v);
// A config value of the key's kind as Python: 2000, True, (0.9, 0.999), [100, 200], 0.5.
std::string literal(config_detail::Kind kind, const nlohmann::json& v);

// One keyword argument per line: `    name=value,  # path: doc`.
struct Argument
{
    std::string name;
    std::string value;
    std::string comment;
};
// `head(` + one line per argument + `)`, indented by `indent` spaces.
std::string call(const std::string& head, const std::vector<Argument>& args, int indent);

}  // namespace lrlab::py
