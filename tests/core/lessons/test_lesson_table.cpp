// The lesson table (core/lessons/table/): DESIGN.md's lessons, each record valid, every claim
// naming a run and a metric its config has.
#include <doctest/doctest.h>

#include "core/config/json.hpp"
#include "core/lessons/lesson_table.hpp"

using namespace lrlab;

TEST_CASE("lessons: DESIGN.md's list, in order, and every record is valid")
{
    const char* names[] = {"good-lr",  "lr-too-low",    "lr-too-high", "adaptive-vs-sgd",
                           "schedules", "warm-restarts", "clipping",    "generalization"};
    for (const ConfigError& e : lesson_table_errors())
        FAIL_CHECK(to_string(e));
    REQUIRE(lessons().size() >= 8);
    for (std::size_t i = 0; i < 8; ++i)
        CHECK(lessons()[i].name == names[i]);
    for (const Lesson& l : lessons())
    {
        CAPTURE(l.name);
        CHECK(!l.claims.empty());
        if (l.surface)
            CHECK(parse_surface_config(lesson_config(l)).ok());
        else
            CHECK(parse_config(lesson_config(l, 7)).ok());
        CHECK(find_lesson(l.name) == &l);
    }
    CHECK(find_lesson("no-such-lesson") == nullptr);
}
