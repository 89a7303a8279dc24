// The lesson table: every lesson of lesson_list.hpp, read once from its JSON record.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/lessons/lesson.hpp"

namespace lrlab
{

// In lesson_list.hpp's order. A record that fails parse_lesson is still listed (with what could
// be read); lesson_table_errors() says what is wrong, and the suite requires it to be empty.
const std::vector<Lesson>& lessons();
const Lesson* find_lesson(const std::string& name);  // nullptr when there is none
// "good-lr, lr-too-low, ...": for messages about an unknown name.
std::string lesson_names();
// Every record, as `lrlab lessons` prints it and window.lrlab.lessons() returns it.
nlohmann::json lessons_json();
// The errors of every record, each path prefixed by the lesson ("lessons[good-lr].claims[0]").
std::vector<ConfigError> lesson_table_errors();

}  // namespace lrlab
