// Lessons: one-click presets (?preset=NAME), each a config plus two or three sentences that say
// what to watch. Each caption's claim is checked against the engine by tests/app/test_lessons.cpp.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lrlab
{

struct Lesson
{
    const char* name;     // ?preset= value (DESIGN.md's list)
    const char* title;
    const char* caption;  // two or three sentences shown on the page
    const char* config;   // the config, as JSON text
};

const std::vector<Lesson>& lessons();
const Lesson* find_lesson(const std::string& name);
nlohmann::json lesson_config(const Lesson& l);
nlohmann::json lesson_names_json();

// The page's view when the URL holds nothing: the core defaults (TensorFlow Playground's circle
// and 4-2 tanh net) with these runs. A URL hash is read on top of the core defaults and, when it
// names no runs, these runs.
nlohmann::json default_runs_json();
nlohmann::json default_config_json();

}  // namespace lrlab
