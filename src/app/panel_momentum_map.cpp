// The step-size x momentum map (issue 12; Distill's "Why Momentum Really Works", Goh 2017, but
// measured): for each (lr, momentum) of the grid, how many steps heavy-ball SGD takes on the
// quadratic 0.5 (x^2 + 10 y^2) to reach 1e-6 of its start loss, each cell a run of the engine
// (core/surface/momentum_map). The analytic stability limit lr < 2 (1 + momentum) / L (Polyak
// 1964) is drawn on top, so that the two can be compared. Clicking a cell sets the selected run's
// optimizer to that SGD, through the same edit path as the run editor.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "app/landscape_state.hpp"
#include "app/panels.hpp"
#include "app/run_changes.hpp"
#include "app/toast.hpp"
#include "app/web_api.hpp"
#include "app/widgets.hpp"

namespace lrlab
{

namespace
{

// Matplotlib's viridis sampled at 9 stops (perceptually uniform, readable in grey and by the
// common colour-vision deficiencies), interpolated linearly.
ImU32 viridis(float t)
{
    static const unsigned rgb[9] = {0x440154, 0x482878, 0x3e4a89, 0x31688e, 0x26828e,
                                    0x1f9e89, 0x35b779, 0x6ece58, 0xfde725};
    t = std::clamp(t, 0.0f, 1.0f) * 8.0f;
    const int i = std::min(int(t), 7);
    const float f = t - float(i);
    const auto channel = [&](int shift)
    {
        const float a = float((rgb[i] >> shift) & 255), b = float((rgb[i + 1] >> shift) & 255);
        return int(a + (b - a) * f + 0.5f);
    };
    return IM_COL32(channel(16), channel(8), channel(0), 255);
}

const ImU32 diverged_color = IM_COL32(120, 20, 30, 255);
const ImU32 slow_color = IM_COL32(70, 70, 70, 255);  // finite, but not within max_steps

// Fast is bright: 1 step is yellow, max_steps is dark purple (log scale).
ImU32 cell_color(const MomentumMapCell& c, const MomentumMapSpec& spec)
{
    if (c.diverged)
        return diverged_color;
    if (c.steps < 0)
        return slow_color;
    const double t = std::log(double(std::max<std::int64_t>(c.steps, 1))) /
                     std::log(double(spec.max_steps));
    return viridis(float(1.0 - t));
}

// Computes cells until about 6 ms of this frame are spent (at least one; a cell is up to 1000
// steps, under a millisecond): the page keeps drawing while the 41 x 34 runs go on. A cell is
// the engine's row of a one-column grid at its LR (log_spaced gives lr_min itself for one value),
// so it is the same run momentum_map_row makes.
void compute_some(AppState& app)
{
    MomentumMapCache& m = app.momentum_map;
    const std::vector<double> lrs = momentum_map_lrs(m.spec);
    const double start = web_now_ms();
    while (!m.complete())
    {
        if (m.rows.empty() || int(m.rows.back().size()) == m.spec.lr_count)
            m.rows.emplace_back();
        MomentumMapSpec one = m.spec;
        one.lr_min = one.lr_max = lrs[m.rows.back().size()];
        one.lr_count = 1;
        m.rows.back().push_back(momentum_map_row(one, int(m.rows.size()) - 1)[0]);
        if (web_now_ms() - start > 6.0)
            break;
    }
    const double spent = web_now_ms() - start;
    m.compute_ms += spent;
    m.max_frame_ms = std::max(m.max_frame_ms, spent);
    ++m.frames;
}

std::string cell_text(const MomentumMapCell& c, const MomentumMapSpec& spec)
{
    char buf[160];
    if (c.diverged)
        std::snprintf(buf, sizeof buf, "lr %.3g, momentum %.3g: diverged", c.lr, c.momentum);
    else if (c.steps < 0)
        std::snprintf(buf, sizeof buf, "lr %.3g, momentum %.3g: not within %lld steps", c.lr,
                      c.momentum, static_cast<long long>(spec.max_steps));
    else
        std::snprintf(buf, sizeof buf,
                      "lr %.3g, momentum %.3g: %lld steps to 1e-6 of the start loss",
                      c.lr, c.momentum, static_cast<long long>(c.steps));
    return buf;
}

struct Plot
{
    ImVec2 p0, p1;  // the cells' rectangle
    int cols, rows;
    float cw() const { return (p1.x - p0.x) / float(cols); }
    float ch() const { return (p1.y - p0.y) / float(rows); }
    // Pixel of a grid coordinate: column c, row r (cell centres at integers; row 0 at the bottom).
    ImVec2 at(double c, double r) const
    {
        return {p0.x + float(c + 0.5) * cw(), p1.y - float(r + 0.5) * ch()};
    }
};

double lr_column(const MomentumMapSpec& s, double lr)
{
    return (std::log(lr) - std::log(s.lr_min)) / (std::log(s.lr_max) - std::log(s.lr_min)) *
           (s.lr_count - 1);
}

double momentum_row(const MomentumMapSpec& s, double m)
{
    return m / s.momentum_max * (s.momentum_count - 1);
}

void draw_cells(ImDrawList* dl, const Plot& p, const MomentumMapCache& m)
{
    for (std::size_t r = 0; r < m.rows.size(); ++r)
        for (std::size_t c = 0; c < m.rows[r].size(); ++c)
        {
            const ImVec2 a{p.p0.x + float(c) * p.cw(), p.p1.y - float(r + 1) * p.ch()};
            dl->AddRectFilled(a, {a.x + p.cw() + 0.5f, a.y + p.ch() + 0.5f},
                              cell_color(m.rows[r][c], m.spec));
        }
}

// lr = 2 (1 + momentum) / L, over the momentum axis.
void draw_boundary(ImDrawList* dl, const Plot& p, const MomentumMapSpec& s)
{
    ImVec2 pts[65];
    for (int i = 0; i <= 64; ++i)
    {
        const double mom = s.momentum_max * i / 64.0;
        const double lr = heavy_ball_lr_limit(mom, momentum_map_curvature);
        pts[i] = p.at(lr_column(s, lr), momentum_row(s, mom));
    }
    dl->PushClipRect(p.p0, p.p1, true);
    dl->AddPolyline(pts, 65, IM_COL32(0, 0, 0, 200), 0, 4.0f);
    dl->AddPolyline(pts, 65, IM_COL32(255, 255, 255, 255), 0, 2.0f);
    dl->PopClipRect();
}

void draw_axes(ImDrawList* dl, const Plot& p, const MomentumMapSpec& s)
{
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const float fs = ImGui::GetFontSize();
    char buf[32];
    for (double lr : {0.001, 0.01, 0.1, 1.0})
    {
        const float x = p.at(lr_column(s, lr), 0).x;
        dl->AddLine({x, p.p1.y}, {x, p.p1.y + fs * 0.3f}, text);
        std::snprintf(buf, sizeof buf, "%g", lr);
        dl->AddText({x - ImGui::CalcTextSize(buf).x * 0.5f, p.p1.y + fs * 0.35f}, text, buf);
    }
    const char* xlabel = "lr (log scale)";
    dl->AddText({(p.p0.x + p.p1.x - ImGui::CalcTextSize(xlabel).x) * 0.5f, p.p1.y + fs * 1.4f},
                text, xlabel);
    for (double mom : {0.0, 0.25, 0.5, 0.75, 0.99})
    {
        const float y = p.at(0, momentum_row(s, mom)).y;
        dl->AddLine({p.p0.x - fs * 0.3f, y}, {p.p0.x, y}, text);
        std::snprintf(buf, sizeof buf, "%g", mom);
        dl->AddText({p.p0.x - fs * 0.4f - ImGui::CalcTextSize(buf).x, y - fs * 0.5f}, text, buf);
    }
    dl->AddText({p.p0.x - fs * 4.2f, p.p0.y - fs * 1.3f}, text, "momentum");
}

// Vertical, fast (1 step) at the top; then the two swatches for the cells without a count.
void draw_colorbar(ImDrawList* dl, ImVec2 a, ImVec2 b, const MomentumMapSpec& s)
{
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const float fs = ImGui::GetFontSize();
    const int n = 48;
    for (int i = 0; i < n; ++i)
    {
        const float y0 = a.y + (b.y - a.y) * float(i) / n;
        const float y1 = a.y + (b.y - a.y) * float(i + 1) / n;
        dl->AddRectFilled({a.x, y0}, {b.x, y1 + 0.5f}, viridis(1.0f - (i + 0.5f) / n));
    }
    char buf[32];
    for (double steps = 1; steps <= double(s.max_steps); steps *= 10)
    {
        const float t = float(std::log(steps) / std::log(double(s.max_steps)));
        const float y = a.y + (b.y - a.y) * t;
        std::snprintf(buf, sizeof buf, "%g", steps);
        dl->AddText({b.x + fs * 0.3f, y - fs * 0.5f}, text, buf);
    }
    dl->AddText({a.x - fs * 0.2f, a.y - fs * 1.3f}, text, "steps");
    dl->AddRectFilled({a.x, b.y + fs * 0.6f}, {b.x, b.y + fs * 1.4f}, slow_color);
    dl->AddText({b.x + fs * 0.3f, b.y + fs * 0.5f}, text, "slower");
    dl->AddRectFilled({a.x, b.y + fs * 1.8f}, {b.x, b.y + fs * 2.6f}, diverged_color);
    dl->AddText({b.x + fs * 0.3f, b.y + fs * 1.7f}, text, "diverged");
}

// The selected run becomes heavy-ball SGD at the cell: a new optimizer type starts from its
// defaults (apply_edits), so nesterov, dampening and weight decay are PyTorch's 0.
void set_selected_run(AppState& app, const MomentumMapCell& c);

// In the landscape view the map sets the landscape's run (the selected one, else the first):
// the surface config is edited as JSON and revalidated, as the landscape's own settings do
// (landscape_settings.cpp), and restarts from step 0.
void set_landscape_run(AppState& app, const MomentumMapCell& c)
{
    const SurfaceConfig& sc = app.landscape.config;
    if (sc.runs.empty())
        return;
    std::size_t run = std::size_t(std::max(0, app.ui.selected_run));
    if (run >= sc.runs.size())
        run = 0;
    nlohmann::json j = to_json(sc);
    j["runs"][run]["optimizer"] = {{"type", "sgd"}, {"lr", c.lr}, {"momentum", c.momentum}};
    app.ui.errors = landscape_set_config(app, j);
    if (!app.ui.errors.empty())
        return;
    app.ui.lesson.clear();
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "%s: optimizer set to sgd, lr %.3g, momentum %.3g (from the map)",
                  sc.runs[run].name.c_str(), c.lr, c.momentum);
    app.ui.status = buf;
    show_toast(app, buf);
}

void set_selected_run(AppState& app, const MomentumMapCell& c)
{
    if (app.landscape.active)
        return set_landscape_run(app, c);
    const std::size_t run = std::size_t(std::max(0, app.ui.selected_run));
    if (run >= app.config().runs.size())
        return;
    const std::string base = "runs[" + std::to_string(run) + "].optimizer";
    set_pending(app, base + ".type", "sgd");
    set_pending(app, base + ".lr", c.lr);
    set_pending(app, base + ".momentum", c.momentum);
    commit_run_edits(app);
    if (!app.ui.errors.empty())
        return;
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "%s: optimizer set to sgd, lr %.3g, momentum %.3g (from the map)",
                  app.config().runs[run].name.c_str(), c.lr, c.momentum);
    app.ui.status = buf;
    show_toast(app, buf);
}

}  // namespace

