// The landscape map (landscape_view.hpp). Sections: [Colours] [Marks] [Pointer] [Panel]
#include "app/landscape_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/colors.hpp"
#include "app/input_queue.hpp"
#include "app/landscape_state.hpp"
#include "app/panels.hpp"
#include "app/tuning_controls.hpp"
#include "app/widgets.hpp"
#include "core/surface/functions.hpp"

namespace lrlab
{

namespace
{

// ---- [Colours] -------------------------------------------------------------------------------

constexpr float kLevels = 14.0f;  // contour bands over the log range (the shader's u_levels)

// shaders/landscape_fs.glsl's palette, for the colorbar.
ImU32 palette(float t)
{
    static const float c[5][3] = {{0.05f, 0.03f, 0.25f}, {0.15f, 0.23f, 0.55f},
                                  {0.10f, 0.52f, 0.55f}, {0.42f, 0.76f, 0.36f},
                                  {0.98f, 0.90f, 0.40f}};
    t = std::clamp(t, 0.0f, 1.0f) * 4.0f;
    const int k = std::min(int(t), 3);
    const float f = t - float(k);
    return ImGui::ColorConvertFloat4ToU32({c[k][0] + (c[k + 1][0] - c[k][0]) * f,
                                           c[k][1] + (c[k + 1][1] - c[k][1]) * f,
                                           c[k][2] + (c[k + 1][2] - c[k][2]) * f, 1.0f});
}

// The value at log-scale position t (the shader's mapping, inverted).
double value_at_t(const LandscapeRange& r, double t)
{
    const double span = r.hi - r.lo, delta = span * 1e-3;
    return r.lo + delta * (std::pow(1.0 + span / delta, t) - 1.0);
}

// The colorbar's label at band edge k (every second one is labelled), its exponent short
// ("2.51e3", not "2.51e+03"): the labels must fit a phone's narrow column.
void colorbar_label(const LandscapeRange& r, int k, char (&label)[32])
{
    char full[32];
    std::snprintf(full, sizeof full, "%.3g", value_at_t(r, double(k) / kLevels));
    const char* e = std::strchr(full, 'e');
    if (!e)
    {
        std::snprintf(label, sizeof label, "%s", full);
        return;
    }
    const int exponent = std::atoi(e + 1);
    std::snprintf(label, sizeof label, "%.*se%d", int(e - full), full, exponent);
}

float colorbar_bar() { return ImGui::GetFontSize() * 0.9f; }
float colorbar_gap() { return ImGui::GetFontSize() * 0.3f; }

// The bar and room for its widest possible label: the same for every view, else the map's
// width would change as a zoom changes the labels (and a pinch's midpoint would not stay put).
float colorbar_width()
{
    return ImGui::GetFontSize() * 0.5f + colorbar_bar() + colorbar_gap() +
           ImGui::CalcTextSize("-8.88e-88").x;
}

void colorbar(AppState& app, const LandscapeRange& r, ImVec2 p0, ImVec2 p1)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float bar = colorbar_bar();
    const int bands = int(kLevels);
    for (int k = 0; k < bands; ++k)
    {
        const float y1 = p1.y - (p1.y - p0.y) * float(k) / bands;
        const float y0 = p1.y - (p1.y - p0.y) * float(k + 1) / bands;
        dl->AddRectFilled({p0.x, y0}, {p0.x + bar, y1}, palette((k + 0.5f) / bands));
    }
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    for (int k = 0; k <= bands; k += 2)
    {
        const float y = p1.y - (p1.y - p0.y) * float(k) / bands;
        char label[32];
        colorbar_label(r, k, label);
        // The tick sits inside the bar: outside, before the number, it read as a minus sign.
        dl->AddLine({p0.x + bar * 0.5f, y}, {p0.x + bar, y}, IM_COL32(0, 0, 0, 255), 2.0f);
        dl->AddText({p0.x + bar + colorbar_gap(), y - ImGui::GetFontSize() * 0.5f}, text, label);
    }
    ImGui::SetCursorScreenPos(p0);
    ImGui::Dummy({p1.x - p0.x, p1.y - p0.y});
    publish_item(app, "landscape-colorbar");
    tooltip("f(x, y), log-scaled: each band spans the same ratio of f - lowest value.");
}

// ---- [Marks] ---------------------------------------------------------------------------------

void minima_marks(const LandscapeState& s, const MapFrame& f)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = ImGui::GetFontSize() * 0.35f;
    for (const SurfaceMinimum& m : s.minima)
    {
        const ImVec2 p = f.to_screen(m.x, m.y);
        if (m.global)
        {
            const ImVec2 d[4] = {{p.x, p.y - r * 1.6f}, {p.x + r * 1.6f, p.y},
                                 {p.x, p.y + r * 1.6f}, {p.x - r * 1.6f, p.y}};
            dl->AddQuadFilled(d[0], d[1], d[2], d[3], IM_COL32(255, 255, 255, 230));
            dl->AddQuad(d[0], d[1], d[2], d[3], IM_COL32(0, 0, 0, 255), 1.5f);
        }
        else
            dl->AddCircle(p, r, IM_COL32(255, 255, 255, 210), 12, 1.5f);
    }
}

