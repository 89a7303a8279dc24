// The frame function (frame.hpp). Sections: [Input] [Training] [Live line] [Frame]
#include "app/frame.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "app/my_data.hpp"
#include "app/tuning_panels.hpp"
#include "app/page_layout.hpp"
#include "app/url_sync.hpp"
#include "app/web_api.hpp"

namespace lrlab
{

namespace
{

// ---- [Input] ---------------------------------------------------------------------------------

// P play/pause, S step, R reset: letters, because Space and Enter belong to keyboard navigation
// (they press the focused widget) and to typing.
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
    if (app.landscape.active)  // a surface step is a few flops: steps_per_frame of them
    {
        const std::int64_t before = app.landscape.step;
        return app.step(app.ui.steps_per_frame) - before;
    }
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

void frame(AppState& app, const PageLayout& page)
{
    const double t0 = web_now_ms();
    app.ui.widgets.clear();
    shortcuts(app);
    app.times.steps_last_frame = train_within_budget(app, t0);
    // A panel's range test or cross-validation (tuning_panels.hpp): a slice of every frame,
    // smaller while the runs train beside it, so that the page keeps drawing.
    step_tuning_panels(app, app.ui.playing ? 3.0 : 10.0);
    const double t1 = web_now_ms();
    // The grids on the GPU when the model fits there: every tile every frame on a hardware GPU.
    // On the CPU (a 48 x 48 grid costs about a millisecond, mostly tanh) or a software renderer
    // (redrawing a tile costs about as much), one tile per frame while playing, each in turn;
    // all at once when paused.
    if (app.landscape.active)  // the network view's grids wait until it shows again
    {
        layout(app, page);
        url_sync(app);
        app.ui.last_widgets.swap(app.ui.widgets);
        ++app.ui.frames;
        return;
    }
    const GpuGrid& gpu = app.heatmaps.grid;
    app.grids.on_gpu = gpu_grid_fits(gpu, *app.experiment);
    const bool every_tile = !app.ui.playing || (app.grids.on_gpu && !gpu.software);
    update_grids(app.grids, *app.experiment, app.version, every_tile ? 64 : 1);
    points_update(app.heatmaps.points, app.experiment->dataset(), app.grids,
                  app.ui.show_test_points);
    heatmap_update(app.heatmaps, app.grids, *app.experiment);
    const double t2 = web_now_ms();
    layout(app, page);
    apply_my_data_edits(app);  // clicks of draw mode (my_data.hpp), after every panel
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
