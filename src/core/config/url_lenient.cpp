// Lenient reading of a URL's config (core/config/url_codec.hpp): what an error names falls back
// to the lesson's value or its default; everything else the URL holds is kept (issue 8 item 7).
#include "core/config/url_codec.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

const json* find_at(const json& j, const std::string& path)
{
    std::vector<PathPart> parts;
    if (!parse_json_path(path, parts))
        return nullptr;
    const json* cur = &j;
    for (const PathPart& p : parts)
    {
        if (p.index < 0 && cur->is_object() && cur->contains(p.key))
            cur = &(*cur)[p.key];
        else if (p.index >= 0 && cur->is_array() && std::size_t(p.index) < cur->size())
            cur = &(*cur)[std::size_t(p.index)];
        else
            return nullptr;
    }
    return cur;
}

json* find_at(json& j, const std::string& path)
{
    return const_cast<json*>(find_at(static_cast<const json&>(j), path));
}

// "runs[3]" -> 3; -1 for any other path.
long run_index(const std::string& path)
{
    std::vector<PathPart> parts;
    if (!parse_json_path(path, parts) || parts.size() != 2 || parts[0].key != "runs")
        return -1;
    return parts[1].index;
}

json fallback_run(const json& fallback_runs, std::size_t i)
{
    return i < fallback_runs.size() ? fallback_runs[i] : json::object();
}

bool ends_with(const std::string& s, const std::string& tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Makes `merged` drop what error `e` names; false when nothing changed (then it stays).
bool fall_back(json& merged, const json& base, const json& fallback_runs, ConfigError& e)
{
    json* at = find_at(merged, e.path);
    // DESIGN.md: only the optimizer's type is required; a URL that names an optimizer key
    // without it means the default optimizer, so that the real error (the key) is reported.
    if (!at && ends_with(e.path, "optimizer.type"))
    {
        json* optimizer = find_at(merged, e.path.substr(0, e.path.size() - 5));
        if (!optimizer || !optimizer->is_object())
            return false;
        (*optimizer)["type"] = "sgd";
        e.message += " (read as sgd)";
        return true;
    }
    if (e.path == "runs")
        return merged["runs"] == fallback_runs ? false : (merged["runs"] = fallback_runs, true);
    const json* was = find_at(base, e.path);
    if (at && was && *was != *at)
        return *at = *was, true;
    const long run = run_index(e.path);
    if (at && run >= 0)  // a whole run: replaced, never erased (that would renumber the rest)
    {
        const json with = fallback_run(fallback_runs, std::size_t(run));
        return *at == with ? false : (*at = with, true);
    }
    return erase_json_path(merged, e.path);
}

// parse_config of `merged`, dropping what errors name until it is valid (or nothing changes).
ConfigResult settle(json& merged, const json& base, const json& fallback_runs,
                    std::vector<ConfigError>& errors)
{
    ConfigResult r = parse_config(merged);
    for (int pass = 0; pass < 32 && !r.ok(); ++pass)
    {
        bool changed = false;
        for (ConfigError e : r.errors)
        {
            changed = fall_back(merged, base, fallback_runs, e) || changed;
            errors.push_back(e);
        }
        if (!changed)
            break;
        r = parse_config(merged);
    }
    return r;
}

// Paths of what a patch sets: objects by key, arrays of objects by index, else one value.
void leaf_paths(const json& v, const std::string& path, std::vector<std::string>& out)
{
    bool objects = v.is_array() && !v.empty();
    for (const json& e : v)
        objects = objects && e.is_object();
    if (v.is_object() && !v.empty())
    {
        for (auto it = v.begin(); it != v.end(); ++it)
            leaf_paths(it.value(), path.empty() ? it.key() : path + "." + it.key(), out);
    }
    else if (objects)
    {
        for (std::size_t i = 0; i < v.size(); ++i)
            leaf_paths(v[i], path + "[" + std::to_string(i) + "]", out);
    }
    else
        out.push_back(path);
}

// Whether some value run `i` of the patch sets is still in `merged`.
bool run_kept(const json& patch_run, std::size_t i, const json& merged)
{
    const json* now = find_at(merged, "runs[" + std::to_string(i) + "]");
    if (!now)
        return false;
    std::vector<std::string> leaves;
    leaf_paths(patch_run, "", leaves);
    for (const std::string& p : leaves)
    {
        const json* given = p.empty() ? &patch_run : find_at(patch_run, p);
        const json* have = p.empty() ? now : find_at(*now, p);
        if (given && have && *given == *have)
            return true;
    }
    return false;
}

// Runs the hash skips (`runs[1]` alone) are the fallback run at their index, reported.
std::vector<bool> fill_holes(json& patch, const json& base, const json& fallback_runs,
                             std::vector<ConfigError>& errors)
{
    std::vector<bool> holes;
    if (!patch.contains("runs") || !patch["runs"].is_array())
        return holes;
    json& runs = patch["runs"];
    const std::size_t in_base = base.contains("runs") && base["runs"].is_array()
                                    ? base["runs"].size() : 0;
    for (std::size_t i = 0; i < runs.size(); ++i)
    {
        holes.push_back(runs[i].is_null());
        if (!runs[i].is_null() || i < in_base)
            continue;  // a null over a lesson's run keeps that run (merge_json)
        runs[i] = fallback_run(fallback_runs, i);
        errors.push_back({"runs[" + std::to_string(i) + "]",
                          "not in the URL (it names a later run): the default run is used"});
    }
    return holes;
}

void dedupe(std::vector<ConfigError>& errors)
{
    std::vector<ConfigError> out;
    for (const ConfigError& e : errors)
    {
        bool seen = false;
        for (const ConfigError& o : out)
            seen = seen || (o.path == e.path && o.message == e.message);
        if (!seen)
            out.push_back(e);
    }
    errors.swap(out);
}

}  // namespace

