// Internal to config_*.cpp: the key tables that drive validation, defaults, to_json,
// to_minimal_json and the Markdown reference alike (Playground's "one property table drives the
// state and its URL"). A key is {name, kind, range, accessor, default, doc}; a section is a list
// of keys; optimizer, schedule and clip types each have one section.
//
// Sections: [Kinds and ranges] [Key] [Tables] [Readers] [Writers]
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/json.hpp"

namespace lrlab::config_detail
{

using nlohmann::json;
using Errors = std::vector<ConfigError>;

// ---- [Kinds and ranges] ----------------------------------------------------------------------

enum class Kind
{
    number,     // finite double within range
    integer,    // integral (2000.0 is fine, 2000.5 is not), within range
    boolean,
    choice,     // a string from choices()
    pair,       // [number, number], each within range (betas, start)
    norm_type,  // number > 0 or the string "inf" (stored as +infinity)
    int_list,   // list of integers within range, at most max_count (milestones, hidden)
    name_list,  // non-empty list of distinct strings from choices() (features)
    schedules   // list of schedule objects (sequential); read by a custom parser
};

constexpr double inf = std::numeric_limits<double>::infinity();

struct Range
{
    double lo = -inf;
    double hi = inf;
    bool lo_open = false;
    bool hi_open = false;
};

inline Range any() { return {}; }
inline Range at_least(double lo) { return {lo, inf, false, false}; }
inline Range above(double lo) { return {lo, inf, true, false}; }
inline Range closed(double lo, double hi) { return {lo, hi, false, false}; }
inline Range right_open(double lo, double hi) { return {lo, hi, false, true}; }
inline Range open(double lo, double hi) { return {lo, hi, true, true}; }

bool in_range(double v, const Range& r);
std::string range_text(const Range& r);  // "> 0", "in [0, 1)", "in [2, 20000]"

// What defaults may depend on.
struct DefaultCtx
{
    std::int64_t steps = 1000;  // S = train.steps (or the surface's steps)
    double lr = 0.0;            // L = the run's optimizer.lr
    std::uint64_t seed = 1;     // the top-level seed
    RunTrainConfig train;       // the top-level train values (a run's train defaults)
    std::string optimizer;      // the run's optimizer type (cycle_momentum needs momentum)
};

// ---- [Key] -----------------------------------------------------------------------------------

template <class Cfg>
struct Accessor
{
    json (*get)(const Cfg&);
    void (*set)(Cfg&, const json&);  // the value has been validated and normalised
};

// Store a validated, normalised JSON value into a field (never throws: types were checked).
void assign(const json& v, double& out);
void assign(const json& v, bool& out);
void assign(const json& v, int& out);
void assign(const json& v, std::int64_t& out);
void assign(const json& v, std::uint64_t& out);
void assign(const json& v, std::string& out);
void assign(const json& v, std::array<double, 2>& out);
void assign(const json& v, std::vector<std::int64_t>& out);
void assign(const json& v, std::vector<int>& out);
void assign(const json& v, std::vector<std::string>& out);

#define LRLAB_FIELD(T, f)                                                                        \
    ::lrlab::config_detail::Accessor<T>                                                          \
    {                                                                                            \
        [](const T& c) { return ::nlohmann::json(c.f); },                                        \
            [](T& c, const ::nlohmann::json& v) { ::lrlab::config_detail::assign(v, c.f); }      \
    }

template <class Cfg>
struct Key
{
    const char* name;
    Kind kind;
    Accessor<Cfg> field;
    json default_value;
    Range range;
    const char* doc;
    // A default that depends on S, L, the seed or keys earlier in the table; nullptr: constant.
    json (*default_fn)(const DefaultCtx&, const Cfg&) = nullptr;
    const char* default_doc = nullptr;  // e.g. "max(1, S/3)"
    std::vector<std::string> (*choices)() = nullptr;
    std::size_t max_count = 0;          // int_list
    // Kind::schedules: parses the (given or default) value into the config.
    void (*parse)(const json&, const std::string&, const DefaultCtx&, Cfg&, Errors&) = nullptr;
    bool log_scale = false;             // positive, spanning decades: the page edits it on a log scale

