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
    int k = 0;
    for (const Lesson& l : lessons())
    {
        if (k++ % 3 != 0)
            ImGui::SameLine();
        const bool active = app.ui.lesson == l.name;
        if (active)
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (named_button(app, l.title, std::string("lesson:") + l.name))
        {
            load_lesson(app, l.name);
            app.ui.playing = true;  // a lesson is watched: start it
        }
        if (active)
            ImGui::PopStyleColor();
        tooltip(l.caption);
    }
    panel_lesson_caption(app);
}

}  // namespace lrlab
