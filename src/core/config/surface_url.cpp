// A surface config from the URL (url_codec.hpp, read_surface_url): DESIGN.md "Browser" — a bad
// or partial URL never breaks the page; what cannot be used is reported by its key and falls
// back to the lesson's value or its default, the rest is kept.
#include "core/config/url_codec.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

// `top` over `base`: objects key by key, arrays of objects element by element (so that
// `runs[1].optimizer.lr` changes one key of a lesson's second run), anything else replaced.
json merge_over(const json& base, const json& top)
{
    if (base.is_object() && top.is_object())
    {
        json out = base;
        for (auto it = top.begin(); it != top.end(); ++it)
            out[it.key()] = out.contains(it.key()) ? merge_over(out[it.key()], it.value())
                                                   : it.value();
        return out;
    }
    // The hash's `runs[1].x` alone reads as runs [null, {x}] or [{}, {x}]: a hole keeps base's.
    const auto objects = [](const json& a)
    {
        for (const json& e : a)
            if (!e.is_object() && !e.is_null())
                return false;
        return true;
    };
    if (base.is_array() && top.is_array() && objects(top) && objects(base))
    {
        json out = base;
        for (std::size_t i = 0; i < top.size(); ++i)
        {
            if (i < out.size())
                out[i] = top[i].is_null() ? out[i] : merge_over(out[i], top[i]);
            else
                out.push_back(top[i]);
        }
        return out;
    }
    return top;
}

// Removes what `path` names from `j`, or the nearest enclosing key that exists; false when
// nothing could be removed (the root, or a path that is not there at all).
bool drop(json& j, const std::string& path)
{
    std::vector<PathPart> parts;
    if (!parse_json_path(path, parts) || parts.empty())
        return false;
    while (!parts.empty())
    {
        json* parent = &j;
        bool found = true;
        for (std::size_t k = 0; k + 1 < parts.size() && found; ++k)
        {
            const PathPart& p = parts[k];
            if (p.index >= 0 && parent->is_array() && std::size_t(p.index) < parent->size())
                parent = &(*parent)[std::size_t(p.index)];
            else if (p.index < 0 && parent->is_object() && parent->contains(p.key))
                parent = &(*parent)[p.key];
            else
                found = false;
        }
        const PathPart& last = parts.back();
        // A run is replaced by an empty one (the default), never erased: that would renumber
        // the runs after it.
        if (found && last.index >= 0 && parent->is_array() &&
            std::size_t(last.index) < parent->size() && (*parent)[std::size_t(last.index)] != json::object())
            return (*parent)[std::size_t(last.index)] = json::object(), true;
        if (found && last.index < 0 && parent->is_object() && parent->contains(last.key))
            return parent->erase(last.key), true;
        parts.pop_back();
    }
    return false;
}

}  // namespace

SurfaceConfigResult read_surface_url(const json& base, const HashResult& hash,
                                     std::vector<ConfigError>& errors)
{
    errors.insert(errors.end(), hash.errors.begin(), hash.errors.end());
    json merged = merge_over(base.is_object() ? base : json::object(), hash.json);
    // Each pass drops what the errors name; a config has few keys, so few passes are needed.
    for (int pass = 0; pass < 64; ++pass)
    {
        SurfaceConfigResult r = parse_surface_config(merged);
        if (r.ok())
            return r;
        bool dropped = false;
        for (ConfigError& e : r.errors)
        {
            if (drop(merged, e.path))
            {
                e.message += " (not used: the default applies)";
                errors.push_back(e);
                dropped = true;
            }
        }
        if (!dropped)
        {
            errors.insert(errors.end(), r.errors.begin(), r.errors.end());
            return r;
        }
    }
    return parse_surface_config(json::object());
}

}  // namespace lrlab
