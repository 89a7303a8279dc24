// The page's input layer: browser events queued as they arrive and handed to ImGui 1.86 one
// transition per frame. ImGui 1.86 reads the mouse and keys once per frame, so a press and a
// release that land between two frames (a tap: the browser sends touchstart and touchend
// together; a fast click or key) are lost. ImGui 1.87 added an input queue that "trickles" such
// events over frames (io.AddMouseButtonEvent, ConfigInputTrickleEventQueue); this is that rule
// for 1.86, fed by Emscripten's html5 callbacks instead of its GLFW emulation (whose wheel is
// in raw pixels with the sign flipped, which never scrolls an ImGui window, and which cancels
// every wheel event, so that a host page cannot scroll past an embedded lrlab).
#pragma once

#include <vector>

struct ImGuiIO;

namespace lrlab
{

enum class InputKind
{
    pos,      // x, y: the pointer moved (framebuffer pixels); x < -1e30: it left
    button,   // code: 0 left, 1 right, 2 middle; down
    wheel,    // x, y: in ImGui's units (1 = one notch = 5 lines), positive = left / up
    key,      // code: a GLFW key code (the backend's io.KeyMap); down
    text,     // code: a Unicode code point typed
    mods,     // code: bit 0 ctrl, 1 shift, 2 alt, 3 super
    pan,      // x, y: a touch drag of (x, y) framebuffer pixels, scrolls the panel under it
    pinch,    // two fingers: their midpoint moved from (x0, y0) to (x, y), their distance * k
    blur,     // the page lost focus: release every key and button
};

struct InputEvent
{
    InputKind kind;
    int code = 0;
    bool down = false;
    float x = 0.0f, y = 0.0f;
    float x0 = 0.0f, y0 = 0.0f, k = 1.0f;  // a pinch's midpoint before, and its scale factor
};

// This frame's pinch, all its events composed: what lay under `from` (framebuffer pixels) is
// to be drawn at `to`, magnified by `scale`. Only a widget under `from` takes it.
struct Pinch
{
    bool active = false;
    float from_x = 0, from_y = 0, to_x = 0, to_y = 0;
    float scale = 1.0f;
};

// One finger on the canvas: a tap is a click; a drag beyond a few pixels that did not start on
// a slider or scrollbar scrolls the panel under it (a phone has no wheel). A second finger
// turns it into a pinch (no click); once one of the two is lifted, the other is ignored until
// it is lifted too (it neither pans nor taps).
struct TouchState
{
    long id = -1;            // the finger followed, -1: none
    float x0 = 0, y0 = 0;    // where it went down (framebuffer pixels)
    float x = 0, y = 0;      // where it was last
    bool panning = false;
    long id2 = -1;           // a pinch's second finger, -1: no pinch
    float x2 = 0, y2 = 0;    // where it was last
    bool pinch_over = false; // the pinch ended; `id` is the finger still down
};

struct InputQueue
{
    std::vector<InputEvent> events;  // oldest first, not yet given to ImGui
    double scale = 1.0;              // framebuffer pixels per CSS pixel
    TouchState touch;
    // What ImGui has been given so far (carried across frames).
    float mouse_x = -3.4e38f, mouse_y = -3.4e38f;
    bool buttons[3] = {false, false, false};
    int mods = 0;
    std::vector<int> keys_down;      // GLFW codes held
};

// Appends an event; consecutive moves and wheel turns merge (the queue stays short even when
// frames stall, and nothing that matters is lost).
void input_push(InputQueue& q, const InputEvent& e);

// Gives ImGui (between the backend's NewFrame and ImGui::NewFrame) the queued events up to the
// first one that would share a frame with an earlier transition of the same kind: a button
// after a button change, a pointer move after a button change (the press must land where the
// pointer was), a key after a change of the same key. The rest waits for the next frame.
void input_apply(InputQueue& q, ImGuiIO& io);

// Registers the browser callbacks (Emscripten html5) that feed `q`; `q` must outlive the page.
void input_listen(InputQueue& q);

// Whether ImGui would scroll something for a wheel turn of (wx, wy) (ImGui units) at (x, y)
// framebuffer pixels, judged on the last frame's windows: if not, the browser may scroll the
// host page instead (input_scroll.cpp).
bool input_wheel_scrolls(float x, float y, float wx, float wy);
// Scrolls the panel at (x, y) by a touch drag of (dx, dy) framebuffer pixels (content follows
// the finger), inside a frame.
void input_pan(float x, float y, float dx, float dy);
// Whether the item the finger pressed wants the drag itself (a slider, drag box, scrollbar).
bool input_drag_is_taken();
// Takes this frame's pinch if it started inside the rectangle (x0, y0)-(x1, y1), framebuffer
// pixels; a pinch nobody takes does nothing. Inside a frame.
bool input_take_pinch(float x0, float y0, float x1, float y1, Pinch& out);

}  // namespace lrlab
