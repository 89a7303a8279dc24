// Notices: what the URL held that could not be used, errors of the last edit, the last action.
#include <imgui.h>

#include "app/panels.hpp"
#include "app/widgets.hpp"

namespace lrlab
{

namespace
{
const ImVec4 warn_color{1.0f, 0.72f, 0.3f, 1.0f};
const ImVec4 error_color{1.0f, 0.45f, 0.45f, 1.0f};
}  // namespace

void panel_notices(AppState& app)
{
    if (!app.ui.url_errors.empty())
    {
        ImGui::PushStyleColor(ImGuiCol_Text, warn_color);
        ImGui::TextWrapped("Could not read all of the URL; these parts use their defaults:");
        for (const ConfigError& e : app.ui.url_errors)
            ImGui::BulletText("%s", to_string(e).c_str());
        ImGui::PopStyleColor();
        if (named_button(app, "Dismiss", "dismiss-url-notice"))
            app.ui.url_errors.clear();
    }
    if (!app.ui.errors.empty())
    {
        ImGui::PushStyleColor(ImGuiCol_Text, error_color);
        for (const ConfigError& e : app.ui.errors)
            ImGui::BulletText("%s", to_string(e).c_str());
        ImGui::PopStyleColor();
    }
}

}  // namespace lrlab
