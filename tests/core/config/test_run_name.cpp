// One run-name rule for `run` and `surface` configs (issue 14, defect 7): surface names once
// took newlines and 100,000-byte names that `run` refuses.
#include <doctest/doctest.h>

#include <string>

#include "core/config/json.hpp"

using namespace lrlab;

namespace
{

// The errors of a run named `name` in an experiment config, or in a surface config.
std::vector<ConfigError> errors_for(const nlohmann::json& name, bool surface)
{
    nlohmann::json run = {{"name", name}, {"optimizer", {{"type", "sgd"}}}};
    if (surface)
        return parse_surface_config({{"function", "beale"}, {"runs", {run}}}).errors;
    return parse_config({{"runs", {run}}}).errors;
}

}  // namespace

TEST_CASE("run and surface refuse the same names, at runs[i].name, with the same message")
{
    const nlohmann::json bad[] = {"a\nb", "tab\there", std::string("nul\0x", 5), "del\x7f",
                                  std::string(100000, 'n'), std::string(201, 'n'), "", 7,
                                  nullptr};
    for (const nlohmann::json& name : bad)
    {
        CAPTURE(name.dump().substr(0, 40));
        const auto a = errors_for(name, false);
        const auto b = errors_for(name, true);
        REQUIRE(a.size() == 1);
        REQUIRE(b.size() == 1);
        CHECK(a[0].path == "runs[0].name");
        CHECK(b[0].path == "runs[0].name");
        CHECK(a[0].message == b[0].message);
    }
    CHECK(errors_for(std::string(100000, 'n'), true)[0].message ==
          "must be a non-empty string of at most 200 bytes, got 100000 bytes");
}

TEST_CASE("run and surface accept the same names")
{
    for (const char* name : {"sgd 0.1", "Adam, β1 = 0.9 \"quoted\"", "x"})
    {
        CHECK(errors_for(name, false).empty());
        CHECK(errors_for(name, true).empty());
    }
    CHECK(errors_for(std::string(200, 'n'), true).empty());
}
