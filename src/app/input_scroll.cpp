// Which panel a wheel turn or a touch drag scrolls (input_queue.hpp), decided on the last
// frame's windows with ImGui 1.86's own rules (imgui.cpp FindHoveredWindow, UpdateMouseWheel):
// the topmost window under the pointer, then up through parents that cannot scroll that way.
#include <imgui.h>
#include <imgui_internal.h>

#include "app/input_queue.hpp"

namespace lrlab
{

namespace
{

ImGuiWindow* window_at(float x, float y)
{
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (int i = g.Windows.Size - 1; i >= 0; --i)
    {
        ImGuiWindow* w = g.Windows[i];
        if (!w->Active || w->Hidden || (w->Flags & ImGuiWindowFlags_NoMouseInputs))
            continue;
        if (w->OuterRectClipped.Contains({x, y}))
            return w;
    }
    return nullptr;
}

bool wheel_blocked(const ImGuiWindow* w)
{
    return (w->Flags & ImGuiWindowFlags_NoScrollWithMouse) &&
           !(w->Flags & ImGuiWindowFlags_NoMouseInputs);
}

// The window ImGui would scroll along `axis` (0 x, 1 y) from `w`, or null.
ImGuiWindow* scroll_target(ImGuiWindow* w, int axis)
{
    while (w && (w->Flags & ImGuiWindowFlags_ChildWindow) &&
           (w->ScrollMax[axis] == 0.0f || wheel_blocked(w)))
        w = w->ParentWindow;
    if (!w || wheel_blocked(w) || (w->Flags & ImGuiWindowFlags_NoMouseInputs))
        return nullptr;
    return w;
}

// Whether `w` can move its content by `amount` along `axis` (positive: towards the top/left).
bool can_scroll(const ImGuiWindow* w, int axis, float amount)
{
    if (!w || amount == 0.0f)
        return false;
    return amount > 0 ? w->Scroll[axis] > 0.5f : w->Scroll[axis] < w->ScrollMax[axis] - 0.5f;
}

}  // namespace

bool input_wheel_scrolls(float x, float y, float wx, float wy)
{
    if (ImGui::GetCurrentContext() == nullptr)
        return false;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    // A widget that takes the wheel itself (none on the page yet, but ImGui allows it).
    if ((g.ActiveId != 0 && g.ActiveIdUsingMouseWheel) || g.HoveredIdUsingMouseWheel)
        return true;
    if (g.OpenPopupStack.Size > 0 && g.OpenPopupStack.back().Window &&
        (g.OpenPopupStack.back().Window->Flags & ImGuiWindowFlags_Modal))
        return true;  // behind a modal dialog nothing scrolls, and nor should the host
    ImGuiWindow* w = window_at(x, y);
    if (!w)
        return false;
    return can_scroll(scroll_target(w, 1), 1, wy) || can_scroll(scroll_target(w, 0), 0, wx);
}

void input_pan(float x, float y, float dx, float dy)
{
    ImGuiWindow* w = window_at(x, y);
    if (ImGuiWindow* t = scroll_target(w, 1); t && dy != 0.0f)
        ImGui::SetScrollY(t, t->Scroll.y - dy);
    if (ImGuiWindow* t = scroll_target(w, 0); t && dx != 0.0f)
        ImGui::SetScrollX(t, t->Scroll.x - dx);
}

bool input_drag_is_taken()
{
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.ActiveId == 0 || g.ActiveIdWindow == nullptr)
        return false;
    ImGuiWindow* w = g.ActiveIdWindow;
    // Sliders and drag boxes claim the arrow keys of their axis when activated (imgui_widgets.cpp
    // SliderScalar, DragScalar); scrollbars are dragged on purpose.
    return g.ActiveIdUsingNavDirMask != 0 ||
           g.ActiveId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_X) ||
           g.ActiveId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_Y);
}

}  // namespace lrlab
