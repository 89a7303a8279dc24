// Below the map: each run's loss against the step and its LR over the planned steps (the
// schedule preview, with a marker at the current step), with the network view's chart code.
// Log y plots f - f* (f* = the function's global minimum value, so that six_hump_camel's and
// styblinski_tang's negative values have a floor); a function without a minimum (the saddle)
// or a run below f* plots f on a linear axis.
#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "app/chart.hpp"
#include "app/colors.hpp"
#include "app/landscape_state.hpp"
#include "app/landscape_view.hpp"
#include "app/widgets.hpp"
#include "core/surface/functions.hpp"

namespace lrlab
{

namespace
{

struct LossData
{
    const std::vector<SurfaceRow>* rows;
    double offset;
};

bool loss_point(const void* data, int i, double& x, double& y)
{
    const LossData& d = *static_cast<const LossData*>(data);
    const SurfaceRow& r = (*d.rows)[std::size_t(i)];
    x = double(r.step);
    y = r.loss - d.offset;
    return std::isfinite(y);
}

struct LrData
{
    const SurfaceRunner* runner;
    std::int64_t stride;
};

bool lr_point(const void* data, int i, double& x, double& y)
{
    const LrData& d = *static_cast<const LrData*>(data);
    const std::int64_t step = std::int64_t(i) * d.stride;
    x = double(step);
    y = d.runner->schedule().lr(step);
    return true;
}

// Whether every loss so far lies above f* (log y is then meaningful).
bool above_minimum(const LandscapeState& s, double fstar)
{
    for (const auto& rows : s.rows)
        for (const SurfaceRow& r : rows)
            if (std::isfinite(r.loss) && !(r.loss - fstar > 0))
                return false;
    return true;
}

}  // namespace

void panel_landscape_charts(AppState& app)
{
    const LandscapeState& s = app.landscape;
    const SurfaceInfo* info = find_surface(s.config.function);
    const bool bounded = info && s.config.function != "saddle";
    const double fstar = bounded ? info->min_value : 0.0;
    const bool log_y = app.ui.log_y && bounded && above_minimum(s, fstar);
    ImGui::Checkbox("log y", &app.ui.log_y);
    publish_item(app, "landscape-log-y");
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float w = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    const float h = std::max(ImGui::GetFontSize() * 9, w * 0.45f);
    ChartOptions o;
    o.size = {w, h};
    o.x_min = 0;
    o.x_max = double(s.config.steps);
    o.marker_x = double(s.step);
    o.hover_x = &app.ui.hover_step;
    std::vector<LossData> loss(s.rows.size());
    std::vector<ChartSeries> losses;
    for (std::size_t i = 0; i < s.rows.size(); ++i)
    {
        loss[i] = {&s.rows[i], log_y ? fstar : 0.0};
        ChartSeries c;
        c.label = s.config.runs[i].name;
        c.color = run_color(i);
        c.data = &loss[i];
        c.count = int(s.rows[i].size());
        c.get = &loss_point;
        losses.push_back(c);
    }
    o.title = log_y ? "loss - f* (log)" : "loss";
    o.log_y = log_y;
    o.y_cap_factor = log_y ? 0 : 3;
    o.trace = app.charts.begin("landscape-loss");
    bool hovered = line_chart("landscape-loss", o, losses);
    publish_item(app, "chart:landscape-loss");
    ImGui::SameLine();
    // The whole planned schedule, at most ~2000 points a run.
    const std::int64_t stride = std::max<std::int64_t>(1, s.config.steps / 2000);
    std::vector<LrData> lr(s.runners.size());
    std::vector<ChartSeries> lrs;
    for (std::size_t i = 0; i < s.runners.size(); ++i)
    {
        lr[i] = {&s.runners[i], stride};
        ChartSeries c;
        c.label = s.config.runs[i].name;
        c.color = run_color(i);
        c.data = &lr[i];
        c.count = int(s.config.steps / stride) + 1;
        c.get = &lr_point;
        lrs.push_back(c);
    }
    o.title = "learning rate (planned)";
    o.log_y = app.ui.log_y;
    o.y_cap_factor = 0;
    o.trace = app.charts.begin("landscape-lr");
    hovered |= line_chart("landscape-lr", o, lrs);
    publish_item(app, "chart:landscape-lr");
    if (!hovered)
        app.ui.hover_step = -1;
}

}  // namespace lrlab
