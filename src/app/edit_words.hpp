// The page's status line after an edit, written for a student: "run 5 now uses Adam", not
// "set runs[4].optimizer.type" (the JSON path stays in error messages, where it locates).
#pragma once

#include <string>

#include "app/app_state.hpp"

namespace lrlab
{

// What the edit did, in words, against the config it was committed into.
std::string describe_edit(const Config& c, const Edit& e);

}  // namespace lrlab
