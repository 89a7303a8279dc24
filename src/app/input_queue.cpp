// The input queue (input_queue.hpp): merging events, and the per-frame "trickle" of ImGui 1.87
// (imgui.cpp UpdateInputEvents) for ImGui 1.86's io fields.
#include "app/input_queue.hpp"

#include <algorithm>

#include <imgui.h>

namespace lrlab
{

namespace
{

constexpr std::size_t max_events = 4096;  // a stalled tab cannot grow the queue without bound

// The pinch given to this frame. ImGui 1.86's io has no field for it and the widgets cannot
// reach the platform's queue, so it waits here for the widget under it (input_take_pinch).
Pinch frame_pinch;

void set_key(InputQueue& q, ImGuiIO& io, int code, bool down)
{
    if (code >= 0 && code < int(IM_ARRAYSIZE(io.KeysDown)))
        io.KeysDown[code] = down;
    auto it = std::find(q.keys_down.begin(), q.keys_down.end(), code);
    if (down && it == q.keys_down.end())
        q.keys_down.push_back(code);
    if (!down && it != q.keys_down.end())
        q.keys_down.erase(it);
}

// Everything held is let go: a key released while another window had the focus never comes.
void release_all(InputQueue& q, ImGuiIO& io)
{
    while (!q.keys_down.empty())
        set_key(q, io, q.keys_down.back(), false);
    std::fill(std::begin(q.buttons), std::end(q.buttons), false);
    q.mods = 0;
}

}  // namespace

void input_push(InputQueue& q, const InputEvent& e)
{
    if (!q.events.empty())
    {
        InputEvent& last = q.events.back();
        if (e.kind == InputKind::pos && last.kind == InputKind::pos)
        {
            last = e;
            return;
        }
        if ((e.kind == InputKind::wheel || e.kind == InputKind::pan) && last.kind == e.kind)
        {
            last.x += e.x;
            last.y += e.y;
            return;
        }
        if (e.kind == InputKind::pinch && last.kind == InputKind::pinch)
        {
            // Two steps of a pinch are one: from the first's start to the second's end.
            last.x = e.x;
            last.y = e.y;
            last.k *= e.k;
            return;
        }
    }
    if (q.events.size() < max_events)
        q.events.push_back(e);
}

namespace
{

// What this frame has given ImGui so far, for the trickle rule.
struct FrameInput
{
    bool button_changed = false;
    std::vector<int> keys_changed;
};

bool waits(const InputEvent& e, const FrameInput& f)
{
    // A pinch after a button change waits too: the press its first finger made is let go in a
    // frame of its own, before the map moves.
    if (e.kind == InputKind::pos || e.kind == InputKind::button || e.kind == InputKind::wheel ||
        e.kind == InputKind::pinch)
        return f.button_changed;
    if (e.kind == InputKind::key)
        return std::find(f.keys_changed.begin(), f.keys_changed.end(), e.code) !=
               f.keys_changed.end();
    return false;
}

void apply_one(InputQueue& q, ImGuiIO& io, const InputEvent& e, FrameInput& f)
{
    switch (e.kind)
    {
    case InputKind::pos:
        q.mouse_x = e.x;
        q.mouse_y = e.y;
        break;
    case InputKind::button:
        if (e.code >= 0 && e.code < 3 && q.buttons[e.code] != e.down)
        {
            q.buttons[e.code] = e.down;
            f.button_changed = true;
        }
        break;
    case InputKind::wheel:
        io.MouseWheelH += e.x;
        io.MouseWheel += e.y;
        break;
    case InputKind::key:
        set_key(q, io, e.code, e.down);
        f.keys_changed.push_back(e.code);
        break;
    case InputKind::text:
        io.AddInputCharacter(unsigned(e.code));
        break;
    case InputKind::mods:
        q.mods = e.code;
        break;
    case InputKind::pan:
        input_pan(q.touch.x0, q.touch.y0, e.x, e.y);
        break;
    case InputKind::pinch:
        if (!frame_pinch.active)
            frame_pinch = {true, e.x0, e.y0, e.x, e.y, 1.0f};
        frame_pinch.to_x = e.x;
        frame_pinch.to_y = e.y;
        frame_pinch.scale *= e.k;
        break;
    case InputKind::blur:
        release_all(q, io);
        break;
    }
}

}  // namespace

void input_apply(InputQueue& q, ImGuiIO& io)
{
    FrameInput f;
    frame_pinch = {};  // last frame's, taken or not, is gone
    std::size_t n = 0;
    while (n < q.events.size() && !waits(q.events[n], f))
        apply_one(q, io, q.events[n++], f);
    q.events.erase(q.events.begin(), q.events.begin() + std::ptrdiff_t(n));
    // The backend's NewFrame polled GLFW's emulation, which no longer sees our events: ours win.
    io.MousePos = {q.mouse_x, q.mouse_y};
    for (int b = 0; b < 3; ++b)
        io.MouseDown[b] = q.buttons[b];
    io.KeyCtrl = (q.mods & 1) != 0;
    io.KeyShift = (q.mods & 2) != 0;
    io.KeyAlt = (q.mods & 4) != 0;
    io.KeySuper = (q.mods & 8) != 0;
}

bool input_take_pinch(float x0, float y0, float x1, float y1, Pinch& out)
{
    const Pinch& p = frame_pinch;
    if (!p.active || p.from_x < x0 || p.from_x >= x1 || p.from_y < y0 || p.from_y >= y1)
        return false;
    out = p;
    frame_pinch = {};
    return true;
}

}  // namespace lrlab
