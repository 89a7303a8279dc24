// The page's lessons: the table itself is core's (core/lessons/, shared with the CLI); what is
// the page's alone is its view when the URL holds nothing.
#pragma once

#include <nlohmann/json.hpp>

#include "core/lessons/lesson_table.hpp"

namespace lrlab
{

// The page's view when the URL holds nothing: the core defaults (TensorFlow Playground's circle
// and 4-2 tanh net) with these runs. A URL hash is read on top of the core defaults and, when it
// names no runs, these runs.
nlohmann::json default_runs_json();
nlohmann::json default_config_json();

}  // namespace lrlab
