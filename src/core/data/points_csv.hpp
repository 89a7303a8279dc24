// The CSV file of `--points FILE.csv` and of the page's upload (issue 13): a header row, numeric
// columns, the last column the target. RFC 4180 quoting; a comma or a semicolon separates
// fields (the first one found outside quotes in the header decides); with semicolons a decimal
// comma ("1,5") is read as 1.5 and reported as inferred. Blank lines are ignored; a UTF-8 BOM
// is skipped. Everything else that is not a finite number is an error naming its line and
// column: nothing is guessed silently.
#pragma once

#include <string>
#include <vector>

#include "core/data/points.hpp"

namespace lrlab
{

namespace points_csv_limits
{
constexpr std::size_t max_bytes = 64u << 20;  // 20,000 rows x 65 values of 25 characters fit twice
}

// line and column are 1-based (column = field number); 0 means "the whole line" / "the file".
struct CsvIssue
{
    int line = 0;
    int column = 0;
    std::string message;
};

struct PointsCsv
{
    std::vector<std::string> header;  // column names, as written (unquoted)
    PointRows rows;
    std::vector<int> lines;           // the line each row starts on
    char separator = ',';
    bool decimal_comma = false;       // some value was written "1,5" (semicolon files only)
};

// Text -> header and rows. False with the issues (at most points_limits::max_reported, then
// one that says how many more) when the file cannot be read as numbers.
bool read_points_csv(const std::string& text, PointsCsv& out, std::vector<CsvIssue>& issues);

// check_points (data/points.hpp) on the file's rows, with its issues at lines and columns.
bool check_points_csv(const PointsCsv& csv, const std::string& task, PointsSummary& summary,
                      std::vector<CsvIssue>& issues);

// "line 5, column 3 (x2): \"abc\" is not a number"; the column's name when the header has it.
std::string csv_issue_text(const CsvIssue& issue, const PointsCsv& csv);

// What was read, for stderr or the page: "separator ';' with decimal commas; inputs x1, x2;
// target \"label\"".
std::string describe_csv(const PointsCsv& csv);

}  // namespace lrlab
