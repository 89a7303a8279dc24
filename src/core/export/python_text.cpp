// Python literals and calls for the exported scripts.
#include "core/export/python_text.hpp"

#include <cmath>

#include "core/config/json.hpp"

namespace lrlab::py
{

std::string float_literal(double v)
{
    if (std::isnan(v))
        return "math.nan";
    if (std::isinf(v))
        return v > 0 ? "math.inf" : "-math.inf";
    // format_double is the shortest text that reads back as v (strtod and Python's float()
    // both round correctly); without '.' or an exponent Python would read an int.
    const std::string s = format_double(v);
    return s.find_first_of(".e") == std::string::npos ? s + ".0" : s;
}

std::string literal(config_detail::Kind kind, const nlohmann::json& v)
{
    using config_detail::Kind;
    switch (kind)
    {
    case Kind::boolean:
        return v.is_boolean() && v.get<bool>() ? "True" : "False";
    case Kind::integer:
        return v.is_number() ? std::to_string(v.get<std::int64_t>()) : "0";
    case Kind::choice:
        return "'" + (v.is_string() ? v.get<std::string>() : std::string()) + "'";
    case Kind::norm_type:
        if (v.is_string())
            return "math.inf";
        return float_literal(v.is_number() ? v.get<double>() : 2.0);
    case Kind::pair:
    {
        // a tuple, as torch documents betas
        std::string out = "(";
        for (std::size_t i = 0; i < v.size(); ++i)
            out += (i ? ", " : "") + float_literal(v[i].get<double>());
        return out + ")";
    }
    case Kind::int_list:
    {
        std::string out = "[";
        for (std::size_t i = 0; i < v.size(); ++i)
            out += (i ? ", " : "") + std::to_string(v[i].get<std::int64_t>());
        return out + "]";
    }
    default:
        return float_literal(v.is_number() ? v.get<double>() : 0.0);
    }
}

std::string call(const std::string& head, const std::vector<Argument>& args, int indent)
{
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    std::string out = pad + head + "(\n";
    for (const Argument& a : args)
    {
        std::string line = pad + "    " + (a.name.empty() ? a.value : a.name + "=" + a.value) + ",";
        if (!a.comment.empty())
            line += "  # " + a.comment;
        out += line + "\n";
    }
    return out + pad + ")\n";
}

}  // namespace lrlab::py
