// Rows of a sweep (tuning/sweep_row.hpp): their CSV text, both ways.
#include "core/tuning/sweep_row.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "core/config/json.hpp"
#include "core/train/csv.hpp"

namespace lrlab
{
namespace
{

std::string real_text(std::optional<double> v) { return v ? format_double(*v) : ""; }
std::string count_text(std::optional<std::int64_t> v) { return v ? std::to_string(*v) : ""; }

// RFC 4180 fields of one line (no line breaks inside: sweep rows never hold one).
bool split_csv_line(const std::string& line, std::vector<std::string>& fields)
{
    fields.assign(1, "");
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i)
    {
        const char c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"')
            fields.back() += '"', ++i;
        else if (c == '"' && (quoted || fields.back().empty()))
            quoted = !quoted;
        else if (c == ',' && !quoted)
            fields.emplace_back();
        else
            fields.back() += c;
    }
    return !quoted;
}

bool read_real(const std::string& s, double& out)
{
    if (s == "nan" || s == "inf" || s == "-inf")
    {
        out = s == "nan" ? std::numeric_limits<double>::quiet_NaN()
                         : (s == "inf" ? 1.0 : -1.0) * std::numeric_limits<double>::infinity();
        return true;
    }
    char* end = nullptr;
    errno = 0;
    out = std::strtod(s.c_str(), &end);
    return !s.empty() && end == s.c_str() + s.size() && std::isfinite(out) &&
           s.find_first_of("xXpP ") == std::string::npos;
}

bool read_count(const std::string& s, std::int64_t& out)
{
    if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
        return false;
    out = std::strtoll(s.c_str(), nullptr, 10);
    return true;
}

// A column that may be empty: empty -> none, else read with `read`.
template <typename T, typename Read>
bool read_optional(const std::string& s, std::optional<T>& out, Read read)
{
    if (s.empty())
    {
        out.reset();
        return true;
    }
    T v{};
    if (!read(s, v))
        return false;
    out = v;
    return true;
}

}  // namespace

const std::string& sweep_csv_header()
{
    static const std::string header =
        "cell,optimizer,lr,params,final_train_loss,final_test_loss,best_test_loss,best_step,"
        "final_test_acc,steps_to_target,diverged";
    return header;
}

std::string sweep_csv_line(const SweepRow& r)
{
    return std::to_string(r.cell) + "," + csv_field(r.optimizer) + "," + format_double(r.lr) +
           "," + csv_field(r.params) + "," + format_double(r.final_train_loss) + "," +
           format_double(r.final_test_loss) + "," + format_double(r.best_test_loss) + "," +
           count_text(r.best_step) + "," + real_text(r.final_test_acc) + "," +
           count_text(r.steps_to_target) + "," + (r.diverged ? "1" : "0");
}

bool parse_sweep_csv_line(const std::string& line, SweepRow& r, std::string& error)
{
    std::vector<std::string> f;
    if (!split_csv_line(line, f) || f.size() != 11)
    {
        error = "not a sweep row (11 columns: " + sweep_csv_header() + ")";
        return false;
    }
    r.optimizer = f[1];
    r.params = f[3];
    const char* bad = nullptr;
    if (!read_count(f[0], r.cell))
        bad = "cell";
    else if (r.optimizer.empty())
        bad = "optimizer";
    else if (!read_real(f[2], r.lr))
        bad = "lr";
    else if (!read_real(f[4], r.final_train_loss))
        bad = "final_train_loss";
    else if (!read_real(f[5], r.final_test_loss))
        bad = "final_test_loss";
    else if (!read_real(f[6], r.best_test_loss))
        bad = "best_test_loss";
    else if (!read_optional(f[7], r.best_step, read_count))
        bad = "best_step";
    else if (!read_optional(f[8], r.final_test_acc, read_real))
        bad = "final_test_acc";
    else if (!read_optional(f[9], r.steps_to_target, read_count))
        bad = "steps_to_target";
    else if (f[10] != "0" && f[10] != "1")
        bad = "diverged";
    r.diverged = f[10] == "1";
    if (bad)
        error = std::string("column ") + bad + ": not a valid value";
    return bad == nullptr;
}

}  // namespace lrlab
