// The frame function (frame.hpp). Sections: [Input] [Training] [Layout] [Live line] [Frame]
#include "app/frame.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "app/panels.hpp"
#include "app/url_sync.hpp"
#include "app/web_api.hpp"

namespace lrlab
{

namespace
{

// ---- [Input] ---------------------------------------------------------------------------------

// P play/pause, S step, R reset: letters, because Space and Enter belong to keyboard navigation.
// Not while typing, nor behind a modal dialog (which blocks the page's clicks too).
void shortcuts(AppState& app)
{
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper ||
        ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel))
        return;
    if (ImGui::IsKeyPressed('P', false))
        app.ui.playing ? app.pause() : app.play();
    if (ImGui::IsKeyPressed('S', true))
        app.step(1);
    if (ImGui::IsKeyPressed('R', false))
        app.reset();
}

// ---- [Training] ------------------------------------------------------------------------------

// Up to steps_per_frame steps, stopping when the frame's budget is spent: what is left of it
// after the heatmaps and the UI (their recent averages), but at least one step, so that training
// never stalls. One step at a time: results do not depend on how steps are split, and V8
// optimizes short calls best.
std::int64_t train_within_budget(AppState& app, double start_ms)
{
    if (!app.ui.playing)
        return 0;
    const double budget = app.ui.budget_ms - app.times.heatmap_ms - app.times.ui_ms;
    std::int64_t done = 0;
    while (done < app.ui.steps_per_frame && !app.experiment->finished())
    {
        app.step(1);
        ++done;
        if (web_now_ms() - start_ms > budget)
            break;
    }
    if (app.experiment->finished())
        app.ui.playing = false;
    return done;
}

// ---- [Layout] --------------------------------------------------------------------------------

void layout(AppState& app)
{
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("lrlab", nullptr, flags);
    if (!app.ui.embed)
        panel_header(app);
    panel_notices(app);
    const float fs = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    if (!app.ui.embed && width > fs * 50)
    {
        const float left = std::clamp(width * 0.34f, fs * 30, fs * 40);
        ImGui::BeginChild("settings", {left, 0}, false);
        panel_transport(app);
        panel_lessons(app);
        panel_runs(app);
        panel_run_editor(app);
        panel_experiment(app);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("views", {0, 0}, false);
    }
    else
    {
        // Narrow or embedded: one column, transport first.
        ImGui::BeginChild("views", {0, 0}, false);
        panel_transport(app);
        if (app.ui.embed)
            panel_lesson_caption(app);
    }
    panel_boundaries(app);
    panel_charts(app);
    panel_schedule_preview(app);
    if (!app.ui.embed && width <= fs * 50)
    {
        panel_lessons(app);
        panel_runs(app);
        panel_run_editor(app);
        panel_experiment(app);
    }
    ImGui::EndChild();
    ImGui::End();
}

// ---- [Live line] -----------------------------------------------------------------------------

// The visually hidden aria-live line: the step and each run's loss, at most once a second
// while training (a screen reader cannot follow faster), at once when training stops.
void live_line(AppState& app, double now_ms)
{
    const Experiment& e = *app.experiment;
    std::string text = "step " + std::to_string(e.step()) + " of " + std::to_string(e.steps()) +
                       (app.ui.playing ? ", playing." : e.finished() ? ", finished." : ", paused.");
    for (std::size_t i = 0; i < e.size(); ++i)
    {
        const Run& r = e.run(i);
        char buf[160];
        if (r.diverged())
            std::snprintf(buf, sizeof buf, " %s: diverged at step %lld;", e.config().runs[i].name.c_str(),
                          static_cast<long long>(r.diverged_at()));
        else if (!r.history().empty())
            std::snprintf(buf, sizeof buf, " %s: loss %.3g;", e.config().runs[i].name.c_str(),
                          r.history().back().train_loss);
        else
            buf[0] = 0;
        text += buf;
    }
    if (text == app.ui.live_text || (app.ui.playing && now_ms - app.ui.live_written_at < 1000))
        return;
    app.ui.live_text = text;
    app.ui.live_written_at = now_ms;
    web_set_live(text);
}

double ema(double avg, double sample) { return avg == 0 ? sample : avg * 0.9 + sample * 0.1; }

}  // namespace

// ---- [Frame] ---------------------------------------------------------------------------------

void frame(AppState& app)
{
    const double t0 = web_now_ms();
    app.ui.widgets.clear();
    shortcuts(app);
    app.times.steps_last_frame = train_within_budget(app, t0);
    const double t1 = web_now_ms();
    // The grids on the GPU when the model fits there: every tile every frame on a hardware GPU.
    // On the CPU (a 48 x 48 grid costs about a millisecond, mostly tanh) or a software renderer
    // (redrawing a tile costs about as much), one tile per frame while playing, each in turn;
    // all at once when paused.
    const GpuGrid& gpu = app.heatmaps.grid;
    app.grids.on_gpu = gpu_grid_fits(gpu, *app.experiment);
    const bool every_tile = !app.ui.playing || (app.grids.on_gpu && !gpu.software);
    update_grids(app.grids, *app.experiment, app.version, every_tile ? 64 : 1);
    points_update(app.heatmaps.points, app.experiment->dataset(), app.grids,
                  app.ui.show_test_points);
    heatmap_update(app.heatmaps, app.grids, *app.experiment);
    const double t2 = web_now_ms();
    layout(app);
    url_sync(app);
    live_line(app, t2);
    const double t3 = web_now_ms();
    app.times.train_ms = ema(app.times.train_ms, t1 - t0);
    app.times.heatmap_ms = ema(app.times.heatmap_ms, t2 - t1);
    app.times.ui_ms = ema(app.times.ui_ms, t3 - t2);
    app.ui.last_widgets.swap(app.ui.widgets);
    ++app.ui.frames;
}

}  // namespace lrlab
