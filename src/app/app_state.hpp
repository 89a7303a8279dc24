// AppState = the experiment (which holds the config) + UiState. Everything that changes the
// experiment goes through here, so that widgets, the URL and the JS API share one validator
// (parse_config) and one rule for "apply from the next step" vs "rebuild at step 0".
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/boundary_grid.hpp"
#include "app/chart_trace.hpp"
#include "app/gl_heatmap.hpp"
#include "app/momentum_map_cache.hpp"
#include "app/landscape_state.hpp"
#include "app/my_data.hpp"
#include "app/tuning_panels.hpp"
#include "app/sweep_view.hpp"
#include "core/config/config.hpp"
#include "core/train/experiment.hpp"

namespace lrlab
{

// A pending edit from a widget: a JSON path of the config and its new value. For an optimizer,
// schedule or clip `type`, the value replaces the whole object (the new type's defaults).
struct Edit
{
    std::string path;  // e.g. "runs[1].optimizer.lr", "train.steps", "runs[0].schedule.type"
    nlohmann::json value;
};

struct WidgetRect
{
    std::string name;
    float x0, y0, x1, y1;  // framebuffer pixels
};

// Exponential moving averages of where a frame's time goes (milliseconds).
struct FrameTimes
{
    double train_ms = 0.0;
    double heatmap_ms = 0.0;
    double ui_ms = 0.0;
    double frame_ms = 0.0;  // from one frame start to the next (includes the browser's work)
    std::int64_t steps_last_frame = 0;
};

struct UiState
{
    bool playing = false;
    int steps_per_frame = 10;
    double budget_ms = 8.0;             // our time per frame (training, heatmaps, UI) at most
    bool embed = false;                 // ?embed=1: no chrome
    std::string parent_origin;          // ?parentOrigin=: whom postMessage obeys
    std::string lesson;                 // the lesson loaded, while unchanged
    bool log_y = true;
    float smoothing = 0.0f;             // EMA weight of the charts, 0..0.99
    bool show_test_points = false;
    int selected_run = 0;
    double hover_step = -1.0;           // step hovered in any chart, shared by all charts
    std::vector<Edit> pending;          // widget edits not yet committed
    std::vector<ConfigError> errors;    // from the last commit that failed
    std::string status;                 // last action, e.g. "restarted: the dataset changed"
    std::string toast;                  // shown over the page until toast_until (app/toast.hpp)
    double toast_until = -1.0;          // ImGui::GetTime() seconds
    std::vector<ConfigError> url_errors;// what the URL held that could not be used
    std::string import_text;            // a dropped/uploaded config, applied next frame
    bool want_png = false;              // export the canvas after this frame's render
    bool show_embed = false;
    std::vector<WidgetRect> widgets;    // this frame's named widget rectangles (for tests)
    std::vector<WidgetRect> last_widgets;
    double pixel_ratio = 1.0;
    std::uint64_t frames = 0;
    std::uint64_t url_version = 0;      // the config version the URL holds
    std::string live_text;              // the aria-live line last written
    double live_written_at = -1e9;
};

// Every run's LR over the planned steps, thinned to at most `points` per run.
struct SchedulePreview
{
    std::uint64_t version = 0;
    std::vector<std::vector<double>> steps, lrs;
};

struct AppState
{
    std::unique_ptr<Experiment> experiment;
    UiState ui;
    FrameTimes times;
    BoundaryGrids grids;
    HeatmapRenderer heatmaps;
    SchedulePreview preview;
    ChartTraces charts;                 // what the charts drew, for tests (the `charts` verb)
    MyData my_data;                     // drawing and uploading points (my_data.hpp)
    TuningState tuning;                 // the LR finder / CV panels and the one tuning job
    SweepView sweep;                    // the sweep panel's sweep (sweep_view.hpp)
    MomentumMapCache momentum_map;      // the step-size x momentum map (panel_momentum_map.cpp)
    LandscapeState landscape;           // the surface config and its runs (landscape_state.hpp)
    std::uint64_t version = 1;          // bumps whenever the config changes (URL, caches)

    const Config& config() const { return experiment->config(); }

    // Replaces the config (omitted keys take defaults) and rebuilds at step 0, paused. Changes
    // nothing when invalid.
    std::vector<ConfigError> set_config(const nlohmann::json& j);
    // Rebuilds at step 0 with a config parse_config has already validated, keeping the playing
    // state (widget edits that need a rebuild): no second JSON round trip.
    void rebuild(const Config& c);
    // Commits ui.pending: key changes of runs go to Experiment::change (from the next step);
    // anything else rebuilds. Sets ui.status / ui.errors.
    void commit_edits();
    // Advances every run (not past train.steps) and tells the host page about evaluations.
    std::int64_t step(std::int64_t n);
    void reset();
    void play();
    void pause() { ui.playing = false; }

private:
    void install(const Config& c);  // a valid config: new experiment at step 0, paused
};

// "runs[2].optimizer.lr" -> run 2, "optimizer.lr": a key Experiment::change can take from the
// next step (not a type, not a name, not `changes`).
bool run_key_path(const std::string& path, std::size_t& run, std::string& rel);

// A valid JSON of the config as the page keeps it minimal (URL) and the edits applied to it.
nlohmann::json apply_edits(const Config& c, const std::vector<Edit>& edits);

}  // namespace lrlab
