// Internal to config/*.cpp: the section key tables (top level, data, model, train, surface), the
// lists of optimizer, schedule and clip descriptors (each in its type's own file), and the readers
// and writers they drive. Keys themselves are declared in config/key.hpp.
//
// Sections: [Tables] [Readers] [Writers]
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/json.hpp"
#include "core/config/key.hpp"
#include "core/optim/clip.hpp"
#include "core/optim/descriptor.hpp"
#include "core/schedules/descriptor.hpp"

namespace lrlab::config_detail
{

// ---- [Tables] (config/registry.cpp; types: optim/*.cpp, schedules/*.cpp) --------------------

const std::vector<Key<Config>>& top_keys();          // seed
const std::vector<Key<DataConfig>>& data_keys();
const std::vector<Key<ModelConfig>>& model_keys();
const std::vector<Key<TrainConfig>>& train_keys();
const std::vector<Key<RunTrainConfig>>& run_train_keys();
const std::vector<Key<SurfaceConfig>>& surface_keys();

// The descriptor of `type` in a list of descriptors; nullptr if unknown.
template <class Desc>
const Desc* find_type_descriptor(const std::vector<Desc>& list, const std::string& type)
{
    return find_by_name(list, &Desc::type, type);
}

// ---- [Readers] (config/read.cpp) -------------------------------------------------------------

std::string json_type_name(const json& v);                        // "string \"abc\"", "array", ...
std::string describe(const json& v);                               // short text of a value

// Validates one value against a key's kind and range; on success writes the normalised value
// (integers as int64, "inf" as +infinity) to `out` and returns true.
bool read_value(const json& v, const std::string& path, Kind kind, const Range& range,
                std::vector<std::string> (*choices)(), std::size_t max_count, json& out,
                Errors& errors);

// Reports every key of `obj` that is not in `allowed`, naming what `owner` takes.
void check_unknown_keys(const json& obj, const std::string& path,
                        const std::vector<std::string>& allowed, const std::string& owner,
                        Errors& errors);

// True if `v` is an object; otherwise reports it at `path`.
bool expect_object(const json& v, const std::string& path, Errors& errors);

template <class Cfg>
std::vector<std::string> key_names(const std::vector<Key<Cfg>>& keys)
{
    std::vector<std::string> names;
    for (const Key<Cfg>& k : keys)
        names.push_back(k.name);
    return names;
}

// Reads every key of the table from `obj` (an object, or null for "all defaults") in table
// order, so that a default may depend on keys before it. Invalid values are reported and
// replaced by their defaults. Unknown keys are not checked here.
template <class Cfg>
void read_keys(const json& obj, const std::string& path, const std::vector<Key<Cfg>>& keys,
               const DefaultCtx& ctx, Cfg& out, Errors& errors)
{
    for (const Key<Cfg>& k : keys)
    {
        const std::string kpath = join(path, k.name);
        const bool given = obj.is_object() && obj.contains(k.name);
        if (k.kind == Kind::schedules)
        {
            k.parse(given ? obj[k.name] : k.default_for(ctx, out), kpath, ctx, out, errors);
            continue;
        }
        json value;
        if (!given || !read_value(obj[k.name], kpath, k.kind, k.range, k.choices, k.max_count,
                                  value, errors))
            value = k.default_for(ctx, out);
        k.field.set(out, value);
    }
}

// Reads {"type": T, ...keys of T}: checks the type (one of the descriptors), unknown keys and
// every key. `default_type` nullptr: type required. Returns the descriptor read, or nullptr when
// the type is missing or unknown.
template <class Desc, class Cfg>
const Desc* read_typed(const json& j, const std::string& path, const std::vector<Desc>& list,
                       const char* what, const char* default_type, const DefaultCtx& ctx,
                       Cfg& out, Errors& errors)
{
    out = Cfg{};
    if (!expect_object(j, path, errors))
        return nullptr;
    const std::vector<std::string> names = names_of(list, &Desc::type);
    const std::string tpath = join(path, "type");
    const json type = j.contains("type") ? j["type"] : json(default_type ? default_type : "");
    if (!j.contains("type") && !default_type)
    {
        errors.push_back({tpath, std::string("required; one of: ") + join_names(names)});
        return nullptr;
    }
    if (!type.is_string())
    {
        errors.push_back({tpath, "must be a string, got " + json_type_name(type)});
        return nullptr;
    }
    const Desc* d = find_type_descriptor(list, type.get_ref<const std::string&>());
    if (!d)
    {
        errors.push_back({tpath, std::string("unknown ") + what + " " + describe(type) +
                                     "; expected one of: " + join_names(names)});
        return nullptr;
    }
    out.type = d->type;
    json rest = j;
    rest.erase("type");
    // "unknown key for adam; adam takes lr, ...", "... for clip value; clip value takes ..."
    const std::string owner =
        std::string(what) == "optimizer" ? d->type : std::string(what) + " " + d->type;
    check_unknown_keys(rest, path, key_names(d->keys), owner, errors);
    read_keys(rest, path, d->keys, ctx, out, errors);
    return d;
}

// ---- [Writers] (config/write.cpp) ------------------------------------------------------------

json write_value(Kind kind, const json& v);  // +infinity norm_type -> "inf"

template <class Cfg>
void write_keys(const std::vector<Key<Cfg>>& keys, const Cfg& c, json& out)
{
    for (const Key<Cfg>& k : keys)
        out[k.name] = write_value(k.kind, k.field.get(c));
}

// {"type": T, ...every key of T}: an optimizer, schedule or clip with its descriptor (nullptr
// for an unknown type: the type alone).
template <class Cfg, class Descriptor>
json typed_json(const Cfg& c, const Descriptor* d)
{
    json out{{"type", c.type}};
    if (d)
        write_keys(d->keys, c, out);
    return out;
}

// The value a key takes when omitted, resolved (schedules parsed) for comparison.
template <class Cfg>
json resolved_default(const Key<Cfg>& k, const DefaultCtx& ctx, const Cfg& c)
{
    json d = k.default_for(ctx, c);
    if (k.kind != Kind::schedules)
        return d;
    Cfg tmp = c;
    Errors ignored;
    k.parse(d, k.name, ctx, tmp, ignored);
    return k.field.get(tmp);
}

// Writes only the keys whose values differ from their defaults.
template <class Cfg>
void write_changed_keys(const std::vector<Key<Cfg>>& keys, const DefaultCtx& ctx, const Cfg& c,
                        json& out)
{
    for (const Key<Cfg>& k : keys)
    {
        const json v = k.field.get(c);
        if (v != resolved_default(k, ctx, c))
            out[k.name] = write_value(k.kind, v);
    }
}

// Shared by parse_config, run_config_at and parse_surface_config.
struct RunCtx
{
    DefaultCtx defaults;       // steps, seed and the top-level train values
    int n_train = -1;          // -1 when the data section is invalid (batch check skipped)
    std::size_t index = 0;     // default name "run <index+1>"
    bool check_schedule_lr = true;  // false: the schedule's LR is known finite (parse_schedule)
};
}  // namespace lrlab::config_detail

namespace lrlab::limits
{
constexpr int max_run_name_bytes = 200;  // beside limits in config.hpp; used by run_name.cpp
}  // namespace lrlab::limits

namespace lrlab::config_detail
{
// A run's name (config/run_name.cpp), the same rule for experiment and surface runs: false
// (reported at `path`) unless a non-empty string of at most limits::max_run_name_bytes bytes
// without control characters.
bool read_run_name(const json& n, const std::string& path, std::string& out, Errors& errors);
// Reads a run without its `changes`.
void read_run_core(const json& j, const std::string& path, const RunCtx& ctx, RunConfig& out,
                   Errors& errors);
json run_to_json_core(const RunConfig& r);  // without `changes`
void read_changes(const json& j, const std::string& path, const RunCtx& ctx, RunConfig& run,
                  Errors& errors);
int train_count(const DataConfig& d);       // round(samples * train_fraction)

}  // namespace lrlab::config_detail
