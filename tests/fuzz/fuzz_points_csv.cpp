// libFuzzer target: the points CSV reader (issue 13; issue 14, "Parsers, fuzzed"). Any bytes are
// a file as `--points` or the page's upload reads it; nothing may crash, and:
//   every issue has a message, and its text (csv_issue_text) can be built;
//   a file that reads gives a CSV (write_points_csv) that reads back to the same header and
//   the same rows bit for bit, and writes again to the same text (parse -> write -> parse).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "core/data/points_csv.hpp"
#include "core/data/points_csv_write.hpp"
#include "fuzz_check.hpp"

using lrlab::fuzz::require;

namespace
{

bool same_rows(const lrlab::PointRows& a, const lrlab::PointRows& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t r = 0; r < a.size(); ++r)
        if (a[r].size() != b[r].size() ||
            (!a[r].empty() && std::memcmp(a[r].data(), b[r].data(), a[r].size() * sizeof(double))))
            return false;
    return true;
}

void check_issues(const std::vector<lrlab::CsvIssue>& issues, const lrlab::PointsCsv& csv,
                  const std::string& input)
{
    for (const lrlab::CsvIssue& i : issues)
    {
        require(!i.message.empty(), "an issue without a message", input);
        require(!lrlab::csv_issue_text(i, csv).empty(), "an issue without a text", input);
    }
}

void check_round_trip(const lrlab::PointsCsv& csv, const std::string& input)
{
    const std::string text = lrlab::write_points_csv(csv);
    lrlab::PointsCsv back;
    std::vector<lrlab::CsvIssue> issues;
    require(lrlab::read_points_csv(text, back, issues), "a written CSV does not read back", input);
    require(back.header == csv.header, "parse -> write -> parse changes the header", input);
    require(same_rows(back.rows, csv.rows), "parse -> write -> parse changes the rows", input);
    require(lrlab::write_points_csv(back) == text, "write -> parse -> write changes the text",
            input);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string input(reinterpret_cast<const char*>(data), size);
    lrlab::PointsCsv csv;
    std::vector<lrlab::CsvIssue> issues;
    const bool ok = lrlab::read_points_csv(input, csv, issues);
    check_issues(issues, csv, input);
    require(ok == issues.empty(), "read_points_csv's answer disagrees with its issues", input);
    if (!ok)
        return 0;
    check_round_trip(csv, input);
    for (const char* task : {"auto", "regression"})  // the page's check after reading
    {
        lrlab::PointsSummary summary;
        std::vector<lrlab::CsvIssue> found;
        lrlab::check_points_csv(csv, task, summary, found);
        check_issues(found, csv, input);
    }
    return 0;
}
