// One frame of the page (STYLE.md 9.5): input -> training within the time budget -> heatmaps
// -> panels -> URL and aria-live line. Called between ImGui::NewFrame and ImGui::Render.
#pragma once

#include "app/app_state.hpp"
#include "app/page_layout.hpp"

namespace lrlab
{

// `page`: which panels show and how (page_layout.hpp).
void frame(AppState& app, const PageLayout& page);

}  // namespace lrlab
