// A surface lesson's claims on the landscape view's trajectories: the lesson panel's ticks and
// window.lrlab.claims() for the lessons of the Landscape view (core's surface metrics).
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "app/landscape_state.hpp"
#include "app/lessons.hpp"

namespace lrlab
{

std::vector<ClaimLine> surface_claim_lines(const Lesson& l, const LandscapeState& s);
// {lesson, step, steps, finished, claims} as claims_json, without a seed (a surface run has none).
nlohmann::json surface_claims_json(const Lesson& l, const LandscapeState& s);

}  // namespace lrlab
