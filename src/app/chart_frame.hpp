// The geometry one chart shares between its parts (chart.cpp, chart_axes.cpp): where the plot
// is on screen and which data range it shows.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include <imgui.h>

#include "app/chart_trace.hpp"

namespace lrlab
{

struct ChartFrame
{
    ImVec2 widget0, widget1;  // the whole chart
    ImVec2 p0, p1;            // plot area
    double x0 = 0, x1 = 1, y0 = 0, y1 = 1;  // data range (x, y in log10 when log)
    bool log_y = false;
    bool log_x = false;  // an LR axis (the range test, cross-validation over LRs)

    // x as the axis measures it (log10 on a log axis), and back from a pixel column.
    double ax(double x) const { return log_x ? std::log10(x) : x; }
    double x_at(float px) const
    {
        const double v = x0 + double(px - p0.x) / double(p1.x - p0.x) * (x1 - x0);
        return log_x ? std::pow(10.0, v) : v;
    }
    bool x_inside(double x) const { return (!log_x || x > 0) && ax(x) >= x0 && ax(x) <= x1; }
    float sx(double x) const { return float(p0.x + (ax(x) - x0) / (x1 - x0) * (p1.x - p0.x)); }
    float sy(double y) const
    {
        const double v = log_y ? std::log10(y) : y;
        const double t = (v - y0) / (y1 - y0);
        // Far outside the plot: clamp so float coordinates stay sane (the clip rect cuts).
        return float(p1.y - std::clamp(t, -4.0, 5.0) * (p1.y - p0.y));
    }
};

// The y tick values of the range (decades on a log axis; linear ticks within one decade).
std::vector<double> y_ticks(const ChartFrame& f);
// The width of the widest y tick label: the plot's left margin follows it.
float y_labels_width(const ChartFrame& f, const std::vector<double>& ticks);
// Grid, frame and tick labels; the labels stay inside the chart's rectangle.
void draw_axes(ImDrawList* dl, const ChartFrame& f, const std::vector<double>& ticks,
               ChartTrace* trace);

}  // namespace lrlab
