// Storing validated JSON values into config fields, and the JSON spelling of a stored value.
#include <cmath>

#include "core/config/keys.hpp"

namespace lrlab::config_detail
{

// ---- [assign] --------------------------------------------------------------------------------
// Values reaching these were normalised by read_value or come from a table default.

void assign(const json& v, double& out)
{
    if (v.is_number())
        out = v.get<double>();
}
void assign(const json& v, bool& out)
{
    if (v.is_boolean())
        out = v.get<bool>();
}
void assign(const json& v, int& out)
{
    if (v.is_number())
        out = static_cast<int>(v.get<double>());
}
void assign(const json& v, std::int64_t& out)
{
    if (v.is_number_integer())
        out = v.get<std::int64_t>();
    else if (v.is_number())
        out = static_cast<std::int64_t>(v.get<double>());
}
void assign(const json& v, std::uint64_t& out)
{
    if (v.is_number_integer())
        out = v.get<std::uint64_t>();
    else if (v.is_number())
        out = static_cast<std::uint64_t>(v.get<double>());
}
void assign(const json& v, std::string& out)
{
    if (v.is_string())
        out = v.get<std::string>();
}
void assign(const json& v, std::array<double, 2>& out)
{
    if (v.is_array() && v.size() == 2)
    {
        assign(v[0], out[0]);
        assign(v[1], out[1]);
    }
}
void assign(const json& v, std::vector<std::int64_t>& out)
{
    out.clear();
    for (const json& item : v)
        out.push_back(item.is_number() ? static_cast<std::int64_t>(item.get<double>()) : 0);
}
void assign(const json& v, std::vector<int>& out)
{
    out.clear();
    for (const json& item : v)
        out.push_back(item.is_number() ? static_cast<int>(item.get<double>()) : 0);
}
void assign(const json& v, std::vector<std::string>& out)
{
    out.clear();
    for (const json& item : v)
        out.push_back(item.is_string() ? item.get<std::string>() : std::string());
}

json write_value(Kind kind, const json& v)
{
    if (kind == Kind::norm_type && v.is_number() && std::isinf(v.get<double>()))
        return "inf";
    return v;
}

}  // namespace lrlab::config_detail
