// Decision boundaries: one small multiple per run — the heatmap of the model's output over the
// input plane with the points on top (gl_heatmap.cpp, gl_points.cpp), the run's name and loss.
// A diverged run says so instead of showing a broken picture. Data without a plane (not 2
// inputs) say why there is no map and show the test set's confusion matrix (classification)
// or its predicted against true values (regression) instead: never an empty tile.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "app/colors.hpp"
#include "app/panels.hpp"
#include "app/widgets.hpp"

namespace lrlab
{

namespace
{

void diverged_tile(const Run& run, ImVec2 p0, float side)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, {p0.x + side, p0.y + side}, IM_COL32(60, 30, 30, 255));
    const std::vector<MetricsRow>& h = run.history();
    const double loss = h.empty() ? NAN : h.back().train_loss;
    char text[128];
    std::snprintf(text, sizeof text, "diverged at step %lld \xE2\x80\x94 loss became %s; LR too large?",
                  static_cast<long long>(run.diverged_at()), std::isnan(loss) ? "nan" : "inf");
    ImGui::SetCursorScreenPos({p0.x + 6, p0.y + side * 0.3f});
    ImGui::PushTextWrapPos(p0.x + side - 6 - ImGui::GetWindowPos().x);
    ImGui::TextColored({1.0f, 0.7f, 0.7f, 1.0f}, "%s", text);
    ImGui::PopTextWrapPos();
}

// Rows are the true class, columns the predicted one, each labelled with its number (the
// matrix alone did not say which row was which).
void confusion_tile(const RunGrid& g, int k, ImVec2 p0, float side)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if ((int)g.confusion.size() != k * k)
        return;
    const float margin = ImGui::GetFontSize() * 0.9f;
    const float cell = (side - margin) / float(k);
    const ImVec2 m0{p0.x + margin, p0.y + margin};
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    char digit[4];
    for (int t = 0; t < k; ++t)
    {
        std::snprintf(digit, sizeof digit, "%d", t);
        const ImVec2 ts = ImGui::CalcTextSize(digit);
        dl->AddText({p0.x + (margin - ts.x) * 0.5f, m0.y + t * cell + (cell - ts.y) * 0.5f}, text,
                    digit);  // true digit, left of its row
        dl->AddText({m0.x + t * cell + (cell - ts.x) * 0.5f, p0.y + (margin - ts.y) * 0.5f}, text,
                    digit);  // predicted digit, above its column
        int total = 0;
        for (int p = 0; p < k; ++p)
            total += g.confusion[std::size_t(t * k + p)];
        for (int p = 0; p < k; ++p)
        {
            const float f = total ? float(g.confusion[std::size_t(t * k + p)]) / float(total) : 0;
            const ImU32 c = t == p ? ImGui::ColorConvertFloat4ToU32({0.03f, 0.47f, 0.74f, 0.1f + 0.9f * f})
                                   : ImGui::ColorConvertFloat4ToU32({0.96f, 0.58f, 0.13f, f});
            const ImVec2 a{m0.x + p * cell, m0.y + t * cell};
            dl->AddRectFilled(a, {a.x + cell - 1, a.y + cell - 1}, c);
        }
    }
}

// Regression without a plane: each shown test point at (true, predicted) on the same axes, the
// diagonal where they agree; a prediction off the axes is drawn at its edge, so a run that is
// far off still shows its points.
void fit_tile(const BoundaryGrids& g, const RunGrid& r, std::size_t run, ImVec2 p0, float side)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p1{p0.x + side, p0.y + side};
    dl->AddRectFilled(p0, p1, IM_COL32(248, 248, 248, 255));
    dl->AddLine({p0.x, p1.y}, {p1.x, p0.y}, IM_COL32(170, 170, 170, 255));
    const double span = g.fit_hi - g.fit_lo;
    const auto at = [&](float v) {
        return float(std::clamp((double(v) - g.fit_lo) / span, 0.0, 1.0)) * side;
    };
    const ImU32 c = run_color(run);
    for (std::size_t k = 0; k + 1 < r.fit.size(); k += 2)
    {
        if (!std::isfinite(r.fit[k + 1]))
            continue;
        const float x = p0.x + at(r.fit[k]), y = p1.y - at(r.fit[k + 1]);
        dl->AddRectFilled({x - 1.5f, y - 1.5f}, {x + 1.5f, y + 1.5f}, c);
    }
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const float fs = ImGui::GetFontSize();
    dl->AddText({p1.x - ImGui::CalcTextSize("true").x - 3, p1.y - fs - 2}, text, "true");
    dl->AddText({p0.x + 3, p0.y + 2}, text, "predicted");
    char range[64];
    std::snprintf(range, sizeof range, "%.3g .. %.3g", g.fit_lo, g.fit_hi);
    dl->AddText({p0.x + 3, p1.y - fs - 2}, text, range);
}

