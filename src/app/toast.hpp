// A toast: a short message shown over the page for a few seconds after an action whose result
// is not visible by itself (a copy to the clipboard), then gone.
#pragma once

#include <string>

#include "app/app_state.hpp"

namespace lrlab
{

void show_toast(AppState& app, std::string text);
// Draws the current toast (if any) over everything, bottom centre; published as
// `text:toast=TEXT` for the tests.
void draw_toast(AppState& app);

}  // namespace lrlab
