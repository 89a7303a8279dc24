// Reading a points CSV (data/points_csv.hpp): records per RFC 4180, then numbers.
//
// Sections: [Records] [Numbers] [File] [Messages]
#include "core/data/points_csv.hpp"

#include <cmath>
#include <cstdlib>

namespace lrlab
{

namespace
{

// ---- [Records] -------------------------------------------------------------------------------

struct Field
{
    std::string text;
    bool quoted = false;
};

struct Record
{
    std::vector<Field> fields;
    int line = 0;
};

struct Cursor
{
    const std::string& text;
    std::size_t at = 0;
    int line = 1;
    char separator = ',';
};

bool at_line_end(const Cursor& c)
{
    return c.at >= c.text.size() || c.text[c.at] == '\n' || c.text[c.at] == '\r';
}

void skip_line_end(Cursor& c)
{
    if (c.at < c.text.size() && c.text[c.at] == '\r')
        ++c.at;
    if (c.at < c.text.size() && c.text[c.at] == '\n')
        ++c.at;
    ++c.line;
}

// A quoted field from its opening quote: "" is a quote; line ends inside are kept.
bool read_quoted(Cursor& c, Field& f, int column, std::vector<CsvIssue>& issues)
{
    const int opened = c.line;
    ++c.at;
    while (c.at < c.text.size())
    {
        const char ch = c.text[c.at++];
        if (ch == '"' && c.at < c.text.size() && c.text[c.at] == '"')
        {
            f.text += '"';
            ++c.at;
        }
        else if (ch == '"')
        {
            if (at_line_end(c) || c.text[c.at] == c.separator)
                return true;
            issues.push_back({c.line, column, "text after the closing quote of a field"});
            return false;
        }
        else
        {
            c.line += ch == '\n' || (ch == '\r' && (c.at >= c.text.size() || c.text[c.at] != '\n'));
            f.text += ch;
        }
    }
    issues.push_back({opened, column, "a quote opened here is never closed"});
    return false;
}

// The next record (one line, or more when a quoted field spans lines). False at the end of the
// text or on a quoting error (then issues has it).
bool next_record(Cursor& c, Record& r, std::vector<CsvIssue>& issues, bool& failed)
{
    failed = false;
    if (c.at >= c.text.size())
        return false;
    r.fields.clear();
    r.line = c.line;
    r.fields.emplace_back();
    while (true)
    {
        Field& f = r.fields.back();
        if (c.at < c.text.size() && c.text[c.at] == '"' && f.text.empty() && !f.quoted)
        {
            f.quoted = true;
            if (!read_quoted(c, f, static_cast<int>(r.fields.size()), issues))
            {
                failed = true;
                return false;
            }
            continue;
        }
        if (at_line_end(c))
            break;
        const char ch = c.text[c.at++];
        if (ch == c.separator)
            r.fields.emplace_back();
        else
            f.text += ch;
    }
    skip_line_end(c);
    return true;
}

bool is_blank(const Record& r)
{
    if (r.fields.size() != 1 || r.fields[0].quoted)
        return false;
    for (char ch : r.fields[0].text)
        if (ch != ' ' && ch != '\t')
            return false;
    return true;
}

// The separator: the first ',' or ';' outside quotes on the first non-blank line (0: none).
char find_separator(const std::string& text, std::size_t from)
{
    bool quoted = false, seen = false;
    for (std::size_t i = from; i < text.size(); ++i)
    {
        const char ch = text[i];
        if (ch == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (ch == ',' || ch == ';')
            return ch;
        else if ((ch == '\n' || ch == '\r') && seen)
            return 0;
        seen = seen || (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r');
    }
    return 0;
}

// ---- [Numbers] -------------------------------------------------------------------------------

std::string trimmed(const std::string& s)
{
    const std::size_t a = s.find_first_not_of(" \t");
    if (a == std::string::npos)
        return "";
    return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

// [+-] digits [. digits] [e [+-] digits], at least one digit before the exponent.
bool is_decimal(const std::string& s)
{
    std::size_t i = 0, digits = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i)
        ++digits;
    if (i < s.size() && s[i] == '.')
        for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i)
            ++digits;
    if (digits == 0)
        return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E'))
    {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        const std::size_t start = i;
        for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i)
        {
        }
        if (i == start)
            return false;
    }
    return i == s.size();
}

bool is_nonfinite_word(std::string s)
{
    for (char& ch : s)
        ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    if (!s.empty() && (s[0] == '+' || s[0] == '-'))
        s.erase(0, 1);
    return s == "nan" || s == "inf" || s == "infinity";
}

std::string quoted_text(const std::string& s)
{
    return "\"" + (s.size() > 40 ? s.substr(0, 40) + "..." : s) + "\"";
}

// A field as a number, or an issue's message.
bool read_number(const Field& f, char separator, double& out, bool& decimal_comma,
                 std::string& message)
{
    std::string s = trimmed(f.text);
    if (s.empty())
    {
        message = "empty value; every column needs a number";
        return false;
    }
    if (separator == ';' && s.find(',') != std::string::npos && s.find('.') == std::string::npos)
    {
        std::string dotted = s;
        dotted[dotted.find(',')] = '.';
        if (is_decimal(dotted))
        {
            s = dotted;
            decimal_comma = true;
        }
    }
    if (is_nonfinite_word(s))
    {
        message = quoted_text(s) + ": NaN and infinity are not allowed; every value must be finite";
        return false;
    }
    if (!is_decimal(s))
    {
        message = quoted_text(s) + " is not a number";
        return false;
    }
    out = std::strtod(s.c_str(), nullptr);  // C locale: '.' is the decimal point
    if (!std::isfinite(out))
    {
        message = quoted_text(s) + " is too large to be a finite number";
        return false;
    }
    return true;
}

// ---- [File] ----------------------------------------------------------------------------------

struct Reader
{
    PointsCsv& out;
    std::vector<CsvIssue>& issues;
    std::size_t dropped = 0;

