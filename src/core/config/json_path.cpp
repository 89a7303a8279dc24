// Paths of a JSON value in the syntax of error messages, and merging (core/config/json_path.hpp).
#include "core/config/json_path.hpp"

#include <cctype>

namespace lrlab
{

using nlohmann::json;

bool parse_json_path(const std::string& path, std::vector<PathPart>& out)
{
    out.clear();
    std::size_t i = 0;
    const std::size_t n = path.size();
    while (i < n)
    {
        if (path[i] == '[')
        {
            const std::size_t close = path.find(']', i);
            if (close == std::string::npos || close == i + 1 || close - i > 7)
                return false;
            long index = 0;
            for (std::size_t k = i + 1; k < close; ++k)
            {
                if (!std::isdigit(static_cast<unsigned char>(path[k])))
                    return false;
                index = index * 10 + (path[k] - '0');
            }
            out.push_back({"", index});
            i = close + 1;
            if (i < n && path[i] == '.')
            {
                ++i;
                if (i == n)
                    return false;
            }
            continue;
        }
        std::size_t end = i;
        while (end < n && path[end] != '.' && path[end] != '[')
            ++end;
        if (end == i)
            return false;
        out.push_back({path.substr(i, end - i), -1});
        i = end;
        if (i < n && path[i] == '.')
        {
            ++i;
            if (i == n)
                return false;
        }
    }
    return !out.empty();
}

bool erase_json_path(json& j, const std::string& path)
{
    std::vector<PathPart> parts;
    if (!parse_json_path(path, parts))
        return false;
    json* parent = nullptr;
    json* cur = &j;
    std::size_t depth = 0;
    for (; depth < parts.size(); ++depth)
    {
        const PathPart& p = parts[depth];
        json* next = nullptr;
        if (p.index < 0 && cur->is_object() && cur->contains(p.key))
            next = &(*cur)[p.key];
        else if (p.index >= 0 && cur->is_array() && std::size_t(p.index) < cur->size())
            next = &(*cur)[std::size_t(p.index)];
        if (!next)
            break;
        parent = cur;
        cur = next;
    }
    if (depth == 0 || !parent)
        return false;  // nothing of the path exists (or it names the root)
    const PathPart& last = parts[depth - 1];
    if (last.index < 0)
        parent->erase(last.key);
    else
        parent->erase(std::size_t(last.index));
    return true;
}

json merge_json(const json& base, const json& patch)
{
    if (patch.is_object() && base.is_object())
    {
        json out = base;
        for (auto it = patch.begin(); it != patch.end(); ++it)
            out[it.key()] = out.contains(it.key()) ? merge_json(out[it.key()], it.value())
                                                   : it.value();
        return out;
    }
    bool by_index = patch.is_array() && base.is_array();
    for (const json& e : patch)
        by_index = by_index && (e.is_null() || e.is_object());
    if (by_index)
    {
        json out = base;
        for (std::size_t i = 0; i < patch.size(); ++i)
        {
            if (i >= out.size())
                out.push_back(patch[i]);
            else if (!patch[i].is_null())
                out[i] = merge_json(out[i], patch[i]);
        }
        return out;
    }
    return patch;
}

}  // namespace lrlab
