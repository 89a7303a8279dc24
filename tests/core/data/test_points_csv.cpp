// The points CSV reader: separators, RFC 4180 quotes, blank lines, and every malformed case of
// issue 13 with the line and column of its message.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/data/points_csv.hpp"

using namespace lrlab;

namespace
{

struct Read
{
    bool ok = false;
    PointsCsv csv;
    std::vector<CsvIssue> issues;
};

Read read(const std::string& text, const std::string& task = "auto")
{
    Read r;
    r.ok = read_points_csv(text, r.csv, r.issues);
    if (r.ok)
    {
        PointsSummary s;
        r.ok = check_points_csv(r.csv, task, s, r.issues);
    }
    return r;
}

std::string first(const Read& r)
{
    return r.issues.empty() ? "" : csv_issue_text(r.issues[0], r.csv);
}

const std::string good = "x1,x2,label\n0,0,0\n1,0,1\n0,1,1\n1,1,0\n";

}  // namespace

TEST_CASE("points csv: header, rows, lines and separators")
{
    Read r = read(good);
    REQUIRE(r.ok);
    CHECK(r.csv.header == std::vector<std::string>{"x1", "x2", "label"});
    CHECK(r.csv.rows.size() == 4);
    CHECK(r.csv.rows[1] == std::vector<double>{1, 0, 1});
    CHECK(r.csv.lines == std::vector<int>{2, 3, 4, 5});

    Read semi = read("\xEF\xBB\xBF" "a;b;y\r\n\r\n0,5;-1;0\r\n1.5;2e-3;1\r\n  \r\n3;4;0\r\n5;6;1\r\n");
    REQUIRE(semi.ok);
    CHECK(semi.csv.separator == ';');
    CHECK(semi.csv.decimal_comma);
    CHECK(semi.csv.rows[0] == std::vector<double>{0.5, -1, 0});
    CHECK(semi.csv.rows[1][1] == 2e-3);
    CHECK(semi.csv.lines == std::vector<int>{3, 4, 6, 7});
    CHECK(describe_csv(semi.csv).find("separator ';' with decimal commas") == 0);

    Read quoted = read("\"x, one\",\"say \"\"y\"\"\"\n\"1\",0\n2,\" 1 \"\n3,0\n4,1\n");
    REQUIRE(quoted.ok);
    CHECK(quoted.csv.header == std::vector<std::string>{"x, one", "say \"y\""});
    CHECK(quoted.csv.rows[1] == std::vector<double>{2, 1});
    Read no_final_newline = read("x,y\n1,0\n2,1\n3,0\n4,1");
    CHECK(no_final_newline.ok);
}

TEST_CASE("points csv: each malformed file names its line and column")
{
    CHECK(first(read("x1,x2,y\n0,0,0\n1,0\n0,1,1\n1,1,0\n")) ==
          "line 3, column 3 (\"y\"): has 2 values; the header has 3");
    CHECK(first(read("x1,x2,y\n0,0,0\n1,0,1,5\n0,1,1\n1,1,0\n")) ==
          "line 3, column 4: has 4 values; the header has 3");
    CHECK(first(read("x1,x2,y\n0,0,0\n1,abc,1\n0,1,1\n1,1,0\n")) ==
          "line 3, column 2 (\"x2\"): \"abc\" is not a number");
    CHECK(first(read("x1,x2,y\n0,0,0\n1,1.2.3,1\n0,1,1\n1,1,0\n")) ==
          "line 3, column 2 (\"x2\"): \"1.2.3\" is not a number");
    CHECK(first(read("x1,x2,y\n0,0,0\n1,0,1\n0,NaN,1\n1,1,0\n")).find(
              "line 4, column 2 (\"x2\"): \"NaN\": NaN and infinity") == 0);
    CHECK(first(read("x1,x2,y\n0,0,0\n1,0,1\n0,1,1\n-inf,1,0\n")).find("line 5, column 1") == 0);
    CHECK(first(read("x1,x2,y\n0,0,0\n1,0,1\n0,1e999,1\n1,1,0\n")) ==
          "line 4, column 2 (\"x2\"): \"1e999\" is too large to be a finite number");
    CHECK(first(read("x1,x2,y\n0,0,0\n1,,1\n0,1,1\n1,1,0\n")) ==
          "line 3, column 2 (\"x2\"): empty value; every column needs a number");
    CHECK(first(read("x1,x2,y\n0,\"0,0\n1,0,1\n")) ==
          "line 2, column 2 (\"x2\"): a quote opened here is never closed");
    CHECK(first(read("x1,x2,y\n0,\"0\"x,0\n")) ==
          "line 2, column 2 (\"x2\"): text after the closing quote of a field");
    CHECK(first(read("")) == "the file is empty: it needs a header and at least 4 rows");
    CHECK(first(read("1,2,3\n0,0,0\n1,0,1\n0,1,1\n1,1,0\n")).find("line 1: the first line "
                                                                  "must be a header") == 0);
    CHECK(first(read("x y\n1\n2\n")).find("line 1: the header needs at least 2 columns") == 0);
}

TEST_CASE("points csv: sizes, one class and gaps between classes")
{
    std::string wide;
    for (int k = 0; k < 66; ++k)
        wide += (k ? ",c" : "c") + std::to_string(k);
    CHECK(first(read(wide + "\n")).find("line 1, column 66: too many columns: 66") == 0);

    std::string many = "x,y\n";
    for (int i = 0; i < 20001; ++i)
        many += std::to_string(i) + "," + std::to_string(i % 2) + "\n";
    CHECK(first(read(many)) == "line 20002: too many rows: at most 20000 after the header");

    CHECK(first(read("x,y\n1,0\n2,0\n")) == "must have 4 to 20000 rows, got 2");
    CHECK(first(read("x,y\n1,0\n2,0\n3,0\n4,0\n")).find("line 2, column 2 (\"y\"): every "
                                                        "target is class 0") == 0);
    const std::string gap = "x,y\n1,0\n2,7\n3,0\n4,7\n";
    CHECK(first(read(gap, "multiclass")).find("line 3, column 2 (\"y\"): class 1 has no points, "
                                              "but class 7 does") == 0);
    CHECK(first(read(gap)).find("class 1 has no points") != std::string::npos);
    CHECK(read(gap, "regression").ok);
    CHECK(first(read("x,y\n1,0\n2,1\n3,2\n4,1\n", "binary")) ==
          "line 4, column 2 (\"y\"): a binary target must be an integer 0..1, got 2");
}

TEST_CASE("points csv: many problems are listed up to a limit, then counted")
{
    std::string bad = "x,y\n";
    for (int i = 0; i < 30; ++i)
        bad += "a,0\n";
    Read r = read(bad);
    CHECK_FALSE(r.ok);
    REQUIRE(r.issues.size() == points_limits::max_reported + 1);
    CHECK(r.issues.back().message == "... and 10 more problems");
}