    void add(int line, int column, std::string message)
    {
        if (issues.size() < points_limits::max_reported)
            issues.push_back({line, column, std::move(message)});
        else
            ++dropped;
    }
};

bool read_header(const Record& r, Reader& rd)
{
    const int n = static_cast<int>(r.fields.size());
    if (n < points_limits::min_values)
    {
        rd.add(r.line, 0, "the header needs at least 2 columns (inputs, then the target) "
                          "separated by ',' or ';'");
        return false;
    }
    if (n > points_limits::max_values)
    {
        rd.add(r.line, points_limits::max_values + 1,
               "too many columns: " + std::to_string(n) + "; at most 65 (64 inputs and the "
                                                           "target)");
        return false;
    }
    bool numbers = true;
    for (const Field& f : r.fields)
    {
        rd.out.header.push_back(trimmed(f.text));
        numbers = numbers && is_decimal(trimmed(f.text));
    }
    if (numbers)
    {
        rd.add(r.line, 0, "the first line must be a header (the names of the columns), but it "
                          "holds numbers only");
        return false;
    }
    return true;
}

void read_row(const Record& r, Reader& rd)
{
    const std::size_t width = rd.out.header.size();
    if (r.fields.size() != width)
    {
        const std::size_t column = (r.fields.size() < width ? r.fields.size() : width) + 1;
        rd.add(r.line, static_cast<int>(column),
               "has " + std::to_string(r.fields.size()) + " values; the header has " +
                   std::to_string(width));
        return;
    }
    std::vector<double> row(width);
    bool ok = true;
    for (std::size_t k = 0; k < width; ++k)
    {
        std::string message;
        if (!read_number(r.fields[k], rd.out.separator, row[k], rd.out.decimal_comma, message))
        {
            rd.add(r.line, static_cast<int>(k + 1), message);
            ok = false;
        }
    }
    if (ok)
    {
        rd.out.rows.push_back(std::move(row));
        rd.out.lines.push_back(r.line);
    }
}

}  // namespace

bool read_points_csv(const std::string& text, PointsCsv& out, std::vector<CsvIssue>& issues)
{
    out = PointsCsv{};
    if (text.size() > points_csv_limits::max_bytes)
    {
        issues.push_back({0, 0, "the file has " + std::to_string(text.size()) +
                                    " bytes; at most " +
                                    std::to_string(points_csv_limits::max_bytes)});
        return false;
    }
    const std::size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    Reader rd{out, issues};
    const char sep = find_separator(text, start);
    out.separator = sep == 0 ? ',' : sep;
    Cursor c{text, start, 1, out.separator};
    Record r;
    bool failed = false, header = false;
    std::size_t data_rows = 0;
    while (next_record(c, r, issues, failed))
    {
        if (is_blank(r))
            continue;
        if (!header)
        {
            header = true;
            if (!read_header(r, rd))
                return false;
            continue;
        }
        if (++data_rows > static_cast<std::size_t>(points_limits::max_rows))
        {
            rd.add(r.line, 0, "too many rows: at most " +
                                  std::to_string(points_limits::max_rows) + " after the header");
            break;
        }
        read_row(r, rd);
    }
    if (!failed && !header)
        rd.add(0, 0, "the file is empty: it needs a header and at least " +
                         std::to_string(points_limits::min_rows) + " rows");
    if (rd.dropped > 0)
        issues.push_back({0, 0, "... and " + std::to_string(rd.dropped) + " more problems"});
    return issues.empty();
}

bool check_points_csv(const PointsCsv& csv, const std::string& task, PointsSummary& summary,
                      std::vector<CsvIssue>& issues)
{
    std::vector<PointsIssue> found;
    if (check_points(csv.rows, task, summary, found))
        return true;
    for (const PointsIssue& p : found)
    {
        const int line = p.row >= 0 && p.row < static_cast<int>(csv.lines.size())
                             ? csv.lines[static_cast<std::size_t>(p.row)]
                             : 0;
        issues.push_back({line, p.column + 1, p.message});
    }
    return false;
}

// ---- [Messages] ------------------------------------------------------------------------------

std::string csv_issue_text(const CsvIssue& issue, const PointsCsv& csv)
{
    std::string where;
    if (issue.line > 0)
        where = "line " + std::to_string(issue.line);
    if (issue.column > 0)
    {
        where += (where.empty() ? "column " : ", column ") + std::to_string(issue.column);
        const std::size_t k = static_cast<std::size_t>(issue.column - 1);
        if (k < csv.header.size() && !csv.header[k].empty())
            where += " (" + quoted_text(csv.header[k]) + ")";
    }
    return where.empty() ? issue.message : where + ": " + issue.message;
}

std::string describe_csv(const PointsCsv& csv)
{
    std::string out = std::string("separator '") + csv.separator + "'";
    if (csv.decimal_comma)
        out += " with decimal commas";
    out += "; inputs ";
    for (std::size_t k = 0; k + 1 < csv.header.size(); ++k)
        out += (k ? ", " : "") + quoted_text(csv.header[k]);
    return out + "; target " + (csv.header.empty() ? "" : quoted_text(csv.header.back()));
}

}  // namespace lrlab
