// The browser's events into the input queue (input_queue.hpp), through Emscripten's html5
// callbacks. Each callback's return value is whether the browser's default action is cancelled:
// a wheel turn is cancelled only when ImGui will scroll with it (else the host page scrolls), a
// key only when ImGui uses it, touches always (the canvas is touch-action: none; no emulated
// mouse events follow). Two fingers pinch (input_queue.hpp InputKind::pinch); the map zooms with
// it, nothing else does, and the page's own zoom stays off the canvas as before.
#include <emscripten/html5.h>

#include <cmath>
#include <cstring>
#include <utility>

#include <imgui.h>

#include "app/input_queue.hpp"

namespace lrlab
{

namespace
{

InputQueue& queue_of(void* user) { return *static_cast<InputQueue*>(user); }

int mods_of(bool ctrl, bool shift, bool alt, bool meta)
{
    return (ctrl ? 1 : 0) | (shift ? 2 : 0) | (alt ? 4 : 0) | (meta ? 8 : 0);
}

void push_mods(InputQueue& q, int mods)
{
    if (mods != q.mods)
        input_push(q, {InputKind::mods, mods});
}

// DOM button 0 left, 1 middle, 2 right -> ImGui 0 left, 1 right, 2 middle.
int imgui_button(unsigned short dom)
{
    return dom == 1 ? 2 : dom == 2 ? 1 : dom == 0 ? 0 : -1;
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void* user)
{
    InputQueue& q = queue_of(user);
    push_mods(q, mods_of(e->ctrlKey, e->shiftKey, e->altKey, e->metaKey));
    const float x = float(e->targetX * q.scale), y = float(e->targetY * q.scale);
    if (type == EMSCRIPTEN_EVENT_MOUSELEAVE)
        input_push(q, {InputKind::pos, 0, false, -3.4e38f, -3.4e38f});
    else
        input_push(q, {InputKind::pos, 0, false, x, y});
    const int b = imgui_button(e->button);
    if (b >= 0 && (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP))
        input_push(q, {InputKind::button, b, type == EMSCRIPTEN_EVENT_MOUSEDOWN});
    return EM_FALSE;  // the canvas still takes the focus on a click
}

// Browsers' wheel deltas: pixels (100 per notch in Chromium and Firefox), lines (3 per notch)
// or pages; ImGui's: notches, positive for up / left.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void* user)
{
    InputQueue& q = queue_of(user);
    if (e->mouse.ctrlKey)
        return EM_FALSE;  // the browser's zoom (a pinch on a touchpad, too)
    const double unit = e->deltaMode == DOM_DELTA_PIXEL ? 100.0
                        : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 0.1;
    float wx = float(-e->deltaX / unit), wy = float(-e->deltaY / unit);
    if (e->mouse.shiftKey)
        std::swap(wx, wy);  // what ImGui would do with Shift, judged here already
    const float x = float(e->mouse.targetX * q.scale), y = float(e->mouse.targetY * q.scale);
    if (!input_wheel_scrolls(x, y, wx, wy))
        return EM_FALSE;
    input_push(q, {InputKind::pos, 0, false, x, y});
    input_push(q, {InputKind::wheel, 0, false, e->mouse.shiftKey ? wy : wx,
                   e->mouse.shiftKey ? wx : wy});
    return EM_TRUE;
}

const EmscriptenTouchPoint* followed(const EmscriptenTouchEvent* e, long id)
{
    for (int i = 0; i < e->numTouches; ++i)
        if (e->touches[i].identifier == id && e->touches[i].isChanged)
            return &e->touches[i];
    return nullptr;
}

ImVec2 touch_pos(const InputQueue& q, const EmscriptenTouchPoint& t)
{
    return {float(t.targetX * q.scale), float(t.targetY * q.scale)};
}

void follow(InputQueue& q, const EmscriptenTouchPoint& t)
{
    const ImVec2 p = touch_pos(q, t);
    q.touch = {t.identifier, p.x, p.y, p.x, p.y};
    input_push(q, {InputKind::pos, 0, false, p.x, p.y});
    input_push(q, {InputKind::button, 0, true});
}

// A second finger: the first one's press is let go with the pointer off the canvas, so that
// nothing is clicked (as when a drag becomes a scroll), and the two fingers pinch.
void pinch_start(InputQueue& q, const EmscriptenTouchPoint& t)
{
    TouchState& s = q.touch;
    if (!s.panning)
    {
        input_push(q, {InputKind::pos, 0, false, -3.4e38f, -3.4e38f});
        input_push(q, {InputKind::button, 0, false});
    }
    s.panning = false;
    s.id2 = t.identifier;
    const ImVec2 p = touch_pos(q, t);
    s.x2 = p.x;
    s.y2 = p.y;
}

void touch_start(InputQueue& q, const EmscriptenTouchEvent* e)
{
    TouchState& s = q.touch;
    for (int i = 0; i < e->numTouches; ++i)
    {
        const EmscriptenTouchPoint& t = e->touches[i];
        if (!t.isChanged || s.pinch_over || s.id2 >= 0 || t.identifier == s.id)
            continue;  // a third finger, or one after a pinch: ignored
        if (s.id < 0)
            follow(q, t);
        else
            pinch_start(q, t);
    }
}

// The fingers' new places: the pinch of their midpoint's motion and their distance's ratio.
void pinch_move(InputQueue& q, const EmscriptenTouchEvent* e)
{
    TouchState& s = q.touch;
    ImVec2 a{s.x, s.y}, b{s.x2, s.y2};
    if (const EmscriptenTouchPoint* t = followed(e, s.id))
        a = touch_pos(q, *t);
    if (const EmscriptenTouchPoint* t = followed(e, s.id2))
        b = touch_pos(q, *t);
    const float d0 = std::hypot(s.x2 - s.x, s.y2 - s.y), d1 = std::hypot(b.x - a.x, b.y - a.y);
    if (d0 > 0.0f && d1 > 0.0f)  // two fingers on one spot have no ratio
    {
        InputEvent p{InputKind::pinch, 0, false, (a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f};
        p.x0 = (s.x + s.x2) * 0.5f;
        p.y0 = (s.y + s.y2) * 0.5f;
        p.k = d1 / d0;
        input_push(q, p);
    }
    s.x = a.x;
    s.y = a.y;
    s.x2 = b.x;
    s.y2 = b.y;
}

// A finger of a pinch lifted: the pinch is over, the other finger (if down) ignored till lifted.
// The pointer already left and the press was let go when the pinch began.
void pinch_end(InputQueue& q, const EmscriptenTouchEvent* e)
{
    TouchState& s = q.touch;
    const bool first = followed(e, s.id) != nullptr;
    const bool second = s.id2 >= 0 && followed(e, s.id2) != nullptr;
    if (!first && !second)
        return;
    const long left = s.pinch_over || (first && second) ? -1 : first ? s.id2 : s.id;
    q.touch = {};
    if (left >= 0)
    {
        q.touch.id = left;
        q.touch.pinch_over = true;
    }
}

// Beyond this many CSS pixels a touch is a drag, not a tap (Android's touch slop is 8 dp).
constexpr float touch_slop = 10.0f;

void touch_move(InputQueue& q, const EmscriptenTouchPoint& t)
{
    TouchState& s = q.touch;
    const float x = float(t.targetX * q.scale), y = float(t.targetY * q.scale);
    const float slop = touch_slop * float(q.scale);
    if (!s.panning && std::hypot(x - s.x0, y - s.y0) > slop && !input_drag_is_taken())
    {
        // A scroll, not a press: the pointer leaves before the release, so nothing is clicked.
        s.panning = true;
        input_push(q, {InputKind::pos, 0, false, -3.4e38f, -3.4e38f});
        input_push(q, {InputKind::button, 0, false});
    }
    if (s.panning)
        input_push(q, {InputKind::pan, 0, false, x - s.x, y - s.y});
    else
        input_push(q, {InputKind::pos, 0, false, x, y});
    s.x = x;
    s.y = y;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void* user)
{
    InputQueue& q = queue_of(user);
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART)
    {
        touch_start(q, e);
        return EM_TRUE;
    }
    if (q.touch.id2 >= 0 || q.touch.pinch_over)
    {
        if (type == EMSCRIPTEN_EVENT_TOUCHMOVE)
        {
            if (q.touch.id2 >= 0)
                pinch_move(q, e);
        }
        else
            pinch_end(q, e);
        return EM_TRUE;
    }
    const EmscriptenTouchPoint* t = followed(e, q.touch.id);
    if (t == nullptr)
        return EM_TRUE;
    if (type == EMSCRIPTEN_EVENT_TOUCHMOVE)
    {
        touch_move(q, *t);
        return EM_TRUE;
    }
    // A cancelled touch (the browser took the gesture) presses nothing: the pointer leaves
    // first. A finger does not hover: once lifted, no tooltip stays behind.
    const bool cancel = type == EMSCRIPTEN_EVENT_TOUCHCANCEL;
    if (cancel)
        input_push(q, {InputKind::pos, 0, false, -3.4e38f, -3.4e38f});
    if (!q.touch.panning)
        input_push(q, {InputKind::button, 0, false});
    if (!cancel)
        input_push(q, {InputKind::pos, 0, false, -3.4e38f, -3.4e38f});
    q.touch = {};
    return EM_TRUE;
}

// DOM keyCode -> GLFW key code (the codes ImGui's GLFW backend put in io.KeyMap); -1: unused.
int glfw_key(const EmscriptenKeyboardEvent& e)
{
    const unsigned long k = e.keyCode;
    if ((k >= 'A' && k <= 'Z') || (k >= '0' && k <= '9') || k == ' ')
        return int(k);
    if (std::strcmp(e.code, "NumpadEnter") == 0)
        return 335;
    switch (k)
    {
    case 8: return 259;   // Backspace
    case 9: return 258;   // Tab
    case 13: return 257;  // Enter
    case 16: return e.location == 2 ? 344 : 340;  // Shift
    case 17: return e.location == 2 ? 345 : 341;  // Control
    case 18: return e.location == 2 ? 346 : 342;  // Alt
    case 27: return 256;  // Escape
    case 33: return 266;  // PageUp
    case 34: return 267;  // PageDown
    case 35: return 269;  // End
    case 36: return 268;  // Home
    case 37: return 263;  // Left
    case 38: return 265;  // Up
    case 39: return 262;  // Right
    case 40: return 264;  // Down
    case 45: return 260;  // Insert
    case 46: return 261;  // Delete
    case 91: case 92: case 93: case 224: return 343;  // Meta
    default: return -1;
    }
}

// The code point of a key that types one character ("a", "é", "7"), else 0.
unsigned typed_char(const EmscriptenKeyboardEvent& e)
{
    const unsigned char* s = reinterpret_cast<const unsigned char*>(e.key);
    unsigned c = 0;
    int len = s[0] < 0x80 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
    c = len == 1 ? s[0] : s[0] & (0x3F >> (len - 1));
    for (int i = 1; i < len; ++i)
        c = (c << 6) | (s[i] & 0x3F);
    return s[len] == 0 && c >= 0x20 && c != 0x7F ? c : 0;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void* user)
{
    InputQueue& q = queue_of(user);
    push_mods(q, mods_of(e->ctrlKey, e->shiftKey, e->altKey, e->metaKey));
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    const int key = glfw_key(*e);
    if (key >= 0 && !e->repeat)  // ImGui repeats held keys itself
        input_push(q, {InputKind::key, key, down});
    const ImGuiIO& io = ImGui::GetIO();
    const bool shortcut = e->ctrlKey || e->metaKey;
    const unsigned c = down && !shortcut ? typed_char(*e) : 0;
    if (c != 0)
        input_push(q, {InputKind::text, int(c)});
    if (shortcut)
        return EM_FALSE;  // the browser's (copy, reload, zoom, ...)
    // Keys ImGui navigates or edits with would also scroll or leave the page: keep them when
    // ImGui uses them; otherwise (Tab out of the canvas, Space scrolling the host) they go on.
    const bool typing = io.WantTextInput && c != 0;
    const bool navigating = io.WantCaptureKeyboard && key >= 256;
    return typing || navigating || key == 259 ? EM_TRUE : EM_FALSE;
}

EM_BOOL on_blur(int, const EmscriptenFocusEvent*, void* user)
{
    input_push(queue_of(user), {InputKind::blur});
    return EM_FALSE;
}

}  // namespace

void input_listen(InputQueue& q)
{
    const char* canvas = "#canvas";
    emscripten_set_mousedown_callback(canvas, &q, true, on_mouse);
    emscripten_set_mousemove_callback(canvas, &q, true, on_mouse);
    emscripten_set_mouseleave_callback(canvas, &q, true, on_mouse);
    // Released anywhere in the window: a drag that leaves the canvas still ends.
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, &q, true, on_mouse);
    emscripten_set_wheel_callback(canvas, &q, true, on_wheel);
    emscripten_set_touchstart_callback(canvas, &q, true, on_touch);
    emscripten_set_touchmove_callback(canvas, &q, true, on_touch);
    emscripten_set_touchend_callback(canvas, &q, true, on_touch);
    emscripten_set_touchcancel_callback(canvas, &q, true, on_touch);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, &q, true, on_key);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, &q, true, on_key);
    // Not capturing: the window's own blur, not each element's.
    emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, &q, false, on_blur);
}

}  // namespace lrlab
