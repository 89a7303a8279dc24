// Descriptors -> typed descriptions (config/describe.hpp): labels, docs and keys as they are
// validated.
#include "core/config/describe.hpp"

#include "core/config/keys.hpp"

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

template <class Desc>
std::vector<TypeDescription> describe_types(const std::vector<Desc>& list)
{
    std::vector<TypeDescription> out;
    for (const Desc& t : list)
    {
        TypeDescription d{t.type, t.label, t.doc, {}};
        for (const auto& k : t.keys)
            d.params.push_back(describe_key(k));
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace

const std::vector<TypeDescription>& optimizer_descriptions()
{
    static const std::vector<TypeDescription> d =
        describe_types(optimizer_descriptors());
    return d;
}
const std::vector<TypeDescription>& schedule_descriptions()
{
    static const std::vector<TypeDescription> d =
        describe_types(schedule_descriptors());
    return d;
}
const std::vector<TypeDescription>& clip_descriptions()
{
    static const std::vector<TypeDescription> d = describe_types(clip_descriptors());
    return d;
}

const TypeDescription* find_type(const std::vector<TypeDescription>& types,
                                 const std::string& type)
{
    return find_by_name(types, &TypeDescription::type, type);
}

const ParamDescription* find_param(const TypeDescription& t, const std::string& name)
{
    return find_by_name(t.params, &ParamDescription::name, name);
}

}  // namespace lrlab
