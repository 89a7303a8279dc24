// Line charts on ImDrawList (chart.hpp). Sections: [Range] [Series] [Markers] [Hover] [Chart].
// Axes and ticks: chart_axes.cpp; the legend: chart_legend.cpp; thinning: polyline.cpp.
#include "app/chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/chart_frame.hpp"
#include "app/polyline.hpp"

namespace lrlab
{

namespace
{

bool usable(double y, bool log_y) { return std::isfinite(y) && (!log_y || y > 0); }

// ---- [Range] ---------------------------------------------------------------------------------

struct Extent
{
    double xmin = 1e300, xmax = -1e300, ymin = 1e300, ymax = -1e300, first_max = -1e300;
    double soft_max = -1e300;  // the largest value of the series that do not set the range
};

Extent data_extent(const ChartOptions& o, const std::vector<ChartSeries>& series)
{
    Extent e;
    for (const ChartSeries& s : series)
    {
        bool first = true;
        for (int i = 0; i < s.count; ++i)
        {
            double x, y;
            if (!s.get(s.data, i, x, y) || (o.log_x && !(x > 0)))
                continue;
            if (!s.sets_range)
            {
                if (usable(y, o.log_y))
                    e.soft_max = std::max(e.soft_max, y);
                continue;
            }
            e.xmin = std::min(e.xmin, x);
            e.xmax = std::max(e.xmax, x);
            if (!usable(y, o.log_y))
                continue;
            e.ymin = std::min(e.ymin, y);
            e.ymax = std::max(e.ymax, y);
            if (first)
                e.first_max = std::max(e.first_max, y);
            first = false;
        }
    }
    return e;
}

// The y range is padded on both sides, so that a line at its extreme (a constant LR, the peak
// of a one-cycle, an LR annealed to its floor) is drawn inside the frame, not on it.
void data_range(const ChartOptions& o, const std::vector<ChartSeries>& series, ChartFrame& f)
{
    Extent e = data_extent(o, series);
    if (o.x_max > o.x_min)
        e.xmin = o.x_min, e.xmax = o.x_max;
    if (!(e.xmax > e.xmin))
        e.xmin = 0, e.xmax = std::max(1.0, e.xmin + 1);
    if (o.y_cap_factor > 0 && e.first_max > 0 && e.ymax > e.first_max * o.y_cap_factor)
        e.ymax = e.first_max * o.y_cap_factor;
    if (e.ymin > e.ymax)
        e.ymin = o.log_y ? 0.1 : 0, e.ymax = 1;
    // A blow-up (sets_range false) may lift the top a little — 30 times on a log axis, 3 times on
    // a linear one — so that its first steps are seen climbing before the line leaves the plot.
    if (e.soft_max > e.ymax && e.ymax > 0)
        e.ymax = std::min(e.soft_max, e.ymax * (o.log_y ? 30.0 : 3.0));
    if (o.y_from_zero && !o.log_y)
        e.ymin = std::min(0.0, e.ymin);
    f.x0 = e.xmin, f.x1 = e.xmax;
    f.log_y = o.log_y;
    f.log_x = o.log_x;
    if (o.log_x)  // in decades, padded like a log y, so that the end points are not on the frame
    {
        const double lo = std::log10(e.xmin > 0 ? e.xmin : 1e-3);
        const double hi = std::log10(e.xmax > 0 ? e.xmax : 1.0);
        const double pad = std::max(0.05, (hi - lo) * 0.03);
        f.x0 = lo - pad, f.x1 = std::max(hi, lo + 0.5) + pad;
    }
    if (o.log_y)
    {
        const double lo = std::log10(e.ymin), hi = std::log10(e.ymax);
        const double pad = std::max(0.05, (hi - lo) * 0.04);  // in decades
        f.y0 = std::floor((lo - pad) * 4) / 4;
        f.y1 = std::ceil((hi + pad) * 4) / 4;
        if (f.y1 - f.y0 < 0.5)
            f.y0 -= 0.25, f.y1 += 0.25;
        return;
    }
    const double span = e.ymax - e.ymin;
    const double pad = span > 0 ? span * 0.05 : std::fabs(e.ymax) * 0.1 + 1e-3;
    f.y0 = e.ymin - pad;
    f.y1 = e.ymax + pad;
}

// ---- [Series] --------------------------------------------------------------------------------

// Reused between series and frames: no allocation per frame once grown.
struct Scratch
{
    std::vector<ImVec2> line;
};

Scratch& scratch()
{
    static Scratch s;  // buffers only, no state: the page has one UI thread
    return s;
}

ImU32 series_color(const ChartSeries& s)
{
    return s.faint ? ((s.color & 0x00ffffff) | 0x90000000) : s.color;
}

// Data coordinates from the exact inverse of sx, sy: what the drawn pixels stand for.
void trace_stretch(const ChartFrame& f, const std::vector<ImVec2>& pts, TraceLine& trace)
{
    trace.parts.emplace_back();
    for (const ImVec2& p : pts)
    {
        const double x = f.x_at(p.x);
        const double v = f.y0 + double(f.p1.y - p.y) / double(f.p1.y - f.p0.y) * (f.y1 - f.y0);
        trace.parts.back().push_back({x, f.log_y ? std::pow(10.0, v) : v, p.x, p.y});
    }
}

// Draws one unbroken stretch (the decimator's output, x non-decreasing) and traces it.
void flush_stretch(ImDrawList* dl, const ChartFrame& f, const ChartSeries& s, M4Decimator& m4,
                   TraceLine* trace)
{
    std::vector<ImVec2>& line = scratch().line;
    m4.finish();
    simplify(line, 0.25f);
    const float thickness = s.faint ? 1.0f : 1.6f;
    const ImU32 color = series_color(s);
    if (line.size() >= 2)
        dl->AddPolyline(line.data(), int(line.size()), color, 0, thickness);
    for (std::size_t k = 0; k < line.size(); ++k)
        if (line.size() == 1 || s.dots)
            dl->AddCircleFilled(line[k], thickness * (s.dots ? 1.8f : 1.2f), color, 8);
    if (trace && !line.empty())
        trace_stretch(f, line, *trace);
    line.clear();
}

// One series: smoothed, broken at non-finite values, thinned to at most four points per pixel
// column and then to the points a straight segment cannot replace.
void draw_series(ImDrawList* dl, const ChartFrame& f, const ChartSeries& s, float smoothing,
                 ChartTrace* trace)
{
    TraceLine* line = nullptr;
    if (trace)
    {
        trace->lines.push_back({s.label, s.color, {}});
        line = &trace->lines.back();
    }
    scratch().line.clear();
    M4Decimator m4(scratch().line);
    double ema = 0, weight = 0;
    for (int i = 0; i < s.count; ++i)
    {
        double x, y;
        const bool has = s.get(s.data, i, x, y) && (!f.log_x || x > 0);
        if (!has || !usable(y, f.log_y))
        {
            if (has)  // a non-finite value: the line stops here
                flush_stretch(dl, f, s, m4, line), ema = weight = 0;
            continue;
        }
        if (smoothing > 0)  // TensorBoard's debiased EMA (in log space on a log axis)
        {
            const double v = f.log_y ? std::log10(y) : y;
            ema = ema * smoothing + (1 - smoothing) * v;
            weight = weight * smoothing + (1 - smoothing);
            y = f.log_y ? std::pow(10.0, ema / weight) : ema / weight;
        }
        m4.add({f.sx(x), f.sy(y)});
    }
    flush_stretch(dl, f, s, m4, line);
}

// ---- [Markers] -------------------------------------------------------------------------------

// A dashed vertical line in the marker's colour with a small flag at the top: visible over
// the run's own line, and distinct from the solid "current step" line.
void draw_marker(ImDrawList* dl, const ChartFrame& f, const ChartMarker& m)
{
    const float x = std::round(f.sx(m.x)) + 0.5f;
    for (float y = f.p0.y; y < f.p1.y; y += 6)
        dl->AddLine({x, y}, {x, std::min(y + 3, f.p1.y)}, m.color, 1.5f);
    const float s = ImGui::GetFontSize() * 0.35f;
    dl->AddTriangleFilled({x - s, f.p0.y}, {x + s, f.p0.y}, {x, f.p0.y + s * 1.5f}, m.color);
}

// The markers' labels beside their lines, one text row each so that none overlap; on the
// line's left near the right edge.
void draw_marker_labels(ImDrawList* dl, const ChartFrame& f, const std::vector<ChartMarker>& markers)
{
    const float line = ImGui::GetTextLineHeight();
    for (std::size_t k = 0; k < markers.size(); ++k)
    {
        const ChartMarker& m = markers[k];
        if (!f.x_inside(m.x))
            continue;
        const ImVec2 size = ImGui::CalcTextSize(m.label.c_str());
        float x = f.sx(m.x) + 4;
        if (x + size.x > f.p1.x)
            x = f.sx(m.x) - 4 - size.x;
        const ImVec2 at{x, f.p0.y + line * (0.6f + float(k))};
        dl->AddRectFilled(at, {at.x + size.x, at.y + size.y}, IM_COL32(16, 16, 16, 200));
        dl->AddText(at, m.color, m.label.c_str());
    }
}

// ---- [Hover] ---------------------------------------------------------------------------------

// Value of a series at the point nearest to x (raw, not smoothed), nearest along the axis.
bool value_at(const ChartFrame& f, const ChartSeries& s, double x, double& vx, double& vy)
{
    bool found = false;
    double best = 1e300;
    for (int i = 0; i < s.count; ++i)
    {
        double px, py;
        if (s.get(s.data, i, px, py) && (!f.log_x || px > 0) &&
            std::fabs(f.ax(px) - f.ax(x)) < best)
            best = std::fabs(f.ax(px) - f.ax(x)), vx = px, vy = py, found = true;
    }
    return found;
}

void hover_readout(const ChartFrame& f, const ChartOptions& o,
                   const std::vector<ChartSeries>& series, double x, double near_x)
{
    ImGui::BeginTooltip();
    bool header = false;
    for (const ChartSeries& s : series)
    {
        double vx, vy;
        if (!value_at(f, s, x, vx, vy) ||
            (!s.sets_range && std::fabs(f.ax(vx) - f.ax(x)) > near_x))
            continue;
        if (!header)
        {
            char at[32];
            std::snprintf(at, sizeof at, o.x_format, vx);
            ImGui::Text("%s at %s %s", o.title, o.x_label, at);
            header = true;
        }
        ImGui::ColorButton("##c", ImGui::ColorConvertU32ToFloat4(s.color),
                           ImGuiColorEditFlags_NoTooltip, {10, 10});
        ImGui::SameLine();
        char value[32];
        if (std::isfinite(vy))
            std::snprintf(value, sizeof value, o.value_format, vy);
        else
            std::snprintf(value, sizeof value, "%s", std::isnan(vy) ? "nan" : "inf");
        ImGui::Text("%s: %s", s.label.c_str(), value);
    }
    if (o.markers)
        for (const ChartMarker& m : *o.markers)
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(m.color), "%s", m.label.c_str());
    ImGui::EndTooltip();
}

// ---- [Chart] ---------------------------------------------------------------------------------

// The frame: the left margin fits the widest y label (".0001" lost its digit to a fixed one).
ChartFrame layout(const ChartOptions& o, const std::vector<ChartSeries>& series, ImVec2 origin,
                  ImVec2 size, std::vector<double>& ticks)
{
    ChartFrame f;
    data_range(o, series, f);
    ticks = y_ticks(f);
    const float fs = ImGui::GetFontSize();
    f.widget0 = origin;
    f.widget1 = {origin.x + size.x, origin.y + size.y};
    f.p0 = {origin.x + y_labels_width(f, ticks) + 6, origin.y + fs * 1.3f};
    f.p1 = {origin.x + size.x - fs * 0.5f, origin.y + size.y - fs * 1.3f};
    return f;
}

void begin_trace(ChartTrace* t, const ChartFrame& f)
{
    if (!t)
        return;
    t->visible = true;
    t->widget0 = f.widget0, t->widget1 = f.widget1, t->plot0 = f.p0, t->plot1 = f.p1;
    t->x0 = f.x0, t->x1 = f.x1, t->y0 = f.y0, t->y1 = f.y1, t->log_y = f.log_y;
    t->log_x = f.log_x;
}

void draw_plot(ImDrawList* dl, const ChartFrame& f, const ChartOptions& o,
               const std::vector<ChartSeries>& series)
{
    dl->PushClipRect(f.p0, f.p1, true);
    for (const ChartSeries& s : series)
        if (s.count > 0 && s.get)
            draw_series(dl, f, s, std::clamp(o.smoothing, 0.0f, 0.99f), o.trace);
    if (o.overlay)
        o.overlay(dl, f, o.overlay_data);
    if (o.marker_x >= 0 && f.x_inside(o.marker_x))
        dl->AddLine({f.sx(o.marker_x), f.p0.y}, {f.sx(o.marker_x), f.p1.y},
                    ImGui::GetColorU32(ImGuiCol_Text, 0.35f));
    for (std::size_t k = 0; o.markers && k < o.markers->size(); ++k)
    {
        const ChartMarker& m = (*o.markers)[k];
        if (f.x_inside(m.x))
            draw_marker(dl, f, m);
        if (o.trace)
            o.trace->markers.push_back(m);
    }
    if (o.markers && o.label_markers)
        draw_marker_labels(dl, f, *o.markers);
    const double hx = o.hover_x ? *o.hover_x : -1;
    if (hx >= 0 && f.x_inside(hx))
        dl->AddLine({f.sx(hx), f.p0.y}, {f.sx(hx), f.p1.y}, ImGui::GetColorU32(ImGuiCol_Text, 0.6f));
    dl->PopClipRect();
}

}  // namespace

bool line_chart(const char* id, const ChartOptions& o, const std::vector<ChartSeries>& series)
{
    ImGui::PushID(id);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 size{o.size.x > 0 ? o.size.x : avail.x, o.size.y > 0 ? o.size.y : 160.0f};
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("chart", size);
    if (!ImGui::IsItemVisible())  // scrolled out of view: nothing to draw
    {
        ImGui::PopID();
        return false;
    }
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    std::vector<double> ticks;
    const ChartFrame f = layout(o, series, origin, size, ticks);
    begin_trace(o.trace, f);
    dl->AddText(origin, ImGui::GetColorU32(ImGuiCol_Text), o.title);
    draw_axes(dl, f, ticks, o.trace);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (hovered && o.hover_x && mouse.x >= f.p0.x && mouse.x <= f.p1.x)
        *o.hover_x = f.x_at(mouse.x);
    draw_plot(dl, f, o, series);
    const double hx = o.hover_x ? *o.hover_x : -1;
    if (hovered && hx >= 0 && f.x_inside(hx))
        hover_readout(f, o, series, hx, (f.x1 - f.x0) / std::max(1.0f, f.p1.x - f.p0.x) * 6);
    ImGui::PopID();
    return hovered;
}

}  // namespace lrlab
