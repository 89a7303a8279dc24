#include "core/tuning/value_list.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "core/math/detmath.hpp"

namespace lrlab
{
namespace
{

// A whole-string finite decimal number (strtod: correctly rounded in glibc and musl alike).
bool read_number(const std::string& text, double& out)
{
    if (text.empty() || std::isspace(static_cast<unsigned char>(text.front())))
        return false;
    errno = 0;
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size() && errno != ERANGE && std::isfinite(out);
}

bool read_count(const std::string& text, int& out)
{
    double n = 0;
    if (!read_number(text, n) || n != std::floor(n) || n < 1 || n > max_list_values)
        return false;
    out = static_cast<int>(n);
    return true;
}

std::vector<std::string> split(const std::string& text, char sep)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i)
        if (i == text.size() || text[i] == sep)
        {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    return parts;
}

ValueListResult failure(std::string message)
{
    ValueListResult r;
    r.error = std::move(message);
    return r;
}

// "MIN:MAX:N" of a spaced list; `geometric` needs 0 < MIN.
ValueListResult parse_spaced(const std::string& spec, bool geometric)
{
    const std::vector<std::string> parts = split(spec, ':');
    if (parts.size() != 3)
        return failure("expected MIN:MAX:N, got \"" + spec + "\"");
    double lo = 0, hi = 0;
    int n = 0;
    if (!read_number(parts[0], lo))
        return failure("MIN must be a finite number, got \"" + parts[0] + "\"");
    if (!read_number(parts[1], hi))
        return failure("MAX must be a finite number, got \"" + parts[1] + "\"");
    if (!read_count(parts[2], n))
        return failure("N must be an integer from 1 to " + std::to_string(max_list_values) +
                       ", got \"" + parts[2] + "\"");
    if (geometric && lo <= 0)
        return failure("log spacing needs MIN > 0, got \"" + parts[0] + "\"");
    if (hi < lo)
        return failure("MAX must be >= MIN, got " + parts[0] + ":" + parts[1]);
    ValueListResult r;
    r.values = geometric ? log_spaced(lo, hi, n) : lin_spaced(lo, hi, n);
    return r;
}

ValueListResult parse_explicit(const std::string& text)
{
    const std::vector<std::string> parts = split(text, ',');
    if (static_cast<int>(parts.size()) > max_list_values)
        return failure("more than " + std::to_string(max_list_values) + " values");
    ValueListResult r;
    for (std::size_t i = 0; i < parts.size(); ++i)
    {
        double v = 0;
        if (!read_number(parts[i], v))
            return failure("value " + std::to_string(i + 1) + " must be a finite number, got \"" +
                           parts[i] + "\"");
        r.values.push_back(v);
    }
    return r;
}

}  // namespace

ValueListResult parse_value_list(const std::string& text)
{
    if (text.empty())
        return failure("the list is empty");
    if (text.rfind("log:", 0) == 0)
        return parse_spaced(text.substr(4), true);
    if (text.rfind("lin:", 0) == 0)
        return parse_spaced(text.substr(4), false);
    return parse_explicit(text);
}

ValueListResult parse_log_range(const std::string& text) { return parse_spaced(text, true); }

std::vector<double> log_spaced(double lo, double hi, int n)
{
    std::vector<double> v;
    const double a = detmath::log(lo), b = detmath::log(hi);
    for (int i = 0; i < n; ++i)
        v.push_back(i == 0 ? lo : i == n - 1 ? hi : detmath::exp(a + (b - a) * i / (n - 1)));
    return v;
}

std::vector<double> lin_spaced(double lo, double hi, int n)
{
    std::vector<double> v;
    for (int i = 0; i < n; ++i)
        v.push_back(i == 0 ? lo : i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1));
    return v;
}

}  // namespace lrlab