bool finite_xy(const SurfaceRow& r) { return std::isfinite(r.x) && std::isfinite(r.y); }

// Within the map widened by its own size on every side: a segment between two such points
// crosses the view only where the run really went.
bool near_view(const ImVec2& p, const MapFrame& f)
{
    const float w = f.p1.x - f.p0.x, h = f.p1.y - f.p0.y;
    return p.x >= f.p0.x - w && p.x <= f.p1.x + w && p.y >= f.p0.y - h && p.y <= f.p1.y + h;
}

// A run's path up to the current step, with a dark edge so it reads on any band; lines break
// at non-finite points. Long paths are thinned to about 4000 points (every point stays
// reachable by hover, which reads the rows).
void trajectory(const std::vector<SurfaceRow>& rows, ImU32 color, const MapFrame& f)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::size_t stride = std::max<std::size_t>(1, rows.size() / 4000);
    std::vector<ImVec2> pts;
    const auto flush = [&]
    {
        if (pts.size() >= 2)
        {
            dl->AddPolyline(pts.data(), int(pts.size()), IM_COL32(0, 0, 0, 200), 0, 4.0f);
            dl->AddPolyline(pts.data(), int(pts.size()), color, 0, 2.0f);
        }
        pts.clear();
    };
    for (std::size_t k = 0; k < rows.size(); k += stride)
    {
        if (!finite_xy(rows[k]))
        {
            flush();
            continue;
        }
        const ImVec2 p = f.to_screen(rows[k].x, rows[k].y);
        // A point more than a map's size outside the view breaks the line: clamping it to a
        // margin (as before) bent a diverging run's jumps into strokes across the view.
        if (!near_view(p, f))
        {
            flush();
            continue;
        }
        pts.push_back(p);
    }
    if (stride > 1 && finite_xy(rows.back()) &&
        near_view(f.to_screen(rows.back().x, rows.back().y), f))
        pts.push_back(f.to_screen(rows.back().x, rows.back().y));
    flush();
}

// The last finite point of a diverged run: a red cross and "diverged at step k".
void diverged_mark(AppState& app, const std::vector<SurfaceRow>& rows, std::int64_t at,
                   std::size_t run, const MapFrame& f)
{
    const SurfaceRow* last = nullptr;
    for (const SurfaceRow& r : rows)
        if (finite_xy(r) && std::isfinite(r.loss))
            last = &r;
    if (!last)
        return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = f.to_screen(last->x, last->y);
    p.x = std::clamp(p.x, f.p0.x + 8, f.p1.x - 8);  // off the map: at its edge, still seen
    p.y = std::clamp(p.y, f.p0.y + 8, f.p1.y - 8);
    const float r = ImGui::GetFontSize() * 0.5f;
    dl->AddCircleFilled(p, r * 1.3f, IM_COL32(0, 0, 0, 220));
    dl->AddLine({p.x - r, p.y - r}, {p.x + r, p.y + r}, IM_COL32(255, 70, 70, 255), 3.0f);
    dl->AddLine({p.x - r, p.y + r}, {p.x + r, p.y - r}, IM_COL32(255, 70, 70, 255), 3.0f);
    char text[96];
    std::snprintf(text, sizeof text, "diverged at step %lld", static_cast<long long>(at));
    const ImVec2 ts = ImGui::CalcTextSize(text);
    const float tx = std::clamp(p.x + r * 1.6f, f.p0.x, f.p1.x - ts.x);
    dl->AddRectFilled({tx - 2, p.y - ts.y * 0.5f - 1}, {tx + ts.x + 2, p.y + ts.y * 0.5f + 1},
                      IM_COL32(0, 0, 0, 190));
    dl->AddText({tx, p.y - ts.y * 0.5f}, run_color(run), text);
    app.ui.widgets.push_back({"landscape-diverged:" + app.landscape.config.runs[run].name,
                              p.x - r, p.y - r, p.x + r, p.y + r});
}

