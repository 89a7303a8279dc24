// What each chart drew in its last frame — frame, data range, the exact polylines handed to the
// draw list (in data and in screen coordinates), tick labels and markers — so that a browser
// test can compare a chart with the CLI's numbers instead of trusting pixels it cannot read.
// Off until a test asks for it (the `charts` verb): the page pays nothing otherwise.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <imgui.h>
#include <nlohmann/json.hpp>

namespace lrlab
{

// A vertical mark at x, e.g. where a run diverged.
struct ChartMarker
{
    double x = 0.0;
    ImU32 color = 0xffffffff;
    std::string label;  // e.g. "sgd 0.05 diverged at step 6"
};

struct TracePoint
{
    double x, y;   // data (y as drawn: smoothed when smoothing is on)
    float sx, sy;  // framebuffer pixels
};

struct TraceLine
{
    std::string label;
    ImU32 color = 0;
    std::vector<std::vector<TracePoint>> parts;  // one per unbroken stretch
};

struct TraceText
{
    std::string text;
    double value = 0.0;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // where the text was drawn
};

struct ChartTrace
{
    std::string id;
    std::uint64_t frame = 0;
    bool visible = false;         // false: scrolled out of view, nothing drawn this frame
    ImVec2 widget0{}, widget1{};  // the chart's whole rectangle
    ImVec2 plot0{}, plot1{};      // the plot area inside the axes
    double x0 = 0, x1 = 1, y0 = 0, y1 = 1;  // data range; y in log10 when log_y
    bool log_y = false;
    bool log_x = false;           // x0, x1 in log10 when true
    std::vector<TraceLine> lines;
    std::vector<TraceText> x_ticks, y_ticks;
    std::vector<ChartMarker> markers;
};

struct ChartTraces
{
    bool enabled = false;
    std::uint64_t frame = 0;  // set by the frame loop's owner of the traces (panel_charts)
    std::vector<ChartTrace> charts;
    // The trace for `id`, emptied for this frame; nullptr when tracing is off.
    ChartTrace* begin(const char* id);
};

nlohmann::json charts_json(const ChartTraces& traces);

}  // namespace lrlab
