// The landscape view's state (DESIGN.md "Landscape view"): the page holds an experiment config
// (AppState::experiment) and a surface config (here) side by side; `active` says which one the
// page shows, the URL holds and the transport drives. Switching views keeps both, with their
// runs and their steps. Trajectories come from core/surface/run.hpp's runner, a step at a time,
// so they are `lrlab surface`'s rows bit for bit and the overlays can read the optimizer's state.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/landscape_gl.hpp"
#include "core/config/json.hpp"
#include "core/surface/minima.hpp"
#include "core/surface/run.hpp"

namespace lrlab
{

struct AppState;

// The window's value range, sampled on the CPU, for the log-scaled colours and the colorbar.
struct LandscapeRange
{
    double lo = 0.0, hi = 1.0;  // min and max of f over a grid of the view (finite samples)
};

struct LandscapeState
{
    bool active = false;                          // the page shows the landscape
    bool has_config = false;                      // a surface config was ever set
    SurfaceConfig config;
    std::vector<SurfaceRunner> runners;           // one per run, at `step`
    std::vector<std::vector<SurfaceRow>> rows;    // rows 0..step of each run
    std::vector<std::int64_t> diverged_at;        // first non-finite row of each run, -1: none
    std::int64_t step = 0;                        // steps done by every run
    std::vector<SurfaceMinimum> minima;           // in the view
    LandscapeRange range;
    std::uint64_t view_version = 0;               // bumps when the view or function changes
    std::uint64_t minima_version = ~0ull;         // view_version the minima were found for
    // Overlays at the current point (landscape_overlays.cpp).
    bool show_gradient = true, show_momentum = true, show_step = true;
    // Pointer state of the map: a press that moves less than a few pixels is a click (start).
    bool pressing = false;
    bool dragged = false;
    float press_x = 0, press_y = 0;
    LandscapeGl gl;
};

// The default surface config the Landscape tab opens with (three optimizers on Rosenbrock).
nlohmann::json default_surface_json();

// Replaces the surface config (omitted keys take defaults) and shows the landscape at step 0,
// paused. Changes nothing and returns the errors when invalid.
std::vector<ConfigError> landscape_set_config(AppState& app, const nlohmann::json& j);
// A valid config (already read): rebuilds at step 0; keeps the step when only `view` changed.
void landscape_install(AppState& app, const SurfaceConfig& c);
// Moves the view (pan/zoom): no rebuild, the URL follows.
void landscape_set_view(AppState& app, std::array<double, 2> x, std::array<double, 2> y);
// Shows the landscape (true) or the network view; the landscape opens with the default config
// the first time.
void landscape_show(AppState& app, bool landscape);
// Advances every run n steps (not past steps), returns the new step.
std::int64_t landscape_step(AppState& app, std::int64_t n);
void landscape_reset(AppState& app);
bool landscape_finished(const LandscapeState& s);
// Recomputes the minima and the value range when the view changed.
void landscape_update_view_stats(LandscapeState& s);

// window.lrlab.trajectories(): {runName: [{step, x, y, loss, lr, grad_norm}]}, the numbers
// `lrlab surface` prints (x, y, loss as their float32 text reads back), null for non-finite.
nlohmann::json trajectories_json(const LandscapeState& s);

}  // namespace lrlab