void run_marks(AppState& app, const MapFrame& f)
{
    const LandscapeState& s = app.landscape;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 start = f.to_screen(s.config.start[0], s.config.start[1]);
    dl->AddCircle(start, ImGui::GetFontSize() * 0.45f, IM_COL32(255, 255, 255, 255), 16, 2.0f);
    app.ui.widgets.push_back({"landscape-start", start.x - 4, start.y - 4, start.x + 4,
                              start.y + 4});
    for (std::size_t i = 0; i < s.rows.size(); ++i)
        trajectory(s.rows[i], run_color(i), f);
    for (std::size_t i = 0; i < s.rows.size(); ++i)
    {
        if (s.diverged_at[i] >= 0)
        {
            diverged_mark(app, s.rows[i], s.diverged_at[i], i, f);
            continue;
        }
        const SurfaceRow& r = s.rows[i].back();
        const ImVec2 p = f.to_screen(r.x, r.y);
        dl->AddCircleFilled(p, ImGui::GetFontSize() * 0.4f, run_color(i));
        dl->AddCircle(p, ImGui::GetFontSize() * 0.4f, IM_COL32(0, 0, 0, 255), 12, 1.5f);
        app.ui.widgets.push_back({"landscape-point:" + s.config.runs[i].name, p.x - 3, p.y - 3,
                                  p.x + 3, p.y + 3});
    }
}

// ---- [Pointer] -------------------------------------------------------------------------------

// A number rounded to what a pixel of a window `span` wide can tell apart, so that the URL
// holds 0.125, not 0.12499999999999997.
double rounded(double v, double span, int extra_digits)
{
    const int digits = std::clamp(extra_digits - int(std::floor(std::log10(span))), 0, 12);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return std::strtod(buf, nullptr);
}

void zoom(AppState& app, const MapFrame& f, ImVec2 at, float wheel)
{
    double cx = 0, cy = 0;
    f.to_world(at, cx, cy);
    const double k = std::pow(0.85, double(wheel));
    const SurfaceConfig& c = app.landscape.config;
    const auto axis = [&](const std::array<double, 2>& v, double centre)
    {
        const double lo = centre - (centre - v[0]) * k, hi = centre + (v[1] - centre) * k;
        return std::array<double, 2>{rounded(lo, hi - lo, 4), rounded(hi, hi - lo, 4)};
    };
    landscape_set_view(app, axis(c.view_x, cx), axis(c.view_y, cy));
}

void pan(AppState& app, const MapFrame& f, ImVec2 delta)
{
    const SurfaceConfig& c = app.landscape.config;
    const double dx = -delta.x / double(f.p1.x - f.p0.x) * (c.view_x[1] - c.view_x[0]);
    const double dy = delta.y / double(f.p1.y - f.p0.y) * (c.view_y[1] - c.view_y[0]);
    const double sx = c.view_x[1] - c.view_x[0], sy = c.view_y[1] - c.view_y[0];
    landscape_set_view(app, {rounded(c.view_x[0] + dx, sx, 4), rounded(c.view_x[1] + dx, sx, 4)},
                       {rounded(c.view_y[0] + dy, sy, 4), rounded(c.view_y[1] + dy, sy, 4)});
}

// Two fingers: the world point under the pinch's start goes to where the fingers' midpoint is
// now, and the view shrinks by the ratio their distance grew (both axes alike, so the map keeps
// its shape).
void pinch_zoom(AppState& app, const MapFrame& f, const Pinch& p)
{
    if (!(p.scale > 0.0f) || !std::isfinite(p.scale))
        return;
    double wx = 0, wy = 0;
    f.to_world({p.from_x, p.from_y}, wx, wy);
    const SurfaceConfig& c = app.landscape.config;
    const double sx = (c.view_x[1] - c.view_x[0]) / p.scale;
    const double sy = (c.view_y[1] - c.view_y[0]) / p.scale;
    const double fx = (p.to_x - f.p0.x) / double(f.p1.x - f.p0.x);
    const double fy = (f.p1.y - p.to_y) / double(f.p1.y - f.p0.y);
    const double x0 = wx - fx * sx, y0 = wy - fy * sy;
    landscape_set_view(app, {rounded(x0, sx, 4), rounded(x0 + sx, sx, 4)},
                       {rounded(y0, sy, 4), rounded(y0 + sy, sy, 4)});
}

