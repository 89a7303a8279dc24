// The sweep's heatmap (sweep_views.hpp): one column per LR, one row per (optimizer, params)
// group, the loss on a perceptual colormap (log scale) with its colorbar.
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "app/sweep_colormap.hpp"
#include "app/sweep_views.hpp"
#include "app/widgets.hpp"

namespace lrlab
{
namespace
{

struct Cells
{
    ImVec2 p0, p1;
    std::size_t cols = 1, rows = 1;
    float w() const { return (p1.x - p0.x) / float(cols); }
    float h() const { return (p1.y - p0.y) / float(rows); }
    ImVec2 min(std::size_t c, std::size_t r) const { return {p0.x + w() * c, p0.y + h() * r}; }
    ImVec2 max(std::size_t c, std::size_t r) const { return {p0.x + w() * (c + 1), p0.y + h() * (r + 1)}; }
};

// Diagonal hatching over a cell: the diverged ones (no loss to colour), readable in grey.
void hatch(ImDrawList* dl, ImVec2 a, ImVec2 b, float spacing)
{
    dl->AddRectFilled(a, b, IM_COL32(60, 60, 60, 255));
    dl->PushClipRect(a, b, true);
    for (float x = a.x - (b.y - a.y); x < b.x; x += spacing)
        dl->AddLine({x, b.y}, {x + (b.y - a.y), a.y}, IM_COL32(200, 200, 200, 200), 1.5f);
    dl->PopClipRect();
}

void draw_cell(AppState& app, ImDrawList* dl, const Cells& c, std::size_t col, std::size_t row,
               std::int64_t cell, double lo, double hi)
{
    const SweepView& v = app.sweep;
    const float fs = ImGui::GetFontSize();
    const ImVec2 a = c.min(col, row), b = c.max(col, row);
    const std::optional<SweepRow>& r = v.rows[std::size_t(cell)];
    if (!v.failed[std::size_t(cell)].empty())
    {
        dl->AddRectFilled(a, b, IM_COL32(110, 20, 20, 255));
        dl->AddLine({a.x + 3, a.y + 3}, {b.x - 3, b.y - 3}, IM_COL32(255, 90, 90, 255), 2.0f);
        dl->AddLine({a.x + 3, b.y - 3}, {b.x - 3, a.y + 3}, IM_COL32(255, 90, 90, 255), 2.0f);
    }
    else if (!r)
        dl->AddRect(a, b, IM_COL32(255, 255, 255, 40));
    else if (r->diverged || !std::isfinite(shown_loss(*r, v.best_loss)))
        hatch(dl, a, b, fs * 0.45f);
    else
    {
        const double t = (std::log10(shown_loss(*r, v.best_loss)) - lo) / (hi - lo);
        dl->AddRectFilled(a, b, sweep_colormap(t));
    }
    if (v.hover_cell == cell)
        dl->AddRect(a, b, IM_COL32(255, 255, 255, 255), 0, 0, 2.0f);
}

void colorbar(ImDrawList* dl, ImVec2 a, ImVec2 b, double lo, double hi)
{
    const int steps = 32;
    for (int k = 0; k < steps; ++k)  // low loss at the bottom, as on the chart's y axis
    {
        const float y0 = b.y - (b.y - a.y) * float(k + 1) / steps;
        const float y1 = b.y - (b.y - a.y) * float(k) / steps;
        dl->AddRectFilled({a.x, y0}, {b.x, y1 + 1}, sweep_colormap((k + 0.5) / steps));
    }
    dl->AddRect(a, b, IM_COL32(255, 255, 255, 80));
    const float fs = ImGui::GetFontSize();
    for (int k = 0; k <= 2; ++k)
    {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2g", std::pow(10.0, lo + (hi - lo) * k / 2.0));
        const float y = b.y - (b.y - a.y) * k / 2.0f - fs / 2;
        dl->AddText({b.x + fs * 0.3f, y}, IM_COL32(200, 200, 200, 255), buf);
    }
}

void labels(ImDrawList* dl, const Cells& c, const SweepGrid& g)
{
    const float fs = ImGui::GetFontSize();
    const ImU32 text = IM_COL32(210, 210, 210, 255);
    for (std::size_t r = 0; r < g.groups.size(); ++r)
    {
        const ImVec2 size = ImGui::CalcTextSize(g.groups[r].c_str());
        dl->AddText({c.p0.x - size.x - fs * 0.4f, c.min(0, r).y + (c.h() - size.y) / 2}, text,
                    g.groups[r].c_str());
    }
    // Every k-th LR, so that the labels do not overlap.
    const float widest = ImGui::CalcTextSize("0.0001").x + fs;
    const std::size_t every = std::size_t(std::ceil(widest / std::fmax(1.0f, c.w())));
    for (std::size_t col = 0; col < g.lrs.size(); col += std::max<std::size_t>(1, every))
    {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.3g", g.lrs[col]);
        const ImVec2 size = ImGui::CalcTextSize(buf);
        const float x = c.min(col, 0).x + c.w() / 2 - size.x / 2;
        dl->AddText({x, c.p1.y + fs * 0.2f}, text, buf);
    }
}

}  // namespace

void sweep_heatmap(AppState& app, const SweepGrid& g, ImVec2 size)
{
    SweepView& v = app.sweep;
    const float fs = ImGui::GetFontSize();
    const ImVec2 w0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("sweep.heatmap", size);
    const bool hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked();
    publish_item(app, "sweep.heatmap");
    float label_w = 0;
    for (const std::string& name : g.groups)
        label_w = std::fmax(label_w, ImGui::CalcTextSize(name.c_str()).x);
    Cells c;
    c.cols = g.lrs.size();
    c.rows = g.groups.size();
    c.p0 = {w0.x + std::fmin(label_w + fs * 0.8f, size.x * 0.45f), w0.y + fs * 1.4f};
    c.p1 = {w0.x + size.x - fs * 6.5f, w0.y + size.y - fs * 1.4f};
    app.ui.widgets.push_back({"sweep.heatmap.cells", c.p0.x, c.p0.y, c.p1.x, c.p1.y});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(w0, IM_COL32(230, 230, 230, 255),
                "test loss by LR (hatched: diverged; click: add as a run)");
    double lo = -1, hi = 1;
    if (!sweep_loss_range(v, lo, hi))
        lo = -1, hi = 1;
    for (std::size_t col = 0; col < c.cols; ++col)
        for (std::size_t row = 0; row < c.rows; ++row)
            draw_cell(app, dl, c, col, row, std::int64_t(col * c.rows + row), lo, hi);
    labels(dl, c, g);
    colorbar(dl, {c.p1.x + fs * 0.8f, c.p0.y}, {c.p1.x + fs * 1.6f, c.p1.y}, lo, hi);
    const ImVec2 m = ImGui::GetIO().MousePos;
    if (!hovered || m.x < c.p0.x || m.y < c.p0.y || m.x >= c.p1.x || m.y >= c.p1.y)
        return;
    const std::size_t col = std::min(c.cols - 1, std::size_t((m.x - c.p0.x) / c.w()));
    const std::size_t row = std::min(c.rows - 1, std::size_t((m.y - c.p0.y) / c.h()));
    const std::int64_t cell = std::int64_t(col * c.rows + row);
    v.hover_cell = cell;
    sweep_cell_tooltip(app, cell);
    if (clicked)
        add_sweep_cell_run(app, cell);
}

}  // namespace lrlab
