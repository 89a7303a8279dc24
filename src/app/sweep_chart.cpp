// The sweep's sensitivity chart (sweep_views.hpp): the classic LR-sensitivity figure, final (or
// best) test loss against LR, log x and log y, one curve per optimizer group.
#include <cmath>
#include <cstdio>
#include <limits>

#include <imgui.h>

#include "app/chart.hpp"
#include "app/colors.hpp"
#include "app/sweep_views.hpp"
#include "app/widgets.hpp"
#include "core/config/json.hpp"

namespace lrlab
{
namespace
{

struct Axes
{
    ImVec2 p0, p1;
    double x0, x1, y0, y1;  // log10 of LR and loss
    float sx(double lr) const
    {
        return float(p0.x + (std::log10(lr) - x0) / (x1 - x0) * (p1.x - p0.x));
    }
    float sy(double loss) const
    {
        const double t = (std::log10(loss) - y0) / (y1 - y0);
        return float(p1.y - std::fmin(std::fmax(t, 0.0), 1.0) * (p1.y - p0.y));
    }
};

const SweepRow* row_at(const SweepView& v, std::int64_t cell)
{
    return cell >= 0 && cell < std::int64_t(v.rows.size()) && v.rows[std::size_t(cell)]
               ? &*v.rows[std::size_t(cell)] : nullptr;
}

bool usable(const SweepRow& r, bool best) { return !r.diverged && std::isfinite(shown_loss(r, best)); }

// Log ticks: each decade, or 1-2-5 steps inside one decade when the range is narrower.
void draw_ticks(ImDrawList* dl, const Axes& a, bool x_axis)
{
    const float fs = ImGui::GetFontSize();
    const double lo = x_axis ? a.x0 : a.y0, hi = x_axis ? a.x1 : a.y1;
    std::vector<double> ticks;
    if (hi - lo >= 1.0)
        for (double k = std::ceil(lo); k <= hi + 1e-9; k += hi - lo > 8 ? 2 : 1)
            ticks.push_back(std::pow(10.0, k));
    else
        ticks = nice_ticks(std::pow(10.0, lo), std::pow(10.0, hi), 4);
    const ImU32 grid = IM_COL32(255, 255, 255, 28), text = IM_COL32(200, 200, 200, 255);
    for (double t : ticks)
    {
        if (!(t > 0))
            continue;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", t);
        const ImVec2 size = ImGui::CalcTextSize(buf);
        if (x_axis)
        {
            const float x = a.sx(t);
            dl->AddLine({x, a.p0.y}, {x, a.p1.y}, grid);
            dl->AddText({x - size.x / 2, a.p1.y + fs * 0.2f}, text, buf);
        }
        else
        {
            const float y = a.sy(t);
            dl->AddLine({a.p0.x, y}, {a.p1.x, y}, grid);
            dl->AddText({a.p0.x - size.x - fs * 0.3f, y - size.y / 2}, text, buf);
        }
    }
}

// One group's curve, its diverged cells at the top edge, its best cell ringed. Returns the
// best cell (-1: none yet).
std::int64_t draw_group(AppState& app, ImDrawList* dl, const Axes& a, const SweepGrid& g,
                        std::size_t group)
{
    const SweepView& v = app.sweep;
    const float fs = ImGui::GetFontSize();
    const ImU32 color = run_color(group);
    const std::int64_t groups = std::int64_t(g.groups.size());
    std::vector<ImVec2> line;
    std::int64_t best = -1;
    double best_loss = std::numeric_limits<double>::infinity();
    const auto flush = [&]
    {
        if (line.size() > 1)
            dl->AddPolyline(line.data(), int(line.size()), color, 0, fs * 0.15f);
        line.clear();
    };
    for (std::size_t col = 0; col < g.lrs.size(); ++col)
    {
        const std::int64_t cell = std::int64_t(col) * groups + std::int64_t(group);
        const SweepRow* r = row_at(v, cell);
        if (!r || !usable(*r, v.best_loss))
        {
            flush();
            if (r)  // diverged or no finite loss: a downward triangle at the top edge
            {
                const float x = a.sx(g.lrs[col]), y = a.p0.y + fs * 0.1f;
                dl->AddTriangleFilled({x - fs * 0.3f, y}, {x + fs * 0.3f, y}, {x, y + fs * 0.5f},
                                      color);
            }
            continue;
        }
        const double loss = shown_loss(*r, v.best_loss);
        line.push_back({a.sx(g.lrs[col]), a.sy(loss)});
        dl->AddCircleFilled(line.back(), fs * 0.17f, color);
        if (loss < best_loss)
            best_loss = loss, best = cell;
    }
    flush();
    if (best >= 0)
    {
        const SweepRow& r = *row_at(v, best);
        const ImVec2 p{a.sx(r.lr), a.sy(best_loss)};
        dl->AddCircle(p, fs * 0.45f, color, 0, fs * 0.12f);
        char label[48];
        std::snprintf(label, sizeof label, "best %.3g", r.lr);
        dl->AddText({p.x + fs * 0.5f, p.y + fs * 0.1f}, color, label);
    }
    return best;
}

// The cell of the finished point nearest the mouse (within a font size), or -1.
std::int64_t hovered_cell(const SweepView& v, const Axes& a, const SweepGrid& g)
{
    const ImVec2 m = ImGui::GetIO().MousePos;
    const float fs = ImGui::GetFontSize();
    std::int64_t found = -1;
    float nearest = fs * fs;
    for (std::size_t i = 0; i < v.rows.size(); ++i)
    {
        if (!v.rows[i])
            continue;
        const SweepRow& r = *v.rows[i];
        const ImVec2 p{a.sx(g.lrs[std::size_t(g.column(r.cell))]),
                       usable(r, v.best_loss) ? a.sy(shown_loss(r, v.best_loss)) : a.p0.y + fs * 0.3f};
        const float d = (p.x - m.x) * (p.x - m.x) + (p.y - m.y) * (p.y - m.y);
        if (d < nearest)
            nearest = d, found = r.cell;
    }
    return found;
}

}  // namespace

bool sweep_loss_range(const SweepView& v, double& lo, double& hi)
{
    lo = std::numeric_limits<double>::infinity();
    hi = -lo;
    for (const std::optional<SweepRow>& r : v.rows)
        if (r && usable(*r, v.best_loss) && shown_loss(*r, v.best_loss) > 0)
        {
            lo = std::fmin(lo, std::log10(shown_loss(*r, v.best_loss)));
            hi = std::fmax(hi, std::log10(shown_loss(*r, v.best_loss)));
        }
    if (!(lo <= hi))
        return false;
    // One exploding cell (a loss of 1e10 at the largest LR) would flatten every curve: the range
    // stops at 10x the largest loss of the smallest LR (about the untrained loss); what lies
    // above is drawn at the top edge and in the colormap's last colour.
    double untrained = -std::numeric_limits<double>::infinity();
    const double first_lr = !v.request ? 0.0
                            : v.request->spec.lrs.empty() ? v.request->base_run.optimizer.lr
                                                          : v.request->spec.lrs.front();
    for (const std::optional<SweepRow>& r : v.rows)
        if (r && r->lr == first_lr && usable(*r, v.best_loss) &&
            shown_loss(*r, v.best_loss) > 0)
            untrained = std::fmax(untrained, std::log10(shown_loss(*r, v.best_loss)));
    if (std::isfinite(untrained) && hi > untrained + 1 && untrained + 1 > lo)
        hi = untrained + 1;
    const double pad = std::fmax(0.05, (hi - lo) * 0.06);
    lo -= pad;
    hi += pad;
    return true;
}

void sweep_sensitivity_chart(AppState& app, const SweepGrid& g, ImVec2 size)
{
    SweepView& v = app.sweep;
    const float fs = ImGui::GetFontSize();
    const ImVec2 w0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("sweep.chart", size);
    const bool hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked();
    publish_item(app, "sweep.chart");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    Axes a;
    a.p0 = {w0.x + fs * 4.0f, w0.y + fs * 1.6f};
    a.p1 = {w0.x + size.x - fs * 0.8f, w0.y + size.y - fs * 1.5f};
    a.x0 = std::log10(g.lrs.front());
    a.x1 = std::log10(g.lrs.back());
    const double xpad = a.x1 > a.x0 ? (a.x1 - a.x0) * 0.04 : 0.5;
    a.x0 -= xpad;
    a.x1 += xpad;
    if (!sweep_loss_range(v, a.y0, a.y1))
        a.y0 = -1, a.y1 = 1;
    const std::string title = std::string(v.best_loss ? "best" : "final") +
                              " test loss vs LR (triangles: diverged)";
    dl->AddText(w0, IM_COL32(230, 230, 230, 255), title.c_str());
    dl->AddRect(a.p0, a.p1, IM_COL32(255, 255, 255, 60));
    dl->PushClipRect({w0.x, w0.y}, {w0.x + size.x, w0.y + size.y}, true);
    draw_ticks(dl, a, true);
    draw_ticks(dl, a, false);
    dl->PopClipRect();
    dl->PushClipRect({a.p0.x - fs * 0.5f, a.p0.y - fs * 0.2f}, {a.p1.x + fs * 0.5f, a.p1.y}, true);
    for (std::size_t k = 0; k < g.groups.size(); ++k)
    {
        const std::int64_t best = draw_group(app, dl, a, g, k);
        if (best >= 0)
            app.ui.widgets.push_back({"text:sweep.best." + g.groups[k] + "=" +
                                          format_double(v.rows[std::size_t(best)]->lr),
                                      a.p0.x, a.p0.y, a.p1.x, a.p1.y});
    }
    dl->PopClipRect();
    const std::int64_t cell = hovered ? hovered_cell(v, a, g) : -1;
    if (cell >= 0)
    {
        v.hover_cell = cell;
        sweep_cell_tooltip(app, cell);
        if (clicked)
            add_sweep_cell_run(app, cell);
    }
    std::vector<std::pair<std::string, ImU32>> legend;
    for (std::size_t k = 0; k < g.groups.size(); ++k)
        legend.emplace_back(g.groups[k], run_color(k));
    chart_legend(legend);
}

}  // namespace lrlab