// A tile whose picture is not computed yet (the grids follow one run a frame while playing).
void waiting_tile(ImVec2 p0, float side)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, {p0.x + side, p0.y + side}, IM_COL32(240, 240, 240, 255));
    dl->AddText({p0.x + 6, p0.y + side * 0.45f}, ImGui::GetColorU32(ImGuiCol_TextDisabled),
                "computing...");
}

// The run's name and its latest test loss, labelled; shorter spellings when the tile is narrow.
void tile_caption(const std::string& name, const std::vector<MetricsRow>& h, bool diverged,
                  float side)
{
    if (h.empty() || diverged)
    {
        ImGui::TextUnformatted(name.c_str());
        return;
    }
    char text[160];
    for (const char* label : {"test loss", "loss"})
    {
        std::snprintf(text, sizeof text, "%s  %s %.3g", name.c_str(), label, h.back().test_loss);
        if (ImGui::CalcTextSize(text).x <= side - ImGui::GetFontSize())
        {
            ImGui::TextUnformatted(text);
            return;
        }
    }
    ImGui::TextUnformatted(name.c_str());  // the tooltip has the losses
}

void tile(AppState& app, std::size_t i, float side)
{
    const Experiment& e = *app.experiment;
    const Run& run = e.run(i);
    ImGui::BeginGroup();
    ImGui::ColorButton("##color", ImGui::ColorConvertU32ToFloat4(run_color(i)),
                       ImGuiColorEditFlags_NoTooltip, {ImGui::GetFontSize() * 0.8f,
                                                       ImGui::GetFontSize() * 0.8f});
    ImGui::SameLine(0, 4);
    const std::vector<MetricsRow>& h = run.history();
    tile_caption(e.config().runs[i].name, h, run.diverged(), side);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::Dummy({side, side});
    publish_item(app, "boundary:" + std::to_string(i));
    if (app.grids.planar)
        draw_on_square(app, p0, side);  // draw mode (my_data.hpp)
    const ImVec2 end = ImGui::GetCursorScreenPos();
    const BoundaryGrids& g = app.grids;
    // Values of this config only: right after a rebuild, a tile not yet recomputed would show
    // the previous data's picture (or nothing, when the matrix changed size).
    const bool have = i < g.runs.size() && g.runs[i].step >= 0 && g.runs[i].version == g.version;
    const char* shown = "computing";
    if (run.diverged())
    {
        diverged_tile(run, p0, side);
        shown = "diverged";
    }
    else if (!have)
        waiting_tile(p0, side);
    else if (g.view == GridView::confusion)
    {
        confusion_tile(g.runs[i], int(std::sqrt(double(g.runs[i].confusion.size()))), p0, side);
        shown = "confusion";
    }
    else if (g.view == GridView::fit)
    {
        fit_tile(g, g.runs[i], i, p0, side);
        shown = "fit";
    }
    else if (i < app.heatmaps.slots.size() && app.heatmaps.slots[i].color)
    {
        ImGui::GetWindowDrawList()->AddImage(
            reinterpret_cast<ImTextureID>(static_cast<intptr_t>(app.heatmaps.slots[i].color)), p0,
            {p0.x + side, p0.y + side}, {0, 1}, {1, 0});  // FBO textures are upside down
        // The points are in the texture (gl_points.cpp): drawing them here every frame cost
        // most of the UI's time.
        shown = "map";
    }
    else
        waiting_tile(p0, side);
    publish_text(app, "boundary-tile:" + std::to_string(i), shown);
    if (app.my_data.drawing && app.grids.planar)
        draw_draft_points(app, p0, side);
    ImGui::SetCursorScreenPos(end);
    ImGui::EndGroup();
    if (ImGui::IsItemHovered() && !run.diverged() && !h.empty())
    {
        ImGui::BeginTooltip();
        ImGui::Text("%s at step %lld", e.config().runs[i].name.c_str(),
                    static_cast<long long>(h.back().step));
        ImGui::Text("train loss %.4g, test loss %.4g", h.back().train_loss, h.back().test_loss);
        if (h.back().has_accuracy)
            ImGui::Text("train acc %.3f, test acc %.3f", h.back().train_acc, h.back().test_acc);
        ImGui::EndTooltip();
    }
}

