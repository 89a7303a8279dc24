// Reading JSON values against key kinds and ranges, and the messages that name what is wrong.
// Never throws: every type is checked before get<>() (the page is built without exceptions).
//
// Sections: [Paths and text] [Ranges] [read_value] [Unknown keys]
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/config/json.hpp"
#include "core/config/keys.hpp"

namespace lrlab
{

namespace
{
// The shortest %.Ng that reads back to the same value (at most max_digits are needed);
// integral digits are kept in full below 1e17 so that 2000 prints as "2000", not "2e+03".
template <typename T>
std::string format_shortest(T v, int max_digits, T (*read)(const char*, char**))
{
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    const double d = static_cast<double>(v);
    char buf[40];
    int digits = 1;
    for (; digits < max_digits; ++digits)
    {
        std::snprintf(buf, sizeof buf, "%.*g", digits, d);
        if (read(buf, nullptr) == v)
            break;
    }
    int integral = 1;
    for (double a = std::fabs(d); a >= 10.0; a /= 10.0)
        ++integral;
    std::snprintf(buf, sizeof buf, "%.*g", integral > digits && integral <= 17 ? integral : digits,
                  d);
    return buf;
}
}  // namespace

std::string format_double(double v) { return format_shortest<double>(v, 17, std::strtod); }

std::string format_float(float v) { return format_shortest<float>(v, 9, std::strtof); }

}  // namespace lrlab