    Key computed(json (*fn)(const DefaultCtx&, const Cfg&), const char* text) const
    {
        Key k = *this;
        k.default_fn = fn;
        k.default_doc = text;
        return k;
    }
    Key one_of(std::vector<std::string> (*names)()) const
    {
        Key k = *this;
        k.choices = names;
        return k;
    }
    Key log() const
    {
        Key k = *this;
        k.log_scale = true;
        return k;
    }
    Key at_most(std::size_t n) const
    {
        Key k = *this;
        k.max_count = n;
        return k;
    }
    json default_for(const DefaultCtx& ctx, const Cfg& c) const
    {
        return default_fn ? default_fn(ctx, c) : default_value;
    }
};

template <class Cfg>
Key<Cfg> key(const char* name, Kind kind, Accessor<Cfg> field, json dflt, Range range,
             const char* doc)
{
    return Key<Cfg>{name, kind, field, std::move(dflt), range, doc};
}

// One optimizer, schedule or clip type.
template <class Cfg>
struct TypeTable
{
    const char* type;
    const char* doc;
    std::vector<Key<Cfg>> keys;
};

// ---- [Tables] (config/registry.cpp, config/schedule_table.cpp) -------------------------------

const std::vector<TypeTable<OptimizerConfig>>& optimizer_tables();
const std::vector<TypeTable<ScheduleConfig>>& schedule_tables();
const std::vector<TypeTable<ClipConfig>>& clip_tables();
const std::vector<Key<Config>>& top_keys();          // seed
const std::vector<Key<DataConfig>>& data_keys();
const std::vector<Key<ModelConfig>>& model_keys();
const std::vector<Key<TrainConfig>>& train_keys();
const std::vector<Key<RunTrainConfig>>& run_train_keys();
const std::vector<Key<SurfaceConfig>>& surface_keys();

template <class Cfg>
const TypeTable<Cfg>* find_table(const std::vector<TypeTable<Cfg>>& tables,
                                 const std::string& type)
{
    for (const TypeTable<Cfg>& t : tables)
    {
        if (type == t.type)
            return &t;
    }
    return nullptr;
}

// ---- [Readers] (config/read.cpp) -------------------------------------------------------------

std::string join(const std::string& path, const std::string& key);
std::string index_path(const std::string& path, std::size_t i);  // path[i]
std::string json_type_name(const json& v);                        // "string \"abc\"", "array", ...
std::string describe(const json& v);                               // short text of a value
std::string join_names(const std::vector<std::string>& names);   // "a, b, c"

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

// Reads {"type": T, ...keys of T}: checks the type (one of the tables, also known to
// `registered` when given), unknown keys and every key. `default_type` nullptr: type required.
// Returns the table read, or nullptr when the type is missing or unknown.
template <class Cfg>
const TypeTable<Cfg>* read_typed(const json& j, const std::string& path,
                                 const std::vector<TypeTable<Cfg>>& tables, const char* what,
                                 const char* default_type, bool (*registered)(const std::string&),
                                 const DefaultCtx& ctx, Cfg& out, Errors& errors)
{
    out = Cfg{};
    if (!expect_object(j, path, errors))
        return nullptr;
    std::vector<std::string> names;
    for (const TypeTable<Cfg>& t : tables)
    {
        if (!registered || registered(t.type))
            names.push_back(t.type);
    }
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
    const TypeTable<Cfg>* table = find_table(tables, type.get_ref<const std::string&>());
    if (!table || (registered && !registered(table->type)))
    {
        errors.push_back({tpath, std::string("unknown ") + what + " " + describe(type) +
                                     "; expected one of: " + join_names(names)});
        return nullptr;
    }
    out.type = table->type;
    json rest = j;
    rest.erase("type");
    // "unknown key for adam; adam takes lr, ...", "... for clip value; clip value takes ..."
    const std::string owner =
        std::string(what) == "optimizer" ? table->type : std::string(what) + " " + table->type;
    check_unknown_keys(rest, path, key_names(table->keys), owner, errors);
    read_keys(rest, path, table->keys, ctx, out, errors);
    return table;
}

// ---- [Writers] (config/write.cpp) ------------------------------------------------------------

json write_value(Kind kind, const json& v);  // +infinity norm_type -> "inf"

template <class Cfg>
void write_keys(const std::vector<Key<Cfg>>& keys, const Cfg& c, json& out)
{
    for (const Key<Cfg>& k : keys)
        out[k.name] = write_value(k.kind, k.field.get(c));
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
};
// Reads a run without its `changes`.
void read_run_core(const json& j, const std::string& path, const RunCtx& ctx, RunConfig& out,
                   Errors& errors);
json run_to_json_core(const RunConfig& r);  // without `changes`
void read_changes(const json& j, const std::string& path, const RunCtx& ctx, RunConfig& run,
                  Errors& errors);
int train_count(const DataConfig& d);       // round(samples * train_fraction)

}  // namespace lrlab::config_detail
