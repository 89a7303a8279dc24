// Schedule preview: every run's LR over the planned steps (schedules/schedule.hpp lr_table), before and
// during training, with the current step marked.
#include <algorithm>

#include <imgui.h>

#include "app/chart.hpp"
#include "app/colors.hpp"
#include "app/panels.hpp"
#include "app/widgets.hpp"
#include "core/schedules/schedule.hpp"

namespace lrlab
{

namespace
{

// Per run: about one per pixel (the chart then drops the points on straight stretches, so a
// constant or exponential schedule draws as a few segments).
constexpr std::size_t max_points = 1000;

void rebuild_preview(AppState& app)
{
    const Experiment& e = *app.experiment;
    SchedulePreview& p = app.preview;
    p.version = app.version;
    p.steps.assign(e.size(), {});
    p.lrs.assign(e.size(), {});
    for (std::size_t i = 0; i < e.size(); ++i)
    {
        const RunConfig& r = e.run(i).settings();
        const std::vector<double> table = lr_table(r.schedule, r.optimizer, e.steps() + 1);
        const std::size_t stride = std::max<std::size_t>(1, table.size() / max_points);
        for (std::size_t k = 0; k < table.size(); k += stride)
        {
            p.steps[i].push_back(double(k));
            p.lrs[i].push_back(table[k]);
        }
    }
}

struct Curve
{
    const std::vector<double>* steps;
    const std::vector<double>* lrs;
};

bool curve_point(const void* data, int i, double& x, double& y)
{
    const Curve& c = *static_cast<const Curve*>(data);
    x = (*c.steps)[std::size_t(i)];
    y = (*c.lrs)[std::size_t(i)];
    return true;
}

}  // namespace

void panel_schedule_preview(AppState& app)
{
    const Experiment& e = *app.experiment;
    if (app.preview.version != app.version)
        rebuild_preview(app);
    std::vector<Curve> curves(e.size());
    std::vector<ChartSeries> series;
    for (std::size_t i = 0; i < e.size(); ++i)
    {
        curves[i] = {&app.preview.steps[i], &app.preview.lrs[i]};
        ChartSeries s;
        s.label = e.config().runs[i].name;
        s.color = run_color(i);
        s.count = int(app.preview.steps[i].size());
        s.data = &curves[i];
        s.get = &curve_point;
        series.push_back(s);
    }
    // reduce_on_plateau depends on the test loss, which no plan knows: say what its curve is.
    bool plateau = false;
    for (const RunConfig& r : e.config().runs)
        plateau = plateau || r.schedule.type == "reduce_on_plateau";
    ChartOptions o;
    o.title = plateau ? "schedule preview: LR over the planned steps (reduce_on_plateau: its "
                        "base LR until the test loss stalls)"
                      : "schedule preview: LR over the planned steps";
    o.size = {ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 10};
    o.log_y = true;
    o.x_min = 0;
    o.x_max = double(e.steps());
    o.marker_x = double(e.step());
    o.value_format = "%.6g";
    line_chart("schedule-preview", o, series);
    publish_item(app, "chart:schedule");
}

}  // namespace lrlab