void set_start(AppState& app, const MapFrame& f, ImVec2 at)
{
    double x = 0, y = 0;
    f.to_world(at, x, y);
    const SurfaceConfig& c = app.landscape.config;
    nlohmann::json j = to_minimal_json(c);
    j["start"] = {rounded(x, c.view_x[1] - c.view_x[0], 3),
                  rounded(y, c.view_y[1] - c.view_y[0], 3)};
    app.ui.lesson.clear();
    const std::vector<ConfigError> errors = landscape_set_config(app, j);
    app.ui.status = errors.empty() ? "start set: restarted from step 0" : errors[0].message;
}

// Drag pans, a press without a drag sets the start, the wheel zooms about the pointer. A touch
// drag pans the map too (the item claims it, so the page does not scroll); a pinch zooms it.
void pointer(AppState& app, const MapFrame& f)
{
    LandscapeState& s = app.landscape;
    const ImGuiIO& io = ImGui::GetIO();
    if (Pinch p; input_take_pinch(f.p0.x, f.p0.y, f.p1.x, f.p1.y, p))
        pinch_zoom(app, f, p);
    if (ImGui::IsItemHovered())
    {
        ImGui::SetItemUsingMouseWheel();
        if (io.MouseWheel != 0.0f)
            zoom(app, f, io.MousePos, io.MouseWheel);
    }
    if (ImGui::IsItemActivated())
    {
        ImGui::SetActiveIdUsingNavAndKeys();
        s.pressing = true;
        s.dragged = false;
        s.press_x = io.MousePos.x;
        s.press_y = io.MousePos.y;
    }
    if (ImGui::IsItemActive() && s.pressing)
    {
        if (std::hypot(io.MousePos.x - s.press_x, io.MousePos.y - s.press_y) > 4.0f)
            s.dragged = true;
        if (s.dragged && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f))
            pan(app, f, io.MouseDelta);
    }
    if (ImGui::IsItemDeactivated() && s.pressing)
    {
        s.pressing = false;
        // Let go with the pointer away (a second finger began a pinch, a touch was cancelled):
        // no click.
        const bool away = !ImGui::IsMousePosValid() ||
                          !ImRect(f.p0, f.p1).Contains(io.MousePos);
        if (!s.dragged && !away)
            set_start(app, f, {s.press_x, s.press_y});
    }
}

// The position and f there, and every run whose path passes within a few pixels: its step,
// point, loss and LR.
void hover(AppState& app, const MapFrame& f)
{
    if (!ImGui::IsItemHovered() || app.landscape.pressing)
        return;
    const LandscapeState& s = app.landscape;
    const ImVec2 m = ImGui::GetIO().MousePos;
    double x = 0, y = 0;
    f.to_world(m, x, y);
    std::string text;
    char line[256];
    std::snprintf(line, sizeof line, "x %.4g, y %.4g: f = %.5g", x, y,
                  double(surface_value(s.config.function, float(x), float(y))));
    text = line;
    const float near = ImGui::GetFontSize() * 0.8f;
    for (std::size_t i = 0; i < s.rows.size(); ++i)
    {
        const SurfaceRow* best = nullptr;
        float best_d = near;
        for (const SurfaceRow& r : s.rows[i])
        {
            if (!finite_xy(r))
                continue;
            const ImVec2 p = f.to_screen(r.x, r.y);
            const float d = std::hypot(p.x - m.x, p.y - m.y);
            if (d <= best_d)
                best_d = d, best = &r;
        }
        if (!best)
            continue;
        std::snprintf(line, sizeof line, "\n%s, step %lld: (%.4g, %.4g), loss %.5g, lr %.4g",
                      s.config.runs[i].name.c_str(), static_cast<long long>(best->step),
                      best->x, best->y, best->loss, best->lr);
        text += line;
    }
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(text.c_str());
    publish_text(app, "landscape-hover", text);
    ImGui::EndTooltip();
}

// ---- [Panel] ---------------------------------------------------------------------------------