ConfigResult read_url_config(const json& base, const HashResult& hash, const json& default_runs,
                             std::vector<ConfigError>& errors)
{
    errors.insert(errors.end(), hash.errors.begin(), hash.errors.end());
    const bool base_runs = base.contains("runs") && base["runs"].is_array();
    const json fallback_runs = base_runs ? base["runs"] : default_runs;
    json patch = hash.json;
    const std::vector<bool> holes = fill_holes(patch, base, fallback_runs, errors);
    json merged = merge_json(base, patch);
    if (!merged.contains("runs"))
        merged["runs"] = fallback_runs;
    ConfigResult r = settle(merged, base, fallback_runs, errors);
    if (!holes.empty() && merged.contains("runs") && merged["runs"].is_array())
    {
        // A run the hash names but of which nothing could be used falls back as a whole, and
        // when that is every run of the hash, the runs are the fallback runs.
        json& runs = merged["runs"];
        std::vector<std::size_t> lost;
        bool any_kept = false;
        for (std::size_t i = 0; i < holes.size() && i < runs.size(); ++i)
        {
            if (holes[i])
                continue;
            if (run_kept(patch["runs"][i], i, merged))
                any_kept = true;
            else
                lost.push_back(i);
        }
        bool changed = false;
        if (!any_kept && !lost.empty() && runs != fallback_runs)
        {
            runs = fallback_runs;
            errors.push_back({"runs", "nothing of the URL's runs could be used: "
                                      "the default runs are shown"});
            changed = true;
        }
        for (std::size_t k = 0; any_kept && k < lost.size(); ++k)
        {
            const json with = fallback_run(fallback_runs, lost[k]);
            if (runs[lost[k]] == with)
                continue;
            runs[lost[k]] = with;
            errors.push_back({"runs[" + std::to_string(lost[k]) + "]",
                              "nothing of this run could be used: the default run is used"});
            changed = true;
        }
        if (changed)
            r = settle(merged, base, fallback_runs, errors);
    }
    dedupe(errors);
    return r;
}

ConfigResult parse_config_leniently(json j, std::vector<ConfigError>& dropped)
{
    ConfigResult r = parse_config(j);
    for (int pass = 0; pass < 32 && !r.ok(); ++pass)
    {
        bool removed = false;
        for (const ConfigError& e : r.errors)
        {
            dropped.push_back(e);
            removed = erase_json_path(j, e.path) || removed;
        }
        if (!removed)
            break;
        r = parse_config(j);
    }
    return r;
}

}  // namespace lrlab
