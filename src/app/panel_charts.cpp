// Charts: every run overlaid in its colour against the step — train and test loss, accuracy,
// learning rate, gradient norm before and after clipping. Log-y, smoothing, a shared hover
// readout and one legend; a diverged run is marked on every chart where it diverged, and its
// last steps before it are drawn as dots on the loss and gradient charts.
#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "app/chart.hpp"
#include "app/chart_divergence.hpp"
#include "app/colors.hpp"
#include "app/panels.hpp"
#include "app/widgets.hpp"

namespace lrlab
{

namespace
{

using Rows = std::vector<MetricsRow>;

// One getter per column: x = step; false for an empty cell.
template <double MetricsRow::*field, bool MetricsRow::*present = nullptr>
bool column(const void* data, int i, double& x, double& y)
{
    const MetricsRow& r = (*static_cast<const Rows*>(data))[std::size_t(i)];
    x = double(r.step);
    y = r.*field;
    return present == nullptr || r.*present;
}

template <double MetricsRow::*field, bool MetricsRow::*present = nullptr>
std::vector<ChartSeries> series_of(const Experiment& e, bool faint, const char* suffix)
{
    std::vector<ChartSeries> out;
    for (std::size_t i = 0; i < e.size(); ++i)
    {
        ChartSeries s;
        s.label = e.config().runs[i].name + suffix;
        s.color = run_color(i);
        s.faint = faint;
        s.data = &e.run(i).history();
        s.count = int(e.run(i).history().size());
        s.get = &column<field, present>;
        out.push_back(s);
    }
    return out;
}

std::vector<ChartSeries> both(std::vector<ChartSeries> a, const std::vector<ChartSeries>& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

}  // namespace

void panel_charts(AppState& app)
{
    const Experiment& e = *app.experiment;
    app.charts.frame = app.ui.frames;
    ImGui::Checkbox("log y", &app.ui.log_y);
    publish_item(app, "log-y");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::SliderFloat("smoothing", &app.ui.smoothing, 0.0f, 0.99f, "%.2f");
    publish_item(app, "smoothing");
    // On a phone the key does not fit beside the slider (it ran off the screen): wrapped below.
    const char* key = "solid: train / before clipping, faint: test / after clipping";
    const float fs = ImGui::GetFontSize();
    ImGui::SameLine();
    if (ImGui::CalcTextSize(key).x > ImGui::GetContentRegionAvail().x)
        ImGui::NewLine();  // undoes the SameLine
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", key);
    ImGui::PopStyleColor();
    std::vector<std::pair<std::string, ImU32>> legend;
    for (std::size_t i = 0; i < e.size(); ++i)
        legend.push_back({e.config().runs[i].name, run_color(i)});
    chart_legend(legend);
    const std::vector<ChartMarker> markers = divergence_markers(e);
    if (!markers.empty())
        ImGui::TextDisabled("dashed: where a run diverged; dots: its last steps' batch loss and "
                            "gradient norm");

    const float gap = ImGui::GetStyle().ItemSpacing.x;
    // Two per row, or one on a phone, where half the width cut the titles off mid-word.
    const bool pairs = ImGui::GetContentRegionAvail().x >= fs * 34;
    const float w = pairs ? (ImGui::GetContentRegionAvail().x - gap) * 0.5f
                          : ImGui::GetContentRegionAvail().x;
    const float h = std::max(ImGui::GetFontSize() * 10, w * 0.5f);
    ChartOptions o;
    o.size = {w, h};
    o.smoothing = app.ui.smoothing;
    o.x_min = 0;
    o.x_max = double(e.steps());
    o.marker_x = double(e.step());
    o.hover_x = &app.ui.hover_step;
    o.markers = &markers;
    bool hovered = false;

    o.title = "loss (train, test)";
    o.log_y = app.ui.log_y;
    o.y_cap_factor = app.ui.log_y ? 0 : 3;
    o.trace = app.charts.begin("loss");
    hovered |= line_chart(
        "loss", o,
        both(both(series_of<&MetricsRow::train_loss>(e, false, " train"),
                  series_of<&MetricsRow::test_loss>(e, true, " test")),
             divergence_series(e, false)));
    publish_item(app, "chart:loss");
    if (pairs)
        ImGui::SameLine();
    const bool classify = e.dataset().task != TaskKind::regression;
    o.title = classify ? "accuracy (train, test)" : "accuracy: none for regression";
    o.log_y = false;
    o.y_cap_factor = 0;
    o.trace = app.charts.begin("accuracy");
    hovered |= line_chart(
        "accuracy", o,
        classify ? both(series_of<&MetricsRow::train_acc, &MetricsRow::has_accuracy>(e, false, " train"),
                        series_of<&MetricsRow::test_acc, &MetricsRow::has_accuracy>(e, true, " test"))
                 : std::vector<ChartSeries>{});
    publish_item(app, "chart:accuracy");

    o.title = "learning rate";
    o.log_y = app.ui.log_y;
    o.trace = app.charts.begin("lr");
    hovered |= line_chart("lr", o, series_of<&MetricsRow::lr>(e, false, ""));
    publish_item(app, "chart:lr");
    if (pairs)
        ImGui::SameLine();
    o.title = "gradient norm (before, after clipping)";
    o.log_y = app.ui.log_y;
    o.y_cap_factor = app.ui.log_y ? 0 : 3;
    o.trace = app.charts.begin("grad");
    hovered |= line_chart(
        "grad", o,
        both(both(series_of<&MetricsRow::grad_norm, &MetricsRow::has_grad>(e, false, " before"),
                  series_of<&MetricsRow::clipped_grad_norm, &MetricsRow::has_grad>(e, true,
                                                                                   " after")),
             divergence_series(e, true)));
    publish_item(app, "chart:grad");
    if (!hovered)
        app.ui.hover_step = -1;
}

}  // namespace lrlab
