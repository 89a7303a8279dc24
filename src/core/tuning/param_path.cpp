#include "core/tuning/param_path.hpp"

#include <cmath>
#include <cstdint>

namespace lrlab
{
namespace
{

std::string prefix(const std::vector<PathPart>& parts, std::size_t n)
{
    std::string s;
    for (std::size_t i = 0; i < n; ++i)
        s += parts[i].key.empty() ? "[" + std::to_string(parts[i].index) + "]"
                                  : (s.empty() ? "" : ".") + parts[i].key;
    return s;
}

}  // namespace

bool resolve_param_path(const nlohmann::json& config, const std::string& path, ParamPath& out,
                        std::string& error)
{
    out = {path, {}};
    if (!parse_json_path(path, out.parts) || out.parts.empty() ||
        out.parts.back().key.empty())
    {
        error = "not a JSON path of a key (like runs[0].optimizer.lr): \"" + path + "\"";
        return false;
    }
    const nlohmann::json* node = &config;
    for (std::size_t i = 0; i < out.parts.size(); ++i)
    {
        const PathPart& p = out.parts[i];
        const std::string here = prefix(out.parts, i);
        if (p.key.empty())
        {
            if (!node->is_array() || p.index >= static_cast<long>(node->size()))
            {
                error = (here.empty() ? "the config" : here) + " has no element [" +
                        std::to_string(p.index) + "]" +
                        (node->is_array() ? " (it has " + std::to_string(node->size()) + ")" : "");
                return false;
            }
            node = &(*node)[static_cast<std::size_t>(p.index)];
            continue;
        }
        if (!node->is_null() && !node->is_object())
        {
            error = (here.empty() ? "the config" : here) + " is not an object";
            return false;
        }
        if (node->is_null() || !node->contains(p.key))
            return true;  // created by set_param; the validator judges the key
        node = &(*node)[p.key];
    }
    if (!node->is_number())
    {
        error = path + " is not a numeric key (it holds " + node->dump() + ")";
        return false;
    }
    return true;
}

void set_param(nlohmann::json& config, const ParamPath& path, double value)
{
    nlohmann::json* node = &config;
    for (const PathPart& p : path.parts)
        node = p.key.empty() ? &(*node)[static_cast<std::size_t>(p.index)] : &(*node)[p.key];
    const bool integral = std::floor(value) == value && std::fabs(value) < 9007199254740992.0;
    if (integral)
        *node = static_cast<std::int64_t>(value);
    else
        *node = value;
}

}  // namespace lrlab