void panel_momentum_map(AppState& app)
{
    MomentumMapCache& m = app.momentum_map;
    const MomentumMapSpec& s = m.spec;
    if (!m.complete())
        compute_some(app);
    ImGui::TextUnformatted("step size x momentum: heavy-ball SGD on 0.5(x^2 + 10y^2), steps to "
                           "1e-6 of the start loss; white: the analytic limit lr = 2(1+m)/L");
    char status[240];
    if (m.complete())
        std::snprintf(status, sizeof status, "computed by the engine: %d x %d runs of up to %lld "
                      "steps in %.0f ms over %d frames (at most %.1f ms a frame); click a cell to "
                      "set the selected run to it",
                      s.lr_count, s.momentum_count, static_cast<long long>(s.max_steps),
                      m.compute_ms, m.frames, m.max_frame_ms);
    else
        std::snprintf(status, sizeof status, "computing: cell %d of %d (%.0f ms so far)",
                      m.cells(), s.lr_count * s.momentum_count, m.compute_ms);
    ImGui::TextDisabled("%s", status);
    publish_text(app, "momentum-map-status", status);

    const float fs = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 size{width, std::clamp(width * 0.55f, fs * 14, fs * 26)};
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("momentum-map", size);
    const bool hovered = ImGui::IsItemHovered(), clicked = ImGui::IsItemClicked();
    Plot p;
    p.cols = s.lr_count;
    p.rows = s.momentum_count;
    p.p0 = {origin.x + fs * 4.5f, origin.y + fs * 1.5f};
    p.p1 = {origin.x + size.x - fs * 7.0f, origin.y + size.y - fs * 2.8f};
    app.ui.widgets.push_back({"momentum-map:cells", p.p0.x, p.p0.y, p.p1.x, p.p1.y});

    ImDrawList* dl = ImGui::GetWindowDrawList();
    draw_cells(dl, p, m);
    draw_boundary(dl, p, s);
    draw_axes(dl, p, s);
    draw_colorbar(dl, {p.p1.x + fs * 1.0f, p.p0.y}, {p.p1.x + fs * 2.0f, p.p1.y - fs * 3.0f}, s);

    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const int col = int(std::floor((mouse.x - p.p0.x) / p.cw()));
    const int row = int(std::floor((p.p1.y - mouse.y) / p.ch()));
    if (!hovered || col < 0 || row < 0 || row >= int(m.rows.size()) ||
        col >= int(m.rows[std::size_t(row)].size()))
        return;
    const MomentumMapCell& c = m.rows[std::size_t(row)][std::size_t(col)];
    const ImVec2 a{p.p0.x + float(col) * p.cw(), p.p1.y - float(row + 1) * p.ch()};
    dl->AddRect(a, {a.x + p.cw(), a.y + p.ch()}, IM_COL32(255, 255, 255, 255), 0, 0, 2.0f);
    tooltip(app, cell_text(c, s));
    publish_text(app, "momentum-map-hover", cell_text(c, s));
    if (clicked)
        set_selected_run(app, c);
}

}  // namespace lrlab
