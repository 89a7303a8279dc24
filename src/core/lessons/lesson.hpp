// A lesson: a one-click preset (?preset=NAME) with the claims its caption makes, as data
// (DESIGN.md, "Lessons are data with checkable claims"). The CLI (`lessons`, `lesson`,
// `check-lesson`) and the page read the same records, so that a claim the page ticks is the claim
// the suite checks over seeds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/config.hpp"
#include "core/lessons/claim.hpp"

namespace lrlab
{

struct Lesson
{
    std::string name;     // the ?preset= value
    std::string title;
    std::string caption;  // two to four sentences shown on the page
    nlohmann::json config;  // an experiment config, or a surface config (it has "function")
    std::vector<Claim> claims;
    bool surface = false;   // config is a surface config
};

// Reads and checks one lesson record: every key of the record, a valid config that gives no
// data.seed nor model.init_seed (so that the top-level seed reaches both), and claims that name
// runs of the config and metrics of its kind (no accuracy on a regression task). Errors name
// their path ("claims[1].left.run").
std::vector<ConfigError> parse_lesson(const nlohmann::json& j, Lesson& out);
nlohmann::json to_json(const Lesson& l);

// The lesson's config with the top-level `seed` set (the data, the batch order and the initial
// weights all derive from it: DESIGN.md "Seeds"); seed < 0 leaves it as the lesson has it.
nlohmann::json lesson_config(const Lesson& l, std::int64_t seed = -1);

}  // namespace lrlab
