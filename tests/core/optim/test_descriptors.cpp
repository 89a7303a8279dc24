// The optimizer, schedule and clip descriptors: each is complete, its capabilities agree with its
// keys, the registries and defaults derived from them agree with the parser, and typed equality
// (same_settings) sees a change in every key of every schedule type.
#include <doctest/doctest.h>

#include <string>

#include "core/config/json.hpp"
#include "core/optim/clip.hpp"
#include "core/optim/descriptor.hpp"
#include "core/optim/optimizers.hpp"
#include "core/schedules/descriptor.hpp"
#include "core/schedules/schedule.hpp"

using namespace lrlab;
using config_detail::Kind;
using nlohmann::json;

namespace
{

template <class Desc>
bool has_key(const Desc& d, const std::string& name)
{
    for (const auto& k : d.keys)
    {
        if (name == k.name)
            return true;
    }
    return false;
}

template <class Desc>
void check_complete(const Desc& d)
{
    CHECK(std::string(d.type).size() > 0);
    CHECK(std::string(d.label).size() > 0);
    CHECK(std::string(d.doc).size() > 0);
    for (const auto& k : d.keys)
    {
        CAPTURE(k.name);
        CHECK(std::string(k.doc).size() > 0);
        CHECK(static_cast<bool>(k.field.get));
        CHECK(static_cast<bool>(k.field.equal));
        CHECK((static_cast<bool>(k.field.set) || static_cast<bool>(k.parse)));
    }
}

// A value of the key's kind that differs from v.
json changed(const config_detail::Key<ScheduleConfig>& k, const json& v)
{
    switch (k.kind)
    {
    case Kind::number: return v.get<double>() * 0.5 + 0.25;
    case Kind::integer: return v.get<std::int64_t>() + 1;
    case Kind::boolean: return !v.get<bool>();
    case Kind::choice:
        for (const std::string& c : k.choices())
            if (c != v.get<std::string>())
                return c;
        return v;
    case Kind::int_list:
    {
        json out = v;
        out.push_back(7);
        return out;
    }
    default: return v;
    }
}

}  // namespace

TEST_CASE("optimizer descriptors: complete, capabilities agree with keys and registry")
{
    REQUIRE(optimizer_descriptors().size() == optimizer_registry().size());
    for (std::size_t i = 0; i < optimizer_descriptors().size(); ++i)
    {
        const OptimizerDescriptor& d = optimizer_descriptors()[i];
        CAPTURE(d.type);
        check_complete(d);
        CHECK(static_cast<bool>(d.step));
        CHECK(find_optimizer_descriptor(d.type) == &d);
        // cycle_momentum drives `momentum` or betas[0]: the type must take that key.
        CHECK(has_key(d, "momentum") == (d.momentum == MomentumSlot::momentum));
        CHECK(has_key(d, "betas") == (d.momentum == MomentumSlot::beta1));
        const OptimizerInfo& info = optimizer_registry()[i];
        CHECK(std::string(info.type) == d.type);
        CHECK(std::string(info.label) == d.label);
        CHECK(info.has_momentum == (d.momentum == MomentumSlot::momentum));
        CHECK(info.has_betas == (d.momentum == MomentumSlot::beta1));
    }
}

TEST_CASE("optimizer_defaults(type) is what the parser fills for {\"type\": type}")
{
    for (const OptimizerDescriptor& d : optimizer_descriptors())
    {
        CAPTURE(d.type);
        OptimizerConfig parsed;
        REQUIRE(parse_optimizer(json{{"type", d.type}}, "optimizer", parsed).empty());
        CHECK(to_json(parsed) == to_json(optimizer_defaults(d.type)));
        CHECK(to_json(parsed).size() == d.keys.size() + 1);
    }
    CHECK(optimizer_defaults("adam").lr == 1e-3);
    CHECK(optimizer_defaults("lion").betas[1] == 0.99);
}

TEST_CASE("schedule and clip descriptors: complete, registries derived from them")
{
    REQUIRE(schedule_descriptors().size() == schedule_registry().size());
    for (std::size_t i = 0; i < schedule_descriptors().size(); ++i)
    {
        const ScheduleDescriptor& d = schedule_descriptors()[i];
        CAPTURE(d.type);
        check_complete(d);
        CHECK(static_cast<bool>(d.make));
        CHECK(find_schedule_descriptor(d.type) == &d);
        CHECK(has_key(d, "cycle_momentum") == d.cycles_momentum);
        CHECK(std::string(schedule_registry()[i].label) == d.label);
    }
    REQUIRE(clip_descriptors().size() == clip_registry().size());
    CHECK(std::string(clip_descriptors().front().type) == "none");
    CHECK_FALSE(static_cast<bool>(clip_descriptors().front().clip));
    for (std::size_t i = 0; i < clip_descriptors().size(); ++i)
    {
        const ClipDescriptor& d = clip_descriptors()[i];
        CAPTURE(d.type);
        check_complete(d);
        CHECK((d.clip != nullptr) == (i > 0));
        CHECK(find_clip(d.type) == &clip_registry()[i]);
        CHECK(std::string(clip_registry()[i].label) == d.label);
    }
}

TEST_CASE("same_settings sees a change in every key of every schedule type")
{
    const OptimizerConfig opt = optimizer_defaults("sgd");
    for (const ScheduleDescriptor& d : schedule_descriptors())
    {
        CAPTURE(d.type);
        ScheduleConfig c;
        REQUIRE(parse_schedule(json{{"type", d.type}}, "schedule", opt, 100, c).empty());
        CHECK(same_settings(c, c));
        for (const auto& k : d.keys)
        {
            CAPTURE(k.name);
            ScheduleConfig other = c;
            if (k.kind == Kind::schedules)
                other.schedules.back().type = "constant";
            else
                k.field.set(other, changed(k, k.field.get(c)));
            CHECK_FALSE(same_settings(c, other));
        }
        ScheduleConfig other_type = c;
        other_type.type = d.type == std::string("step") ? "cosine" : "step";
        CHECK_FALSE(same_settings(c, other_type));
    }
    // Keys the type does not take are ignored, as to_json ignores them.
    ScheduleConfig a, b;
    b.T_max = 99;
    CHECK(same_settings(a, b));
}
