// Line charts on ImDrawList (chart.hpp). Sections: [Ticks] [Range] [Drawing] [Hover] [Legend]
#include "app/chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

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

struct Frame
{
    ImVec2 p0, p1;        // plot area
    double x0, x1, y0, y1;  // data range (y in log10 when log)
    bool log_y;
    float sx(double x) const { return float(p0.x + (x - x0) / (x1 - x0) * (p1.x - p0.x)); }
    float sy(double y) const
    {
        const double v = log_y ? std::log10(y) : y;
        const double t = (v - y0) / (y1 - y0);
        // Far outside the plot: clamp so float coordinates stay sane (the clip rect cuts).
        return float(p1.y - std::clamp(t, -4.0, 5.0) * (p1.y - p0.y));
    }
};

bool usable(double y, bool log_y) { return std::isfinite(y) && (!log_y || y > 0); }

// ---- [Range] ---------------------------------------------------------------------------------

void data_range(const ChartOptions& o, const std::vector<ChartSeries>& series, Frame& f)
{
    double xmin = 1e300, xmax = -1e300, ymin = 1e300, ymax = -1e300, first_max = -1e300;
    for (const ChartSeries& s : series)
    {
        bool first = true;
        for (int i = 0; i < s.count; ++i)
        {
            double x, y;
            if (!s.get(s.data, i, x, y))
                continue;
            xmin = std::min(xmin, x);
            xmax = std::max(xmax, x);
            if (!usable(y, o.log_y))
                continue;
            ymin = std::min(ymin, y);
            ymax = std::max(ymax, y);
            if (first)
                first_max = std::max(first_max, y);
            first = false;
        }
    }
    if (o.x_max > o.x_min)
        xmin = o.x_min, xmax = o.x_max;
    if (!(xmax > xmin))
        xmin = 0, xmax = std::max(1.0, xmin + 1);
    if (o.y_cap_factor > 0 && first_max > 0 && ymax > first_max * o.y_cap_factor)
        ymax = first_max * o.y_cap_factor;
    if (ymin > ymax)
        ymin = o.log_y ? 0.1 : 0, ymax = 1;
    if (o.y_from_zero && !o.log_y)
        ymin = std::min(0.0, ymin);
    f.x0 = xmin, f.x1 = xmax;
    if (o.log_y)
    {
        f.y0 = std::floor(std::log10(ymin) * 4) / 4;
        f.y1 = std::ceil(std::log10(ymax) * 4) / 4;
        if (f.y1 - f.y0 < 0.5)
            f.y0 -= 0.25, f.y1 += 0.25;
    }
    else
    {
        const double pad = (ymax - ymin) * 0.05 + (ymax == ymin ? std::fabs(ymax) * 0.1 + 1e-3 : 0);
        f.y0 = o.y_from_zero && ymin >= 0 ? ymin : ymin - pad;
        f.y1 = ymax + pad;
    }
    f.log_y = o.log_y;
}

// ---- [Drawing] -------------------------------------------------------------------------------

void draw_axes(ImDrawList* dl, const Frame& f)
{
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.5f);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    char buf[32];
    for (double t : nice_ticks(f.x0, f.x1, 5))
    {
        const float x = f.sx(t);
        dl->AddLine({x, f.p0.y}, {x, f.p1.y}, grid);
        std::snprintf(buf, sizeof buf, "%g", t);
        dl->AddText({x - ImGui::CalcTextSize(buf).x * 0.5f, f.p1.y + 2}, text, buf);
    }
    std::vector<double> yt;
    if (f.log_y)
    {
        const double stride = std::max(1.0, std::ceil((f.y1 - f.y0) / 5));
        for (double e = std::ceil(f.y0); e <= f.y1; e += stride)
            yt.push_back(std::pow(10.0, e));
        if (yt.size() < 2)  // less than a decade: linear ticks in the decade
            for (double t : nice_ticks(std::pow(10.0, f.y0), std::pow(10.0, f.y1), 4))
                if (t > 0)
                    yt.push_back(t);
    }
    else
        yt = nice_ticks(f.y0, f.y1, 4);
    for (double t : yt)
    {
        const float y = f.sy(t);
        if (y < f.p0.y - 1 || y > f.p1.y + 1)
            continue;
        dl->AddLine({f.p0.x, y}, {f.p1.x, y}, grid);
        std::snprintf(buf, sizeof buf, "%.3g", t);
        const ImVec2 ts = ImGui::CalcTextSize(buf);
        dl->AddText({f.p0.x - ts.x - 4, y - ts.y * 0.5f}, text, buf);
    }
    dl->AddRect(f.p0, f.p1, ImGui::GetColorU32(ImGuiCol_Border));
}

// Drops the points that lie within a quarter pixel of the segment from the last point kept to
// the next one: a constant or linear stretch (most LR schedules) becomes one segment, which
// saves ImGui thousands of anti-aliased vertices per frame.
void simplify(std::vector<ImVec2>& pts)
{
    if (pts.size() < 3)
        return;
    std::size_t kept = 0;
    for (std::size_t i = 1; i + 1 < pts.size(); ++i)
    {
        const ImVec2 a = pts[kept], b = pts[i + 1], p = pts[i];
        const float dx = b.x - a.x, dy = b.y - a.y;
        const float cross = dx * (p.y - a.y) - dy * (p.x - a.x);
        const float len2 = dx * dx + dy * dy;
        if (cross * cross > 0.0625f * len2)  // distance > 0.25 px
            pts[++kept] = p;
    }
    pts[++kept] = pts.back();
    pts.resize(kept + 1);
}

