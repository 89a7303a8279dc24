// Key tables -> typed descriptions (config/describe.hpp).
#include "core/config/describe.hpp"

#include "core/config/keys.hpp"
#include "core/optim/optimizers.hpp"
#include "core/schedules/schedule.hpp"

namespace lrlab
{

using namespace config_detail;

namespace
{

ParamKind param_kind(Kind k)
{
    switch (k)
    {
    case Kind::number: return ParamKind::number;
    case Kind::integer: return ParamKind::integer;
    case Kind::boolean: return ParamKind::boolean;
    case Kind::choice: return ParamKind::choice;
    case Kind::pair: return ParamKind::pair;
    case Kind::norm_type: return ParamKind::norm_type;
    case Kind::int_list: return ParamKind::int_list;
    case Kind::name_list: return ParamKind::name_list;
    case Kind::schedules: return ParamKind::schedules;
    }
    return ParamKind::number;
}

template <class Cfg>
ParamDescription describe_key(const Key<Cfg>& k)
{
    ParamDescription p;
    p.name = k.name;
    p.kind = param_kind(k.kind);
    p.doc = k.doc;
    p.lo = k.range.lo;
    p.hi = k.range.hi;
    p.lo_open = k.range.lo_open;
    p.hi_open = k.range.hi_open;
    p.range_text = range_text(k.range);
    p.default_text = k.default_doc ? k.default_doc : describe(k.default_value);
    p.log_scale = k.log_scale;
    if (k.choices)
        p.choices = k.choices();
    return p;
}

template <class Cfg>
std::vector<TypeDescription> describe_tables(const std::vector<TypeTable<Cfg>>& tables,
                                             const char* (*label_of)(const std::string&))
{
    std::vector<TypeDescription> out;
    for (const TypeTable<Cfg>& t : tables)
    {
        TypeDescription d{t.type, label_of(t.type), t.doc, {}};
        for (const Key<Cfg>& k : t.keys)
            d.params.push_back(describe_key(k));
        out.push_back(std::move(d));
    }
    return out;
}

const char* optimizer_label(const std::string& type)
{
    const OptimizerInfo* o = find_optimizer(type);
    return o ? o->label : "";
}
const char* schedule_label(const std::string& type)
{
    const ScheduleInfo* s = find_schedule(type);
    return s ? s->label : "";
}
const char* clip_label(const std::string& type)
{
    static const std::pair<const char*, const char*> labels[] = {
        {"none", "none"},
        {"value", "value (clip_grad_value_)"},
        {"norm", "norm, per tensor"},
        {"global_norm", "global norm (clip_grad_norm_)"},
        {"agc", "adaptive (AGC)"}};
    for (const auto& [t, label] : labels)
        if (type == t)
            return label;
    return "";
}

}  // namespace

const std::vector<TypeDescription>& optimizer_descriptions()
{
    static const std::vector<TypeDescription> d =
        describe_tables(optimizer_tables(), optimizer_label);
    return d;
}
const std::vector<TypeDescription>& schedule_descriptions()
{
    static const std::vector<TypeDescription> d =
        describe_tables(schedule_tables(), schedule_label);
    return d;
}
const std::vector<TypeDescription>& clip_descriptions()
{
    static const std::vector<TypeDescription> d = describe_tables(clip_tables(), clip_label);
    return d;
}

const TypeDescription* find_type(const std::vector<TypeDescription>& types,
                                 const std::string& type)
{
    for (const TypeDescription& t : types)
        if (t.type == type)
            return &t;
    return nullptr;
}

const ParamDescription* find_param(const TypeDescription& t, const std::string& name)
{
    for (const ParamDescription& p : t.params)
        if (p.name == name)
            return &p;
    return nullptr;
}

}  // namespace lrlab
