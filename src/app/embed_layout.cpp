// Embed mode's arrangement (page_layout.hpp). A course page gives lrlab an iframe of about
// 400 x 300 to 960 x 640 CSS pixels: one compact line of controls, then the point of the
// lesson — the boundary tiles and the loss chart — in the space left, side by side when the
// frame is wide enough and stacked when not; the lesson's caption and any other panel named
// in ?panels= follow below (scrolling).
#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "app/chart.hpp"
#include "app/chart_divergence.hpp"
#include "app/colors.hpp"
#include "app/page_layout.hpp"
#include "app/landscape_view.hpp"
#include "app/panels.hpp"
#include "app/widgets.hpp"

namespace lrlab
{

namespace
{

using Rows = std::vector<MetricsRow>;

template <double MetricsRow::*field>
bool column(const void* data, int i, double& x, double& y)
{
    const MetricsRow& r = (*static_cast<const Rows*>(data))[std::size_t(i)];
    x = double(r.step);
    y = r.*field;
    return true;
}

// The width of the tiles' column that gives the largest tiles fitting in `height`, with at
// least `chart_w` left for the chart; 0 when side by side does not fit. Follows the rule of
// panel_boundaries: at most 16 font heights, as many per row as fit at 9 or more.
float tiles_width(std::size_t n, float width, float height, float chart_w)
{
    const float fs = ImGui::GetFontSize();
    const ImGuiStyle& st = ImGui::GetStyle();
    const float gap = st.ItemSpacing.x;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    float best_side = 0.0f, best_w = 0.0f;
    const int max_cols = n > 4 ? int((n + 1) / 2) : int(n);
    for (int cols = 1; cols <= max_cols; ++cols)
    {
        const int rows = int((n + std::size_t(cols) - 1) / std::size_t(cols));
        // The title line holds a checkbox (a frame's height); each row a label and a tile.
        const float side = std::min(fs * 16, (height - ImGui::GetFrameHeightWithSpacing() - 2) /
                                                     float(rows) - line - st.ItemSpacing.y);
        const float w = float(cols) * side + gap * float(cols - 1) + st.ScrollbarSize;
        // Two or more per row need 9 font heights each there; one per row takes any width.
        const float least = cols == 1 ? fs * 5 : fs * 9;
        if (side >= least && w + gap + chart_w <= width && side > best_side)
        {
            best_side = side;
            best_w = w;
        }
    }
    return best_w;
}

void below_the_point(AppState& app, const PageLayout& page)
{
    if (shows(page, true, "lesson"))
        panel_lesson_caption(app);
    if (shows(page, true, "charts"))
        panel_charts(app);
    if (shows(page, true, "schedule"))
        panel_schedule_preview(app);
    if (shows(page, true, "lessons"))
        panel_lessons(app);
    if (shows(page, true, "runs"))
        panel_runs(app);
    if (shows(page, true, "editor"))
        panel_run_editor(app);
    if (shows(page, true, "experiment"))
        panel_experiment(app);
    if (shows(page, true, "finder"))
        panel_lr_finder(app);
    if (shows(page, true, "cv"))
        panel_cross_validation(app);
}

float chart_height(float width, float avail_h)
{
    const float fs = ImGui::GetFontSize();
    const float room = avail_h - ImGui::GetTextLineHeightWithSpacing();
    return std::max(fs * 8, std::min(room, width * 0.8f));
}

}  // namespace

void loss_chart(AppState& app, ImVec2 size)
{
    const Experiment& e = *app.experiment;
    std::vector<std::pair<std::string, ImU32>> legend;
    std::vector<ChartSeries> series;
    for (int faint = 0; faint < 2; ++faint)
        for (std::size_t i = 0; i < e.size(); ++i)
        {
            ChartSeries s;
            s.label = e.config().runs[i].name + (faint ? " test" : " train");
            s.color = run_color(i);
            s.faint = faint != 0;
            s.data = &e.run(i).history();
            s.count = int(e.run(i).history().size());
            s.get = faint ? &column<&MetricsRow::test_loss> : &column<&MetricsRow::train_loss>;
            series.push_back(s);
            if (!faint)
                legend.push_back({e.config().runs[i].name, run_color(i)});
        }
    // As on the full page's charts: where a run diverged, and its last batch losses before.
    const std::vector<ChartMarker> markers = divergence_markers(e);
    for (ChartSeries& s : divergence_series(e, false))
        series.push_back(std::move(s));
    const float y0 = ImGui::GetCursorPosY();
    chart_legend(legend);
    ChartOptions o;
    o.title = "loss (train solid, test faint)";
    o.size = {size.x, std::max(ImGui::GetFontSize() * 6, size.y - (ImGui::GetCursorPosY() - y0))};
    o.log_y = app.ui.log_y;
    o.smoothing = app.ui.smoothing;
    o.x_min = 0;
    o.x_max = double(e.steps());
    o.marker_x = double(e.step());
    o.markers = &markers;
    o.hover_x = &app.ui.hover_step;
    o.trace = app.charts.begin("embed-loss");
    if (!line_chart("embed-loss", o, series))
        app.ui.hover_step = -1;
    publish_item(app, "chart:embed-loss");
}

void embed_layout(AppState& app, const PageLayout& page)
{
    panel_notices(app);
    if (shows(page, true, "controls"))
        panel_transport_compact(app);
    if (app.landscape.active)  // the landscape view: the map and its charts
    {
        ImGui::BeginChild("views", {0, 0}, false);
        if (shows(page, true, "landscape"))
            panel_landscape_map(app);
        if (shows(page, true, "loss") || shows(page, true, "charts"))
            panel_landscape_charts(app);
        ImGui::EndChild();
        publish_item(app, "column:views");  // its visible rectangle, for tests
        return;
    }
    const bool tiles = shows(page, true, "boundaries");
    const bool loss = shows(page, true, "loss");
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float fs = ImGui::GetFontSize();
    const float chart_min = std::max(fs * 14, avail.x * 0.3f);
    const float left = tiles && loss ? tiles_width(app.experiment->size(), avail.x, avail.y,
                                                   chart_min) : 0.0f;
    if (left > 0.0f)
    {
        // Side by side: each column as tall as the frame; the tiles' column scrolls alone.
        ImGui::BeginChild("embed-tiles", {left, 0}, false);
        panel_boundaries(app);
        ImGui::EndChild();
        publish_item(app, "column:embed-tiles");  // its visible rectangle, for tests
        ImGui::SameLine();
        ImGui::BeginChild("views", {0, 0}, false);
        const float w = ImGui::GetContentRegionAvail().x;
        loss_chart(app, {w, chart_height(w * 0.75f, avail.y)});
        below_the_point(app, page);
        ImGui::EndChild();
        publish_item(app, "column:views");  // its visible rectangle, for tests
        return;
    }
    ImGui::BeginChild("views", {0, 0}, false);
    if (tiles)
        panel_boundaries(app);
    if (loss)
    {
        const float w = ImGui::GetContentRegionAvail().x;
        loss_chart(app, {w, chart_height(w * 0.6f, ImGui::GetContentRegionAvail().y)});
    }
    below_the_point(app, page);
    ImGui::EndChild();
    publish_item(app, "column:views");  // its visible rectangle, for tests
}

}  // namespace lrlab
