// Transport: play / pause / step / reset, speed, step counter and where the frame time goes.
#include <imgui.h>

#include "app/panels.hpp"
#include "app/widgets.hpp"

namespace lrlab
{

void panel_transport(AppState& app)
{
    Experiment& e = *app.experiment;
    const bool finished = e.finished();
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
    tooltip("Space: play / pause");
    ImGui::SameLine();
    if (named_button(app, "Step", "step"))
        app.step(1);
    tooltip("S: one step");
    ImGui::SameLine();
    if (named_button(app, "Reset", "reset"))
        app.reset();
    tooltip("R: back to step 0, same data and initial weights");
    ImGui::SameLine();
    ImGui::Text("step %lld / %lld", static_cast<long long>(e.step()),
                static_cast<long long>(e.steps()));

    static const int speeds[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
    char label[32];
    std::snprintf(label, sizeof label, "%d steps/frame", app.ui.steps_per_frame);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
    if (ImGui::BeginCombo("##speed", label))
    {
        for (int s : speeds)
        {
            std::snprintf(label, sizeof label, "%d steps/frame", s);
            if (ImGui::Selectable(label, s == app.ui.steps_per_frame))
                app.ui.steps_per_frame = s;
            publish_item(app, "speed=" + std::to_string(s));
        }
        ImGui::EndCombo();
    }
    publish_item(app, "speed");
    tooltip("Steps per frame; training also stops when the frame's time budget is spent, so the "
            "page stays responsive at any speed.");
    ImGui::SameLine();
    const FrameTimes& t = app.times;
    ImGui::TextDisabled("train %.1f  heatmaps %.1f  ui %.1f ms", t.train_ms, t.heatmap_ms,
                        t.ui_ms);
    tooltip("Milliseconds per frame spent training, computing heatmaps and building the UI "
            "(moving averages).");
}

}  // namespace lrlab
