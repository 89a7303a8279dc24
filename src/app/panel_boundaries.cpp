// Decision boundaries: one small multiple per run — the heatmap of the model's output over the
// input plane with the points on top (gl_heatmap.cpp, gl_points.cpp), the run's name and loss.
// A diverged run says so instead of showing a broken picture; digits8x8 shows the test
// confusion matrix.
#include <algorithm>
#include <cmath>
#include <cstdio>

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

// Rows are the true digit, columns the predicted one, each labelled with its digit (the
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
    const bool have = i < app.grids.runs.size() && app.grids.runs[i].step >= 0;
    if (run.diverged())
        diverged_tile(run, p0, side);
    else if (have && !app.grids.planar)
        confusion_tile(app.grids.runs[i], e.dataset().classes, p0, side);
    else if (have && i < app.heatmaps.slots.size() && app.heatmaps.slots[i].color)
    {
        ImGui::GetWindowDrawList()->AddImage(
            reinterpret_cast<ImTextureID>(static_cast<intptr_t>(app.heatmaps.slots[i].color)), p0,
            {p0.x + side, p0.y + side}, {0, 1}, {1, 0});  // FBO textures are upside down
        // The points are in the texture (gl_points.cpp): drawing them here every frame cost
        // most of the UI's time.
    }
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

}  // namespace

void panel_boundaries(AppState& app)
{
    const Experiment& e = *app.experiment;
    const char* what = !app.grids.planar ? "Confusion matrices (test set; rows: true digit, columns: predicted)"
                       : e.dataset().task == TaskKind::regression
                           ? "Predicted value over the plane (orange < 0 < blue)"
                           : "Decision boundaries (model output over the input plane)";
    ImGui::TextUnformatted(what);
    ImGui::SameLine();
    ImGui::Checkbox("test points", &app.ui.show_test_points);
    publish_item(app, "show-test-points");
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
