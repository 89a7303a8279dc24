// The value lists of cv and sweep: explicit, geometric and linear, ends exact, bad text refused.
#include <doctest/doctest.h>

#include "core/tuning/value_list.hpp"

using namespace lrlab;

TEST_CASE("explicit value lists keep the values and their order")
{
    const ValueListResult r = parse_value_list("0.1,1e-3,3");
    REQUIRE(r.ok());
    CHECK(r.values == std::vector<double>{0.1, 1e-3, 3});
}

TEST_CASE("log and lin lists include both ends exactly")
{
    const ValueListResult g = parse_value_list("log:1e-4:10:6");
    REQUIRE(g.ok());
    REQUIRE(g.values.size() == 6);
    CHECK(g.values.front() == 1e-4);
    CHECK(g.values.back() == 10.0);
    for (std::size_t i = 1; i < g.values.size(); ++i)
        CHECK(g.values[i] / g.values[i - 1] == doctest::Approx(10.0));
    const ValueListResult l = parse_value_list("lin:0:1:5");
    REQUIRE(l.ok());
    CHECK(l.values == std::vector<double>{0, 0.25, 0.5, 0.75, 1});
    CHECK(parse_log_range("0.001:1:1").values == std::vector<double>{0.001});
}

TEST_CASE("malformed value lists are refused with what is wrong")
{
    for (const char* bad : {"", "0.1,,3", "0.1,abc", "1e400", "nan", "inf", "log:0:1:3",
                            "log:-1:1:3", "log:1:0.1:3", "lin:0:1:0", "lin:0:1:2.5", "log:1:2",
                            "lin:a:1:3", " 1", "1 ", "log:1e-3:1:10001"})
    {
        CAPTURE(bad);
        const ValueListResult r = parse_value_list(bad);
        CHECK_FALSE(r.ok());
        CHECK(r.values.empty());
    }
    CHECK_FALSE(parse_log_range("0:1:3").ok());
    CHECK_FALSE(parse_log_range("1e-3:1").ok());
}
