// Axes of a chart (chart_frame.hpp): nice ticks, their labels, grid and frame.
// Sections: [Ticks] [Labels] [Drawing]
#include "app/chart.hpp"
#include "app/chart_frame.hpp"

#include <cstdio>
#include <cstring>

namespace lrlab
{

// ---- [Ticks] ---------------------------------------------------------------------------------

std::vector<double> nice_ticks(double lo, double hi, int target)
{
    std::vector<double> ticks;
    if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi))
        return ticks;
    const double raw = (hi - lo) / std::max(1, target);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double r = raw / mag;
    const double step = (r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10) * mag;
    for (double t = std::ceil(lo / step) * step; t <= hi + step * 1e-9; t += step)
        ticks.push_back(std::fabs(t) < step * 1e-9 ? 0.0 : t);
    return ticks;
}

namespace
{

// Ticks of a log axis over [lo, hi] (log10): decades, or linear ticks within one decade.
std::vector<double> log_ticks(double lo, double hi, int target)
{
    std::vector<double> ticks;
    const double stride = std::max(1.0, std::ceil((hi - lo) / target));
    for (double e = std::ceil(lo); e <= hi; e += stride)
        ticks.push_back(std::pow(10.0, e));
    if (ticks.size() < 2)  // less than a decade: linear ticks in the decade
    {
        ticks.clear();
        for (double t : nice_ticks(std::pow(10.0, lo), std::pow(10.0, hi), 4))
            if (t > 0)
                ticks.push_back(t);
    }
    return ticks;
}

}  // namespace

std::vector<double> y_ticks(const ChartFrame& f)
{
    return f.log_y ? log_ticks(f.y0, f.y1, 5) : nice_ticks(f.y0, f.y1, 4);
}

// ---- [Labels] --------------------------------------------------------------------------------

// "%g" spells exponents with two digits and a plus ("1e-05", "2e+06"): drop the padding.
void compact_exponent(char* buf)
{
    char* e = std::strchr(buf, 'e');
    if (!e)
        return;
    char* digits = e + 1;
    if (*digits == '+')
        std::memmove(digits, digits + 1, std::strlen(digits));
    else if (*digits == '-')
        ++digits;
    while (digits[0] == '0' && digits[1] != '\0')
        std::memmove(digits, digits + 1, std::strlen(digits));
}

void format_tick(double value, double spacing, char* buf, int size)
{
    const double a = std::fabs(value);
    if (a == 0.0)
    {
        std::snprintf(buf, std::size_t(size), "0");
        return;
    }
    if (a >= 1e5 || a < 1e-4)
    {
        std::snprintf(buf, std::size_t(size), "%.3g", value);
        compact_exponent(buf);
        return;
    }
    // Ticks are 1-2-5 multiples of a power of ten: that power fixes the decimals.
    const double step = spacing > 0 ? spacing : a;
    const int decimals = std::clamp(int(-std::floor(std::log10(step) + 1e-9)), 0, 6);
    std::snprintf(buf, std::size_t(size), "%.*f", decimals, value);
}

namespace
{

double spacing_of(const std::vector<double>& ticks, std::size_t i)
{
    if (ticks.size() < 2)
        return ticks.empty() ? 0.0 : std::fabs(ticks[0]);
    return std::fabs(ticks[std::min(i + 1, ticks.size() - 1)] - ticks[i > 0 ? i - 1 : 0]) /
           (i > 0 && i + 1 < ticks.size() ? 2.0 : 1.0);
}

// Log decades: each its own spacing (0.001, 0.01, ...); linear ticks: the common spacing.
double label_spacing(const ChartFrame& f, const std::vector<double>& ticks, std::size_t i)
{
    return f.log_y ? std::min(ticks[i], spacing_of(ticks, i)) : spacing_of(ticks, i);
}

}  // namespace

float y_labels_width(const ChartFrame& f, const std::vector<double>& ticks)
{
    float w = 0;
    char buf[32];
    for (std::size_t i = 0; i < ticks.size(); ++i)
    {
        format_tick(ticks[i], label_spacing(f, ticks, i), buf, sizeof buf);
        w = std::max(w, ImGui::CalcTextSize(buf).x);
    }
    return w;
}

// ---- [Drawing] -------------------------------------------------------------------------------

namespace
{

void put_label(ImDrawList* dl, ImVec2 at, const char* text, double value,
               std::vector<TraceText>* trace)
{
    const ImVec2 ts = ImGui::CalcTextSize(text);
    dl->AddText(at, ImGui::GetColorU32(ImGuiCol_TextDisabled), text);
    if (trace)
        trace->push_back({text, value, at.x, at.y, at.x + ts.x, at.y + ts.y});
}

void draw_x_axis(ImDrawList* dl, const ChartFrame& f, ChartTrace* trace)
{
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.5f);
    const std::vector<double> xt = f.log_x ? log_ticks(f.x0, f.x1, 6) : nice_ticks(f.x0, f.x1, 5);
    float last_end = -1e9f;
    char buf[32];
    for (std::size_t i = 0; i < xt.size(); ++i)
    {
        const float x = f.sx(xt[i]);
        dl->AddLine({x, f.p0.y}, {x, f.p1.y}, grid);
        format_tick(xt[i], f.log_x ? std::min(xt[i], spacing_of(xt, i)) : spacing_of(xt, i), buf,
                    sizeof buf);
        const float w = ImGui::CalcTextSize(buf).x;
        // Centred under the tick, but never past the chart's edges (the last step's label
        // used to lose its last digit to the next chart).
        const float left = std::clamp(x - w * 0.5f, f.widget0.x, f.widget1.x - w);
        if (left < last_end + 4)
            continue;  // would overlap the previous label
        put_label(dl, {left, f.p1.y + 2}, buf, xt[i], trace ? &trace->x_ticks : nullptr);
        last_end = left + w;
    }
}

}  // namespace

void draw_axes(ImDrawList* dl, const ChartFrame& f, const std::vector<double>& ticks,
               ChartTrace* trace)
{
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.5f);
    draw_x_axis(dl, f, trace);
    char buf[32];
    float last_y = 1e9f;
    for (std::size_t i = 0; i < ticks.size(); ++i)
    {
        const float y = f.sy(ticks[i]);
        if (y < f.p0.y - 1 || y > f.p1.y + 1)
            continue;
        dl->AddLine({f.p0.x, y}, {f.p1.x, y}, grid);
        format_tick(ticks[i], label_spacing(f, ticks, i), buf, sizeof buf);
        const ImVec2 ts = ImGui::CalcTextSize(buf);
        // Ticks go up the axis; linear ticks within a decade of a log axis crowd at its top.
        if (y > last_y - ts.y)
            continue;
        put_label(dl, {f.p0.x - ts.x - 4, y - ts.y * 0.5f}, buf, ticks[i],
                  trace ? &trace->y_ticks : nullptr);
        last_y = y;
    }
    dl->AddRect(f.p0, f.p1, ImGui::GetColorU32(ImGuiCol_Border));
}

}  // namespace lrlab