// One series, decimated to about one point per pixel, smoothed, broken at gaps.
void draw_series(ImDrawList* dl, const Frame& f, const ChartSeries& s, float smoothing)
{
    const float width = f.p1.x - f.p0.x;
    const int stride = std::max(1, int(s.count / std::max(1.0f, width)));
    const float thickness = s.faint ? 1.0f : 1.6f;
    const ImU32 color = s.faint ? ((s.color & 0x00ffffff) | 0x90000000) : s.color;
    static std::vector<ImVec2> pts;  // reused: no allocation per series and frame
    pts.clear();
    double ema = 0, weight = 0;
    auto flush = [&]() {
        simplify(pts);
        if (pts.size() >= 2)
            dl->AddPolyline(pts.data(), int(pts.size()), color, 0, thickness);
        else if (pts.size() == 1)
            dl->AddCircleFilled(pts[0], thickness * 1.2f, color, 6);
        pts.clear();
    };
    for (int i = 0; i < s.count; ++i)
    {
        double x, y;
        const bool has = s.get(s.data, i, x, y);
        if (!has || !usable(y, f.log_y))
        {
            if (has)  // a non-finite value: the line stops here
                flush(), ema = weight = 0;
            continue;
        }
        const bool keep = i % stride == 0 || i == s.count - 1;
        if (smoothing <= 0)  // no EMA: no logarithms for the points decimation drops
        {
            if (keep)
                pts.push_back({f.sx(x), f.sy(y)});
            continue;
        }
        // TensorBoard's debiased EMA (in log space on a log axis).
        const double v = f.log_y ? std::log10(y) : y;
        ema = ema * smoothing + (1 - smoothing) * v;
        weight = weight * smoothing + (1 - smoothing);
        const double sm = ema / weight;
        if (keep)
            pts.push_back({f.sx(x), f.sy(f.log_y ? std::pow(10.0, sm) : sm)});
    }
    flush();
}

// ---- [Hover] ---------------------------------------------------------------------------------

// Value of a series at the point nearest to x (raw, not smoothed).
bool value_at(const ChartSeries& s, double x, double& vx, double& vy)
{
    bool found = false;
    double best = 1e300;
    for (int i = 0; i < s.count; ++i)
    {
        double px, py;
        if (s.get(s.data, i, px, py) && std::fabs(px - x) < best)
            best = std::fabs(px - x), vx = px, vy = py, found = true;
    }
    return found;
}

void hover_readout(const ChartOptions& o, const std::vector<ChartSeries>& series, double x)
{
    ImGui::BeginTooltip();
    bool header = false;
    for (const ChartSeries& s : series)
    {
        double vx, vy;
        if (!value_at(s, x, vx, vy))
            continue;
        if (!header)
            ImGui::Text("%s at step %.0f", o.title, vx), header = true;
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
    ImGui::EndTooltip();
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
    const float fs = ImGui::GetFontSize();
    Frame f;
    f.p0 = {origin.x + fs * 3.2f, origin.y + fs * 1.3f};
    f.p1 = {origin.x + size.x - fs * 0.5f, origin.y + size.y - fs * 1.3f};
    data_range(o, series, f);
    dl->AddText(origin, ImGui::GetColorU32(ImGuiCol_Text), o.title);
    draw_axes(dl, f);
    dl->PushClipRect(f.p0, f.p1, true);
    for (const ChartSeries& s : series)
        if (s.count > 0 && s.get)
            draw_series(dl, f, s, std::clamp(o.smoothing, 0.0f, 0.99f));
    if (o.marker_x >= f.x0 && o.marker_x <= f.x1)
        dl->AddLine({f.sx(o.marker_x), f.p0.y}, {f.sx(o.marker_x), f.p1.y},
                    ImGui::GetColorU32(ImGuiCol_Text, 0.35f));
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (hovered && o.hover_x && mouse.x >= f.p0.x && mouse.x <= f.p1.x)
        *o.hover_x = f.x0 + (mouse.x - f.p0.x) / (f.p1.x - f.p0.x) * (f.x1 - f.x0);
    const double hx = o.hover_x ? *o.hover_x : -1;
    if (hx >= f.x0 && hx <= f.x1)
        dl->AddLine({f.sx(hx), f.p0.y}, {f.sx(hx), f.p1.y}, ImGui::GetColorU32(ImGuiCol_Text, 0.6f));
    dl->PopClipRect();
    if (hovered && hx >= f.x0)
        hover_readout(o, series, hx);
    ImGui::PopID();
    return hovered;
}

// ---- [Legend] --------------------------------------------------------------------------------

void chart_legend(const std::vector<std::pair<std::string, ImU32>>& entries)
{
    const float fs = ImGui::GetFontSize();
    for (std::size_t i = 0; i < entries.size(); ++i)
    {
        const float w = fs * 1.2f + ImGui::CalcTextSize(entries[i].first.c_str()).x + fs;
        if (i > 0 && ImGui::GetContentRegionAvail().x > w)
            ImGui::SameLine();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + fs * 0.45f},
                                                  {p.x + fs, p.y + fs * 0.75f}, entries[i].second);
        ImGui::Dummy({fs * 1.1f, fs});
        ImGui::SameLine();
        ImGui::TextUnformatted(entries[i].first.c_str());
    }
}

}  // namespace lrlab
