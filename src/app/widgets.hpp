// Widgets that edit the config through AppState's pending edits (commit when the widget is left,
// or at once for discrete ones, through commit_run_edits), and named rectangles and texts
// published for the browser tests.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/app_state.hpp"

namespace lrlab
{

using Choices = std::vector<std::pair<std::string, std::string>>;  // value, label

// Records the last ImGui item's rectangle under `name` (lrlab.state().widgets[name]).
void publish_item(AppState& app, const std::string& name);
// The pending value of `path`, or null.
const nlohmann::json* pending_value(const AppState& app, const std::string& path);
void set_pending(AppState& app, const std::string& path, const nlohmann::json& value);
// Publishes a text shown this frame (a tooltip, a field's error) with the last item's rectangle,
// as the widget "text:KEY=TEXT": the tests read what a person reads without OCR.
void publish_text(AppState& app, const std::string& key, const std::string& text);

bool edit_double(AppState& app, const char* label, const std::string& path, double current,
                 const char* format = "%.6g");
// step > 0: with -/+ buttons (step, and 10 * step with Ctrl).
bool edit_int(AppState& app, const char* label, const std::string& path, std::int64_t current,
              std::int64_t step = 0);
bool edit_bool(AppState& app, const char* label, const std::string& path, bool current);
bool edit_slider(AppState& app, const char* label, const std::string& path, double current,
                 float lo, float hi, const char* format = "%.2f");
bool edit_choice(AppState& app, const char* label, const std::string& path,
                 const std::string& current, const Choices& choices);
// Any JSON value of a key, with the widget its type calls for (numbers, booleans, pairs,
// strings such as norm_type "inf" or a mode): the generic editor of optimizer, schedule and
// clip parameters, which keeps PyTorch's names.
bool edit_json_value(AppState& app, const std::string& key, const std::string& path,
                     const nlohmann::json& current);
// A button published under `name`.
bool named_button(AppState& app, const char* label, const std::string& name);
// A short text shown when the last item is hovered.
void tooltip(const char* text);
// The same, published as the text "tooltip" while shown.
void tooltip(AppState& app, const std::string& text);
// Sets the next combo's width to fit `longest` (its widest label), within the space left of
// the line beside `label`; never narrower than the current item width.
void fit_combo_width(const char* label, const std::string& longest);

}  // namespace lrlab