// Icon, then text, wrapping to a new line where the row is full (a phone's width).
void legend_item(bool first, const char* text, const std::function<void(ImVec2)>& icon)
{
    const float fs = ImGui::GetFontSize();
    if (!first)
        same_line_if_room("", fs + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(text).x);
    icon(ImGui::GetCursorScreenPos());
    ImGui::Dummy({fs, fs});
    ImGui::SameLine();
    ImGui::TextUnformatted(text);
}

void map_legend(const LandscapeState& s)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float fs = ImGui::GetFontSize();
    legend_item(true, "global minimum", [&](ImVec2 p)
    {
        const ImVec2 c{p.x + fs * 0.5f, p.y + fs * 0.5f};
        dl->AddQuadFilled({c.x, c.y - fs * 0.4f}, {c.x + fs * 0.4f, c.y},
                          {c.x, c.y + fs * 0.4f}, {c.x - fs * 0.4f, c.y},
                          IM_COL32(255, 255, 255, 230));
    });
    char minima[64];
    std::snprintf(minima, sizeof minima, "local minima (%zu found in view)", s.minima.size());
    legend_item(false, minima, [&](ImVec2 p)
    {
        dl->AddCircle({p.x + fs * 0.5f, p.y + fs * 0.5f}, fs * 0.35f,
                      IM_COL32(255, 255, 255, 210), 12, 1.5f);
    });
    for (std::size_t i = 0; i < s.config.runs.size(); ++i)
    {
        const char* name = s.config.runs[i].name.c_str();
        same_line_if_room("", ImGui::CalcTextSize(name).x);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(run_color(i)), "%s", name);
    }
}

}  // namespace

void panel_landscape_map(AppState& app)
{
    LandscapeState& s = app.landscape;
    landscape_update_view_stats(s);
    const SurfaceConfig& c = s.config;
    const SurfaceInfo* info = find_surface(c.function);
    ImGui::TextWrapped("%s: f = %s", c.function.c_str(), info ? info->formula : "?");
    const float fs = ImGui::GetFontSize();
    const float bar_w = colorbar_width();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float w = std::max(fs * 8, avail - bar_w);
    const double aspect = std::clamp((c.view_y[1] - c.view_y[0]) / (c.view_x[1] - c.view_x[0]),
                                     0.4, 1.25);
    const float h = std::min(float(w * aspect), fs * 34);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 p1{p0.x + w, p0.y + h};
    ImGui::InvisibleButton("landscape-map", {w, h});
    publish_item(app, "landscape-map");
    const MapFrame f{p0, p1, c.view_x[0], c.view_x[1], c.view_y[0], c.view_y[1]};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (landscape_gl_draw(s.gl, c, s.range, kLevels, s.view_version, int(w), int(h)))
        dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(s.gl.texture)), p0, p1,
                     {0, 1}, {1, 0});
    else
        dl->AddText({p0.x + 8, p0.y + 8}, IM_COL32(255, 160, 160, 255),
                    "this function has no shader (shaders/landscape_fs.glsl)");
    dl->PushClipRect(p0, p1, true);
    minima_marks(s, f);
    run_marks(app, f);
    landscape_overlays(app, f);
    dl->PopClipRect();
    pointer(app, f);
    hover(app, f);
    const ImVec2 after = ImGui::GetCursorScreenPos();
    colorbar(app, s.range, {p1.x + fs * 0.5f, p0.y}, {p1.x + bar_w, p1.y});
    ImGui::SetCursorScreenPos(after);
    map_legend(s);
    ImGui::PushTextWrapPos(0.0f);  // a phone's column is narrower than this line
    ImGui::TextDisabled("drag: pan   wheel or pinch: zoom   click: set the start   step %lld / %lld",
                        static_cast<long long>(s.step), static_cast<long long>(c.steps));
    ImGui::PopTextWrapPos();
}

void landscape_views(AppState& app)
{
    panel_landscape_map(app);
    landscape_overlay_toggles(app);
    panel_landscape_charts(app);
    // Collapsed: the map costs a few ms a frame until computed, and only when opened.
    const bool open = ImGui::CollapsingHeader("Step size x momentum map (the quadratic)");
    publish_item(app, "landscape-momentum-map");
    if (open)
        panel_momentum_map(app);  // a click on a cell sets the landscape's run here
}

}  // namespace lrlab
