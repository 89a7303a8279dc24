// The typed descriptions the page's widgets read are the validator's own tables.
#include <doctest/doctest.h>

#include "core/config/describe.hpp"
#include "core/config/json.hpp"
#include "core/optim/optimizers.hpp"
#include "core/schedules/schedule.hpp"

using namespace lrlab;

TEST_CASE("every optimizer, schedule and clip type is described, with its label")
{
    CHECK(optimizer_descriptions().size() == optimizer_registry().size());
    CHECK(schedule_descriptions().size() == schedule_registry().size());
    for (const auto* types : {&optimizer_descriptions(), &schedule_descriptions(),
                              &clip_descriptions()})
        for (const TypeDescription& t : *types)
        {
            CAPTURE(t.type);
            CHECK(!t.label.empty());
            CHECK(!t.doc.empty());
            for (const ParamDescription& p : t.params)
                CHECK(!p.doc.empty());
        }
}

TEST_CASE("a described range is the one the validator enforces")
{
    const TypeDescription* adam = find_type(optimizer_descriptions(), "adam");
    REQUIRE(adam);
    const ParamDescription* lr = find_param(*adam, "lr");
    REQUIRE(lr);
    CHECK(lr->log_scale);
    CHECK(lr->lo == 0.0);
    CHECK(lr->lo_open);
    CHECK(lr->default_text == "0.001");
    CHECK(lr->range_text == "> 0");
    const ParamDescription* amsgrad = find_param(*adam, "amsgrad");
    REQUIRE(amsgrad);
    CHECK(amsgrad->kind == ParamKind::boolean);
    // Every number key with a finite lower bound: a value below it is refused at its path.
    for (const TypeDescription& t : optimizer_descriptions())
        for (const ParamDescription& p : t.params)
        {
            if (p.kind != ParamKind::number || !(p.lo > -1e300))
                continue;
            CAPTURE(t.type);
            CAPTURE(p.name);
            OptimizerConfig out;
            const auto errors = parse_optimizer(
                {{"type", t.type}, {p.name, p.lo - 1.0}}, "optimizer", out);
            REQUIRE(errors.size() == 1);
            CHECK(errors[0].path == "optimizer." + p.name);
        }
}

TEST_CASE("choices come from the tables")
{
    const TypeDescription* cyclic = find_type(schedule_descriptions(), "cyclic");
    REQUIRE(cyclic);
    const ParamDescription* mode = find_param(*cyclic, "mode");
    REQUIRE(mode);
    CHECK(mode->kind == ParamKind::choice);
    CHECK(mode->choices == std::vector<std::string>{"triangular", "triangular2", "exp_range"});
    CHECK(find_param(*cyclic, "bogus") == nullptr);
    CHECK(find_type(clip_descriptions(), "global_norm"));
}
