// A small line-chart module on ImDrawList (ImPlot is not packaged): nice ticks, linear or log
// y, EMA smoothing, a hover readout of every series at the hovered x (shared between charts),
// a legend, vertical markers (where a run diverged), and lines that break at non-finite values
// and are clipped to the plot. Lines are thinned with a bounded error (polyline.hpp); what was
// drawn can be traced for tests (chart_trace.hpp).
#pragma once

#include <limits>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/chart_trace.hpp"

namespace lrlab
{

struct ChartFrame;

struct ChartSeries
{
    std::string label;                 // legend and hover readout
    ImU32 color = 0xffffffff;
    bool faint = false;                // the second line of a run (test loss, clipped norm)
    bool dots = false;                 // also a dot at every point (few, irregular samples)
    bool sets_range = true;            // false: drawn, clipped, lifting the y range a little only
    int count = 0;
    const void* data = nullptr;
    // Point i; false when the point has no value (an empty column).
    bool (*get)(const void* data, int i, double& x, double& y) = nullptr;
};

struct ChartOptions
{
    const char* title = "";
    ImVec2 size{0, 0};                 // 0: available width / a default height
    bool log_y = false;
    float smoothing = 0.0f;            // TensorBoard's debiased EMA weight, 0..0.99
    double x_min = 0.0, x_max = -1.0;  // x_max < x_min: from the data
    // Cap the y range at this many times the largest first value (a diverging run would
    // otherwise flatten every other line); <= 0: no cap.
    double y_cap_factor = 0.0;
    bool y_from_zero = false;
    double marker_x = -1.0;            // a vertical marker (the current step), < 0: none
    const std::vector<ChartMarker>* markers = nullptr;  // more markers, e.g. divergence
    bool label_markers = false;        // each marker's label beside its line (one row each)
    double* hover_x = nullptr;         // shared hover position (in), set when hovered (out)
    const char* value_format = "%.4g";
    ChartTrace* trace = nullptr;       // filled with what was drawn, when not null
    bool log_x = false;                // x on a log axis (x <= 0 is not drawn)
    const char* x_label = "step";      // the hover readout's "TITLE at X_LABEL x"
    const char* x_format = "%.0f";
    // Drawn inside the plot after the series (error bars, ...), with the chart's geometry.
    void (*overlay)(ImDrawList* dl, const ChartFrame& f, const void* data) = nullptr;
    const void* overlay_data = nullptr;
};

// Draws the chart; returns true when it is hovered.
bool line_chart(const char* id, const ChartOptions& options, const std::vector<ChartSeries>& series);
// A row of colour swatches and labels (one legend for a group of charts).
void chart_legend(const std::vector<std::pair<std::string, ImU32>>& entries);

// Nice tick values covering [lo, hi] (about `target` of them), 1-2-5 steps.
std::vector<double> nice_ticks(double lo, double hi, int target);
// A tick label: as many decimals as the tick spacing needs ("0.0001", "250"), exponents for
// the very small or large ("1e-5", "2e+6").
void format_tick(double value, double spacing, char* buf, int size);

}  // namespace lrlab
