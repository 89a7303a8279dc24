// Transport: play / pause / step / reset, speed, step counter and where the frame time goes.
#include <cstdio>

#include <imgui.h>

#include "app/panels.hpp"
#include "app/widgets.hpp"

namespace lrlab
{

namespace
{

// A tooltip whose text is also published as a widget ("tooltip:TEXT"), so that the browser
// tests can read what the page tells its user.
void said_tooltip(AppState& app, const char* text)
{
    if (!ImGui::IsItemHovered())
        return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    publish_item(app, std::string("tooltip:") + text);
    ImGui::EndTooltip();
}

void buttons(AppState& app)
{
    Experiment& e = *app.experiment;
    const bool land = app.landscape.active;  // the transport drives the view that shows
    const bool finished = land ? landscape_finished(app.landscape) : e.finished();
    if (named_button(app, app.ui.playing ? "Pause" : finished ? "Replay" : "Play", "play"))
    {
        if (app.ui.playing)
            app.pause();
        else
        {
            if (finished)
                app.reset();
            app.play();
        }
    }
    // Space and Enter press the focused widget (keyboard navigation), so the shortcut is P.
    said_tooltip(app, "P: play / pause");
    ImGui::SameLine();
    if (named_button(app, "Step", "step"))
        app.step(1);
    said_tooltip(app, "S: one step");
    ImGui::SameLine();
    if (named_button(app, "Reset", "reset"))
        app.reset();
    said_tooltip(app, "R: back to step 0, same data and initial weights");
    ImGui::SameLine();
    ImGui::Text("step %lld / %lld", static_cast<long long>(land ? app.landscape.step : e.step()),
                static_cast<long long>(land ? app.landscape.config.steps : e.steps()));
}

// The speed box names the most steps a frame may take; while playing, the line after it says
// how many the frame's time budget really allowed, when that is fewer.
void speed(AppState& app)
{
    static const int speeds[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
    char label[48];
    std::snprintf(label, sizeof label, "up to %d steps/frame", app.ui.steps_per_frame);
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("up to 1000 steps/frame").x +
                            ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2);
    if (ImGui::BeginCombo("##speed", label))
    {
        for (int s : speeds)
        {
            std::snprintf(label, sizeof label, "up to %d steps/frame", s);
            if (ImGui::Selectable(label, s == app.ui.steps_per_frame))
                app.ui.steps_per_frame = s;
            publish_item(app, "speed=" + std::to_string(s));
        }
        ImGui::EndCombo();
    }
    publish_item(app, "speed");
    said_tooltip(app, "At most this many training steps per frame: each frame also stops "
                      "training when its time budget is spent, so the page stays responsive "
                      "at any speed.");
    const long long now = static_cast<long long>(app.times.steps_last_frame);
    if (app.ui.playing && now < app.ui.steps_per_frame)
    {
        ImGui::SameLine();
        ImGui::TextDisabled("now %lld/frame: the time budget", now);
        publish_item(app, "speed-now");
        said_tooltip(app, "This machine trains this many steps in the time a frame allows; "
                          "a higher setting would not go faster.");
    }
}

}  // namespace

void panel_transport_compact(AppState& app)
{
    buttons(app);
}

void panel_transport(AppState& app)
{
    buttons(app);
    speed(app);
    ImGui::SameLine();
    const FrameTimes& t = app.times;
    ImGui::TextDisabled("train %.1f  heatmaps %.1f  ui %.1f ms", t.train_ms, t.heatmap_ms,
                        t.ui_ms);
    publish_item(app, "timings");
    tooltip("Milliseconds per frame spent training, computing heatmaps and building the UI "
            "(moving averages).");
}

}  // namespace lrlab
