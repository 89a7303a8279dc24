// Running a lesson to its end at a seed and evaluating its claims: what `lrlab check-lesson` and
// the suite's seed test do (the page evaluates the same claims as it trains: claim_eval.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/config/config.hpp"
#include "core/lessons/claim_eval.hpp"
#include "core/lessons/lesson.hpp"

namespace lrlab
{

struct LessonCheck
{
    std::vector<ConfigError> errors;   // the lesson's config at this seed is invalid
    std::vector<ClaimResult> results;  // one per claim, in order
    bool all_held() const;
};

// seed < 0: the lesson's own seed.
LessonCheck check_lesson(const Lesson& l, std::int64_t seed = -1);

}  // namespace lrlab
