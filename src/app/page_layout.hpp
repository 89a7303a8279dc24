// Where the panels go: the full page (settings left, views right; one column when narrow) and
// embed mode (?embed=1), which puts the lesson's point first at common iframe sizes — the
// decision-boundary tiles beside (or above) the loss chart, compact controls, no developer
// readouts. ?panels=boundaries,loss picks the panels that show (as TF Playground lets a
// teacher hide controls); names it does not know are reported like other URL problems.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "app/app_state.hpp"

namespace lrlab
{

// The panels ?panels= can name, in the order they are known.
const std::vector<std::string>& panel_names();

struct PageLayout
{
    bool chosen = false;                // ?panels= was given
    std::vector<std::string> panels;    // the panels it names (known ones)
    std::vector<std::string> unknown;   // names it held that are not panels
};

// Reads ?panels= from the page's address (comma-separated, any case, %2C allowed).
PageLayout page_layout_from_url(const std::string& href);
// Whether `panel` shows: the URL's choice, else every panel on the full page and the embed
// defaults (controls, lesson, boundaries, loss) in embed mode.
bool shows(const PageLayout& layout, bool embed, const std::string& panel);
// The URL problems of the layout, for the notices ("panels": unknown panel "x" ...).
std::vector<ConfigError> layout_errors(const PageLayout& layout);

// The whole page inside one ImGui window covering the viewport.
void layout(AppState& app, const PageLayout& page);
// Embed mode's own arrangement (embed_layout.cpp).
void embed_layout(AppState& app, const PageLayout& page);
// The loss chart alone (train solid, test faint), sized to `size` (embed_layout.cpp).
void loss_chart(AppState& app, ImVec2 size);

}  // namespace lrlab
