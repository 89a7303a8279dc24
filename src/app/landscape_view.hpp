// The landscape view's panels (DESIGN.md "Landscape view"), one function each. landscape_views
// is the list the page layout calls when the landscape shows: the map, the charts below it, and
// (at merge) the momentum-map panel.
#pragma once

#include <imgui.h>

#include "app/app_state.hpp"

namespace lrlab
{

struct MapFrame  // where the map is on screen and which window it shows
{
    ImVec2 p0, p1;
    double x0, x1, y0, y1;
    ImVec2 to_screen(double x, double y) const
    {
        return {float(p0.x + (x - x0) / (x1 - x0) * (p1.x - p0.x)),
                float(p1.y - (y - y0) / (y1 - y0) * (p1.y - p0.y))};
    }
    void to_world(ImVec2 s, double& x, double& y) const
    {
        x = x0 + (s.x - p0.x) / double(p1.x - p0.x) * (x1 - x0);
        y = y0 + (p1.y - s.y) / double(p1.y - p0.y) * (y1 - y0);
    }
};

void panel_landscape_map(AppState& app);        // the map, trajectories, minima, colorbar
void panel_landscape_charts(AppState& app);     // loss (log y) and LR against step
void panel_landscape_settings(AppState& app);   // function, start, steps, runs
void landscape_view_switch(AppState& app);      // "Network | Landscape"
// Drawn over the map: gradient, momentum and effective-step arrows (landscape_overlays.cpp).
void landscape_overlays(AppState& app, const MapFrame& frame);
void landscape_overlay_toggles(AppState& app);

// Every panel of the landscape view, in order (the page layout calls this). The lead adds the
// momentum-map panel (HD's) to this list at merge.
void landscape_views(AppState& app);

}  // namespace lrlab
