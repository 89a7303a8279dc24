// Lessons: one-click presets, each a config plus two or three sentences on what to watch.
#include <imgui.h>

#include "app/lessons.hpp"
#include "app/panels.hpp"
#include "app/url_sync.hpp"
#include "app/widgets.hpp"

namespace lrlab
{

void panel_lesson_caption(AppState& app)
{
    const Lesson* l = app.ui.lesson.empty() ? nullptr : find_lesson(app.ui.lesson);
    if (!l)
        return;
    ImGui::TextUnformatted(l->title);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", l->caption);
    ImGui::PopTextWrapPos();
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
        const float w = ImGui::CalcTextSize(l.title).x + st.FramePadding.x * 2;
        if (last_x >= 0 && last_x + st.ItemSpacing.x + w <= right)
            ImGui::SameLine();
        const bool active = app.ui.lesson == l.name;
        if (active)
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (named_button(app, l.title, std::string("lesson:") + l.name))
        {
            load_lesson(app, l.name);
            app.ui.playing = true;  // a lesson is watched: start it
        }
        last_x = ImGui::GetItemRectMax().x;
        if (active)
            ImGui::PopStyleColor();
        tooltip(l.caption);
    }
    panel_lesson_caption(app);
}

}  // namespace lrlab
