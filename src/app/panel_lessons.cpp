// Lessons: one-click presets, each a config plus a caption on what to watch, and the claims the
// caption makes, ticked or crossed for this run of the lesson as it trains (issue 11).
#include <imgui.h>

#include "app/landscape_state.hpp"
#include "app/lessons.hpp"
#include "app/surface_claims.hpp"
#include "app/panels.hpp"
#include "app/url_sync.hpp"
#include "app/widgets.hpp"

namespace lrlab
{

namespace
{

// ProggyClean has neither glyph: main.cpp draws both into the font atlas.
constexpr const char* tick = "\xE2\x9C\x93";   // U+2713 CHECK MARK
constexpr const char* cross = "\xE2\x9C\x97";  // U+2717 BALLOT X
const ImVec4 held_color{0.35f, 0.85f, 0.4f, 1.0f};
const ImVec4 failed_color{1.0f, 0.45f, 0.45f, 1.0f};

// Claims are about the end of training: before it, say which step they were read at.
std::string claims_heading(const Experiment& e)
{
    const std::string seed = "seed " + std::to_string(e.config().seed);
    if (e.finished())
        return "What the caption claims, after " + std::to_string(e.steps()) + " steps at " +
               seed + ":";
    return "What the caption claims, at step " + std::to_string(e.step()) + " of " +
           std::to_string(e.steps()) + " (" + seed + "; the claims are about the end):";
}

// The same heading for a surface lesson: its runs have no seed, only steps.
std::string surface_claims_heading(const LandscapeState& s)
{
    if (landscape_finished(s))
        return "What the caption claims, after " + std::to_string(s.config.steps) + " steps:";
    return "What the caption claims, at step " + std::to_string(s.step) + " of " +
           std::to_string(s.config.steps) + " (the claims are about the end):";
}

// One ticked or crossed line per claim, for network and surface lessons alike.
void claim_rows(AppState& app, const std::string& heading, const std::vector<ClaimLine>& lines)
{
    ImGui::TextWrapped("%s", heading.c_str());
    int i = 0;
    for (const ClaimLine& c : lines)
    {
        ImGui::TextColored(c.result.held ? held_color : failed_color, "%s",
                           c.result.held ? tick : cross);
        ImGui::SameLine();
        // One group per claim: its wrapped lines stay to the right of the mark.
        ImGui::BeginGroup();
        ImGui::TextWrapped("%s", c.claim->text.c_str());
        ImGui::TextDisabled("%s", c.numbers.c_str());
        ImGui::EndGroup();
        publish_item(app, std::string(c.result.held ? "claim-held:" : "claim-failed:") +
                              std::to_string(i));
        publish_item(app, "claim:" + std::to_string(i++));
    }
}

void claim_list(AppState& app, const Lesson& l)
{
    if (!l.surface)
        return claim_rows(app, claims_heading(*app.experiment), claim_lines(l, *app.experiment));
    claim_rows(app, surface_claims_heading(app.landscape), surface_claim_lines(l, app.landscape));
}

}  // namespace

void panel_lesson_caption(AppState& app)
{
    const Lesson* l = app.ui.lesson.empty() ? nullptr : find_lesson(app.ui.lesson);
    if (!l)
        return;
    ImGui::TextUnformatted(l->title.c_str());
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", l->caption.c_str());
    ImGui::PopTextWrapPos();
    if (!l->surface || app.landscape.active)
        claim_list(app, *l);
}

void panel_lessons(AppState& app)
{
    if (!ImGui::CollapsingHeader("Lessons", ImGuiTreeNodeFlags_DefaultOpen))
        return;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    float last_x = -1.0f;  // right edge of the previous button
    for (const Lesson& l : lessons())
    {
        // Wrap like text: on this line while the button fits.
        const ImGuiStyle& st = ImGui::GetStyle();
        const float w = ImGui::CalcTextSize(l.title.c_str()).x + st.FramePadding.x * 2;
        if (last_x >= 0 && last_x + st.ItemSpacing.x + w <= right)
            ImGui::SameLine();
        const bool active = app.ui.lesson == l.name;
        if (active)
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (named_button(app, l.title.c_str(), "lesson:" + l.name))
        {
            load_lesson(app, l.name);
            app.ui.playing = true;  // a lesson is watched: start it
        }
        last_x = ImGui::GetItemRectMax().x;
        if (active)
            ImGui::PopStyleColor();
        tooltip(l.caption.c_str());
    }
    panel_lesson_caption(app);
}

}  // namespace lrlab