namespace lrlab::config_detail
{

// ---- [Paths and text] ------------------------------------------------------------------------

std::string join(const std::string& path, const std::string& key)
{
    return path.empty() ? key : path + "." + key;
}

std::string index_path(const std::string& path, std::size_t i)
{
    return path + "[" + std::to_string(i) + "]";
}

std::string describe(const json& v)
{
    if (v.is_number_float())
        return format_double(v.get<double>());
    if (v.is_string())
    {
        const std::string& s = v.get_ref<const std::string&>();
        // dump() would throw on invalid UTF-8 (possible through the JSON API): replace it.
        return json(s.size() > 40 ? s.substr(0, 40) + "..." : s)
            .dump(-1, ' ', false, json::error_handler_t::replace);
    }
    if (v.is_array())
        return "an array";
    if (v.is_object())
        return "an object";
    return v.dump();  // integers, booleans, null
}

std::string json_type_name(const json& v)
{
    if (v.is_string())
        return "string " + describe(v);
    if (v.is_boolean())
        return "boolean " + describe(v);
    if (v.is_number())
        return "number " + describe(v);
    return describe(v);  // null, an array, an object
}

std::string join_names(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

bool expect_object(const json& v, const std::string& path, Errors& errors)
{
    if (v.is_object())
        return true;
    errors.push_back({path, "must be an object, got " + json_type_name(v)});
    return false;
}

// ---- [Ranges] --------------------------------------------------------------------------------

bool in_range(double v, const Range& r)
{
    const bool lo_ok = r.lo_open ? v > r.lo : v >= r.lo;
    const bool hi_ok = r.hi_open ? v < r.hi : v <= r.hi;
    return lo_ok && hi_ok;
}

namespace
{
// Bounds print as integers when they are (20000, not 2e+04).
std::string bound_text(double v)
{
    if (v == std::floor(v) && std::fabs(v) < 1e16)
        return std::to_string(static_cast<long long>(v));
    return format_double(v);
}
}  // namespace

std::string range_text(const Range& r)
{
    const bool has_lo = std::isfinite(r.lo);
    const bool has_hi = std::isfinite(r.hi);
    if (has_lo && has_hi)
        return std::string("in ") + (r.lo_open ? "(" : "[") + bound_text(r.lo) + ", " +
               bound_text(r.hi) + (r.hi_open ? ")" : "]");
    if (has_lo)
        return (r.lo_open ? "> " : ">= ") + bound_text(r.lo);
    if (has_hi)
        return (r.hi_open ? "< " : "<= ") + bound_text(r.hi);
    return "finite";
}

// ---- [read_value] ----------------------------------------------------------------------------

namespace
{

bool read_number(const json& v, const std::string& path, const Range& range, json& out,
                 Errors& errors)
{
    if (!v.is_number())
    {
        errors.push_back({path, "must be a number, got " + json_type_name(v)});
        return false;
    }
    const double d = v.get<double>();
    if (!std::isfinite(d))
    {
        errors.push_back({path, "must be finite, got " + format_double(d)});
        return false;
    }
    if (!in_range(d, range))
    {
        errors.push_back({path, "must be " + range_text(range) + ", got " + describe(v)});
        return false;
    }
    out = d;
    return true;
}

bool read_integer(const json& v, const std::string& path, const Range& range, json& out,
                  Errors& errors)
{
    if (!v.is_number())
    {
        errors.push_back({path, "must be an integer, got " + json_type_name(v)});
        return false;
    }
    const double d = v.get<double>();
    if (!std::isfinite(d))
    {
        errors.push_back({path, "must be finite, got " + format_double(d)});
        return false;
    }
    if (v.is_number_float() && d != std::floor(d))
    {
        errors.push_back({path, "must be an integer, got " + describe(v)});
        return false;
    }
    // Every integer key has bounds far inside int64, so d converts exactly once in range.
    if (!in_range(d, range) || std::fabs(d) > 9.0e15)
    {
        errors.push_back({path, "must be " + range_text(range) + ", got " + describe(v)});
        return false;
    }
    out = static_cast<std::int64_t>(d);
    return true;
}

bool read_choice(const json& v, const std::string& path, std::vector<std::string> (*choices)(),
                 json& out, Errors& errors)
{
    if (!v.is_string())
    {
        errors.push_back({path, "must be a string, got " + json_type_name(v)});
        return false;
    }
    const std::vector<std::string> names = choices();
    for (const std::string& n : names)
    {
        if (v.get_ref<const std::string&>() == n)
        {
            out = n;
            return true;
        }
    }
    errors.push_back({path, "unknown value " + describe(v) + "; expected one of: " +
                                join_names(names)});
    return false;
}

bool read_pair(const json& v, const std::string& path, const Range& range, json& out,
               Errors& errors)
{
    if (!v.is_array() || v.size() != 2)
    {
        errors.push_back({path, "must be an array of 2 numbers, got " + json_type_name(v) +
                                    (v.is_array() ? " of " + std::to_string(v.size()) : "")});
        return false;
    }
    json a, b;
    const bool ok_a = read_number(v[0], index_path(path, 0), range, a, errors);
    const bool ok_b = read_number(v[1], index_path(path, 1), range, b, errors);
    if (!ok_a || !ok_b)
        return false;
    out = json::array({a, b});
    return true;
}

bool read_norm_type(const json& v, const std::string& path, const Range& range, json& out,
                    Errors& errors)
{
    if (v.is_string() && v.get_ref<const std::string&>() == "inf")
    {
        out = inf;
        return true;
    }
    if (!v.is_number())
    {
        errors.push_back({path, "must be a number or \"inf\", got " + json_type_name(v)});
        return false;
    }
    return read_number(v, path, range, out, errors);
}

bool read_int_list(const json& v, const std::string& path, const Range& range,
                   std::size_t max_count, json& out, Errors& errors)
{
    if (!v.is_array())
    {
        errors.push_back({path, "must be an array of integers, got " + json_type_name(v)});
        return false;
    }
    if (max_count > 0 && v.size() > max_count)
    {
        errors.push_back({path, "must have at most " + std::to_string(max_count) +
                                    " entries, got " + std::to_string(v.size())});
        return false;
    }
    bool ok = true;
    out = json::array();
    for (std::size_t i = 0; i < v.size(); ++i)
    {
        json item;
        ok = read_integer(v[i], index_path(path, i), range, item, errors) && ok;
        out.push_back(item);
    }
    return ok;
}

bool read_name_list(const json& v, const std::string& path, std::vector<std::string> (*choices)(),
                    json& out, Errors& errors)
{
    if (!v.is_array() || v.empty())
    {
        errors.push_back({path, v.is_array() ? std::string("must not be empty")
                                             : "must be an array of names, got " +
                                                   json_type_name(v)});
        return false;
    }
    // Names may not repeat, so a list longer than the choices is wrong whatever it holds:
    // refused before the pairwise duplicate check, which made 5,000 "x1" cost 12.5 million
    // errors (GBs, minutes; found by tests/hardening/replay.py).
    const std::size_t n_choices = choices().size();
    if (v.size() > n_choices)
    {
        errors.push_back({path, "must have at most " + std::to_string(n_choices) +
                                    " entries (each name once), got " +
                                    std::to_string(v.size())});
        return false;
    }
    bool ok = true;
    out = json::array();
    for (std::size_t i = 0; i < v.size(); ++i)
    {
        json item;
        if (!read_choice(v[i], index_path(path, i), choices, item, errors))
        {
            ok = false;
            continue;
        }
        for (const json& seen : out)
        {
            if (seen == item)
            {
                errors.push_back({index_path(path, i), "duplicate " + describe(item)});
                ok = false;
                break;  // once per entry
            }
        }
        out.push_back(item);
    }
    return ok;
}

}  // namespace

bool read_value(const json& v, const std::string& path, Kind kind, const Range& range,
                std::vector<std::string> (*choices)(), std::size_t max_count, json& out,
                Errors& errors)
{
    switch (kind)
    {
    case Kind::number: return read_number(v, path, range, out, errors);
    case Kind::integer: return read_integer(v, path, range, out, errors);
    case Kind::boolean:
        if (v.is_boolean())
        {
            out = v;
            return true;
        }
        errors.push_back({path, "must be true or false, got " + json_type_name(v)});
        return false;
    case Kind::choice: return read_choice(v, path, choices, out, errors);
    case Kind::pair: return read_pair(v, path, range, out, errors);
    case Kind::norm_type: return read_norm_type(v, path, range, out, errors);
    case Kind::int_list: return read_int_list(v, path, range, max_count, out, errors);
    case Kind::name_list: return read_name_list(v, path, choices, out, errors);
    case Kind::schedules: break;  // custom parser
    }
    return false;
}

// ---- [Unknown keys] --------------------------------------------------------------------------

void check_unknown_keys(const json& obj, const std::string& path,
                        const std::vector<std::string>& allowed, const std::string& owner,
                        Errors& errors)
{
    if (!obj.is_object())
        return;
    for (auto it = obj.begin(); it != obj.end(); ++it)
    {
        bool known = false;
        for (const std::string& a : allowed)
            known = known || it.key() == a;
        if (known)
            continue;
        const std::string takes = allowed.empty() ? owner + " takes no other keys"
                                                  : owner + " takes " + join_names(allowed);
        // The empty key's path at the top level is "", the path of the whole config: say it.
        const std::string which = it.key().empty() ? "unknown key \"\" for " : "unknown key for ";
        errors.push_back({join(path, it.key()), which + owner + "; " + takes});
    }
}

}  // namespace lrlab::config_detail
