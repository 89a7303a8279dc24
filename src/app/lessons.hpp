// The page's lessons: the table itself is core's (core/lessons/, shared with the CLI); here is
// what the page adds — when the current config is still a lesson (at some seed), the URL of a
// lesson at a seed, the claims list as the panel and window.lrlab.claims() show it, and the
// page's view when the URL holds nothing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/config.hpp"
#include "core/lessons/claim_eval.hpp"
#include "core/lessons/lesson_table.hpp"

namespace lrlab
{

class Experiment;

// "seed", "data.seed", "model.init_seed": edits after which a lesson is still the lesson (a
// teacher who changes the seed wants to see whether its claims still hold).
bool is_seed_path(const std::string& path);
// c is the lesson's config but for its seeds (top-level, data and init).
bool lesson_matches(const Lesson& l, const Config& c);
// The seed of the lesson's own config (the top-level default when it gives none).
std::uint64_t lesson_default_seed(const Lesson& l);
// What the URL adds to ?preset=NAME for c: `seed` ("" when the lesson's own) and the hash of
// data.seed and model.init_seed where they differ from the top-level seed ("" when neither).
std::string lesson_seed_param(const Lesson& l, const Config& c);
std::string lesson_seed_hash(const Config& c);

// One line of the lesson panel: the claim's result on the experiment as it is now.
struct ClaimLine
{
    const Claim* claim = nullptr;
    ClaimResult result;
    std::string numbers;  // claim_numbers()
};
std::vector<ClaimLine> claim_lines(const Lesson& l, const Experiment& e);
// The lines of l's claims from their results (in the claims' order).
std::vector<ClaimLine> claim_lines_of(const Lesson& l, const std::vector<ClaimResult>& results);
// window.lrlab.claims(): {lesson, seed, step, steps, finished, claims: [{text, held, left, op,
// right, numbers}]} (left/right null when absent or non-finite); null when no lesson is loaded.
nlohmann::json claims_json(const Lesson* l, const Experiment& e);
// claims_json's "claims": [{text, held, left, op, right, numbers}].
nlohmann::json claims_json_array(const std::vector<ClaimLine>& lines);

// The page's view when the URL holds nothing: the core defaults (TensorFlow Playground's circle
// and 4-2 tanh net) with these runs. A URL hash is read on top of the core defaults and, when it
// names no runs, these runs.
nlohmann::json default_runs_json();
nlohmann::json default_config_json();

}  // namespace lrlab
