// write_points_csv: what it writes reads back to the same header and rows, bit for bit.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "core/data/points_csv.hpp"
#include "core/data/points_csv_write.hpp"

using namespace lrlab;

namespace
{

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

PointsCsv read_back(const std::string& text)
{
    PointsCsv csv;
    std::vector<CsvIssue> issues;
    CHECK(read_points_csv(text, csv, issues));
    CHECK(issues.empty());
    return csv;
}

}  // namespace

TEST_CASE("write_points_csv round-trips awkward names and doubles exactly")
{
    PointsCsv csv;
    csv.header = {"x,1", "say \"hi\"", "semi;colon", "two\nlines", "", "label"};
    const double tiny = std::numeric_limits<double>::denorm_min();
    const double big = std::numeric_limits<double>::max();
    csv.rows = {{0.1, -0.0, 1.0 / 3.0, tiny, -big, 1},
                {1e-300, 123456789.125, 2.0 / 3.0, 5e-324, 1e22, 0},
                {-1, 0, 3, 0.30000000000000004, std::nextafter(1.0, 2.0), 1}};
    const std::string text = write_points_csv(csv);
    const PointsCsv back = read_back(text);
    CHECK(back.header == csv.header);
    REQUIRE(back.rows.size() == csv.rows.size());
    for (std::size_t r = 0; r < csv.rows.size(); ++r)
        for (std::size_t k = 0; k < csv.rows[r].size(); ++k)
        {
            CAPTURE(r);
            CAPTURE(k);
            CHECK(same_bits(back.rows[r][k], csv.rows[r][k]));
        }
    CHECK(write_points_csv(back) == text);
}

TEST_CASE("write_points_csv writes a semicolon file with decimal commas as ',' and '.'")
{
    const PointsCsv csv = read_back("a;b\n1,5;2\n-0,25;3\n");
    CHECK(csv.decimal_comma);
    CHECK(write_points_csv(csv) == "\"a\",\"b\"\n1.5,2\n-0.25,3\n");
}
