// The toast: a borderless, input-less window at the bottom centre of the viewport, drawn after
// the page so that it stays on top; it fades out over its last half second.
#include "app/toast.hpp"

#include <algorithm>

#include <imgui.h>

#include "app/widgets.hpp"

namespace lrlab
{
namespace
{
constexpr double shown_seconds = 4.0;
}  // namespace

void show_toast(AppState& app, std::string text)
{
    app.ui.toast = std::move(text);
    app.ui.toast_until = ImGui::GetTime() + shown_seconds;
}

void draw_toast(AppState& app)
{
    const double left = app.ui.toast_until - ImGui::GetTime();
    if (app.ui.toast.empty() || left <= 0.0)
        return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float fs = ImGui::GetFontSize();
    ImGui::SetNextWindowPos({vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y - fs * 2},
                            ImGuiCond_Always, {0.5f, 1.0f});
    ImGui::SetNextWindowSizeConstraints({0, 0}, {std::max(fs * 10, vp->Size.x - fs * 2), 1e6f});
    ImGui::SetNextWindowBgAlpha(0.92f * float(std::min(1.0, left * 2.0)));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration |
                                   ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav;
    ImGui::Begin("##toast", nullptr, flags);
    ImGui::PushTextWrapPos(std::min(fs * 36, vp->Size.x - fs * 3));
    ImGui::TextUnformatted(app.ui.toast.c_str());
    ImGui::PopTextWrapPos();
    publish_text(app, "toast", app.ui.toast);
    ImGui::End();
}

}  // namespace lrlab
