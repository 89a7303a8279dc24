// What a descriptor file needs to declare its keys: a key is {name, kind, range, accessor,
// default, doc}; a type (an optimizer, schedule or clip type) is a name, a label, a doc and its
// keys. The same key lists drive validation, defaults, to_json, to_minimal_json, value equality,
// the typed descriptions of config/describe.hpp and the README's reference (Playground's "one
// property table drives the state and its URL").
//
// Sections: [Kinds and ranges] [Key] [Types] [Paths]
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/config.hpp"
#include "core/config/lookup.hpp"

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
    // Typed equality of the field (no JSON): Run::apply compares settings by value with it.
    bool (*equal)(const Cfg&, const Cfg&);
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
            [](T& c, const ::nlohmann::json& v) { ::lrlab::config_detail::assign(v, c.f); },     \
            [](const T& a, const T& b) { return a.f == b.f; }                                    \
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

// ---- [Types] ---------------------------------------------------------------------------------

// What every optimizer, schedule and clip descriptor has (optim/descriptor.hpp,
// schedules/descriptor.hpp, optim/clip.hpp add their capabilities and factories).
template <class Cfg>
struct TypeDescriptor
{
    const char* type = "";   // the JSON `type` value: "adam"
    const char* label = "";  // one line for the page's combo boxes: "Adam"
    const char* doc = "";    // what it does, which torch class or paper it follows
    std::vector<Key<Cfg>> keys;  // in table order (a default may depend on keys before it)
};

// True if every key of the type's list holds the same value in a and b (keys the type does not
// take are ignored, as to_json ignores them). a and b must have the same type.
template <class Cfg>
bool same_keys(const std::vector<Key<Cfg>>& keys, const Cfg& a, const Cfg& b)
{
    for (const Key<Cfg>& k : keys)
    {
        if (!k.field.equal(a, b))
            return false;
    }
    return true;
}

// The config with every key of the list at its default (computed defaults for `ctx`).
template <class Cfg>
void set_defaults(const std::vector<Key<Cfg>>& keys, const DefaultCtx& ctx, Cfg& c)
{
    for (const Key<Cfg>& k : keys)
    {
        if (k.field.set)
            k.field.set(c, k.default_for(ctx, c));
    }
}

// ---- [Paths] (config/read.cpp) ---------------------------------------------------------------

std::string join(const std::string& path, const std::string& key);  // path.key
std::string index_path(const std::string& path, std::size_t i);    // path[i]
std::string join_names(const std::vector<std::string>& names);     // "a, b, c"

}  // namespace lrlab::config_detail
