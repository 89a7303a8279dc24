// What the page (and any other front end) may know about the keys of each optimizer, schedule
// and clip type: name, kind, range, doc, default, log scale, choices. Derived from the same key
// tables the validator reads (config/keys.hpp), so a widget's range, tooltip and default are the
// enforced ones. Typed values, no JSON: a widget edits a number, the validator has the last word.
#pragma once

#include <string>
#include <vector>

namespace lrlab
{

enum class ParamKind
{
    number,     // finite double within [lo, hi] (bounds open or closed)
    integer,    // integral number within [lo, hi]
    boolean,
    choice,     // one of `choices`
    pair,       // [number, number], each within [lo, hi] (betas)
    norm_type,  // number > 0 or the string "inf"
    int_list,   // list of integers (milestones)
    name_list,  // list of names from `choices`
    schedules   // list of schedule objects (sequential)
};

struct ParamDescription
{
    std::string name;           // the JSON key, PyTorch's name (T_max, betas, dampening)
    ParamKind kind = ParamKind::number;
    std::string doc;            // one line: what it does
    double lo = 0.0, hi = 0.0;  // the range; +-infinity when unbounded
    bool lo_open = false, hi_open = false;
    std::string range_text;     // "> 0", "in [0, 1)"; empty when unbounded
    std::string default_text;   // "0.001", "max(1, S/3)", "L"
    bool log_scale = false;     // positive and spanning decades (lr, eps, max_norm): log widgets
    std::vector<std::string> choices;  // choice, name_list
};

struct TypeDescription
{
    std::string type;           // "adam"
    std::string label;          // "Adam", for combo boxes
    std::string doc;            // "torch.optim.Adam"
    std::vector<ParamDescription> params;  // in table order, `type` itself not included
};

const std::vector<TypeDescription>& optimizer_descriptions();
const std::vector<TypeDescription>& schedule_descriptions();
const std::vector<TypeDescription>& clip_descriptions();

// nullptr when `type` is not in `types` (or `name` not a key of it).
const TypeDescription* find_type(const std::vector<TypeDescription>& types,
                                 const std::string& type);
const ParamDescription* find_param(const TypeDescription& t, const std::string& name);

}  // namespace lrlab
