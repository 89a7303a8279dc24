// Schedule preview: every run's LR over the planned steps (schedules/schedule.hpp lr_table),
// before and during training, with the current step marked, on the charts' log or linear y.
// The lesson on schedules asks students to compare these curves: they must be exactly what
// `lrlab schedule` prints (tests/web/charts.test.mjs compares them point by point).
#include <algorithm>

#include <imgui.h>

#include "app/chart.hpp"
#include "app/chart_divergence.hpp"
#include "app/colors.hpp"
#include "app/panels.hpp"
#include "app/widgets.hpp"
#include "core/schedules/schedule.hpp"

namespace lrlab
{

namespace
{

// Up to this many steps every step is kept; beyond, each of `buckets` equal runs of steps keeps
// its first, lowest, highest and last LR (M4 in data space: what a pixel column would keep in
// any y scale, since log is monotonic), so a long plan stays cheap to draw without losing a
// peak, a restart or a drop.
constexpr std::size_t all_steps = 4096;
constexpr std::size_t buckets = 2048;

void keep(SchedulePreview& p, std::size_t run, std::size_t k, double lr)
{
    if (!p.steps[run].empty() && p.steps[run].back() == double(k))
        return;
    p.steps[run].push_back(double(k));
    p.lrs[run].push_back(lr);
}

void bucket(SchedulePreview& p, std::size_t run, const std::vector<double>& table,
            std::size_t begin, std::size_t end)
{
    std::size_t lo = begin, hi = begin;
    for (std::size_t k = begin; k < end; ++k)
    {
        lo = table[k] < table[lo] ? k : lo;
        hi = table[k] > table[hi] ? k : hi;
    }
    keep(p, run, begin, table[begin]);
    keep(p, run, std::min(lo, hi), table[std::min(lo, hi)]);
    keep(p, run, std::max(lo, hi), table[std::max(lo, hi)]);
    keep(p, run, end - 1, table[end - 1]);
}

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
        const std::size_t n = table.size();
        if (n <= all_steps)
        {
            for (std::size_t k = 0; k < n; ++k)
                keep(p, i, k, table[k]);
            continue;
        }
        for (std::size_t b = 0; b < buckets; ++b)
            bucket(p, i, table, b * n / buckets, (b + 1) * n / buckets);
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

const char* title_of(const Config& c)
{
    // reduce_on_plateau depends on the test loss, which no plan knows: say what its curve is.
    for (const RunConfig& r : c.runs)
        if (r.schedule.type == "reduce_on_plateau")
            return "schedule preview: LR over the planned steps (reduce_on_plateau: its base LR "
                   "until the test loss stalls)";
    return "schedule preview: LR over the planned steps";
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
    const std::vector<ChartMarker> markers = divergence_markers(e);
    ChartOptions o;
    o.title = title_of(e.config());
    o.size = {ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 10};
    o.log_y = app.ui.log_y;  // the "log y" box above the charts applies here too
    o.x_min = 0;
    o.x_max = double(e.steps());
    o.marker_x = double(e.step());
    o.markers = &markers;
    o.value_format = "%.6g";
    o.trace = app.charts.begin("schedule");
    line_chart("schedule-preview", o, series);
    publish_item(app, "chart:schedule");
}

}  // namespace lrlab