// What the tiles show, and for data without a plane why: one line, wrapped on a narrow page.
std::string panel_title(const AppState& app)
{
    const BoundaryGrids& g = app.grids;
    const bool regression = app.experiment->dataset().task == TaskKind::regression;
    if (g.view == GridView::plane)
        return regression ? "Predicted value over the plane (orange < 0 < blue)"
                          : "Decision boundaries (model output over the input plane)";
    const std::string has = std::to_string(g.raw_inputs) +
                            (g.raw_inputs == 1 ? " input" : " inputs");
    if (g.view == GridView::fit)
        return "No map of the predicted value: it needs 2 inputs, this data has " + has +
               ". Predicted against true value on the test set (the diagonal is exact):";
    return "No decision boundaries: they need 2 inputs, this data has " + has +
           ". Confusion matrices of the test set (rows: true class, columns: predicted):";
}

const char* view_name(GridView v)
{
    return v == GridView::plane ? "plane" : v == GridView::fit ? "fit" : "confusion";
}

}  // namespace

void panel_boundaries(AppState& app)
{
    const Experiment& e = *app.experiment;
    const std::string title = panel_title(app);
    const bool plane = app.grids.view == GridView::plane;
    const ImGuiStyle& st = ImGui::GetStyle();
    const char* box = "test points";  // the points are drawn on the plane only
    const float box_w = ImGui::GetFrameHeight() + st.ItemInnerSpacing.x + ImGui::CalcTextSize(box).x;
    // On a phone the title and the checkbox do not fit one line: the checkbox went off screen.
    const bool one_line = plane && ImGui::CalcTextSize(title.c_str()).x + st.ItemSpacing.x +
                                           box_w <= ImGui::GetContentRegionAvail().x;
    if (one_line)
        ImGui::TextUnformatted(title.c_str());
    else
        ImGui::TextWrapped("%s", title.c_str());
    publish_text(app, "boundaries", std::string(view_name(app.grids.view)) + ": " + title);
    if (plane)
    {
        if (one_line)
            ImGui::SameLine();
        ImGui::Checkbox(box, &app.ui.show_test_points);
        publish_item(app, "show-test-points");
    }
    const float fs = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const std::size_t n = e.size();
    // As many per row as fit at >= 9 font heights, at most 4 (two rows for 8 runs).
    int cols = std::max(1, std::min<int>(int(n), int((avail + gap) / (fs * 9 + gap))));
    cols = std::min(cols, n > 4 ? int((n + 1) / 2) : int(n));
    const float side = std::min(fs * 16, (avail - gap * float(cols - 1)) / float(cols));
    // One texel per framebuffer pixel (ImGui works in framebuffer pixels here): crisp points.
    app.heatmaps.size = std::max(16, int(std::lround(side)));
    for (std::size_t i = 0; i < n; ++i)
    {
        if (i % std::size_t(cols) != 0)
            ImGui::SameLine();
        ImGui::PushID(int(i));
        tile(app, i, side);
        ImGui::PopID();
    }
}

}  // namespace lrlab
