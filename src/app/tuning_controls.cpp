// Run / Cancel / progress of the tuning panels (tuning_controls.hpp).
#include "app/tuning_controls.hpp"

#include <cstdio>
#include <string>

#include <imgui.h>

#include "app/widgets.hpp"

namespace lrlab
{

namespace
{

const char* job_name(const TuningBridge& b)
{
    if (b.owner() == TuningOwner::script)
        return b.finder() ? "a script's range test" : "a script's cross-validation";
    return b.finder() ? "the range test" : "the cross-validation";
}

}  // namespace

void same_line_if_room(const char* label, float item_w)
{
    const ImGuiStyle& st = ImGui::GetStyle();
    const float need = st.ItemSpacing.x + item_w + st.ItemInnerSpacing.x +
                       ImGui::CalcTextSize(label, nullptr, true).x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + need <= right)
        ImGui::SameLine();
}

bool tuning_controls(AppState& app, TuningOwner owner, const char* prefix)
{
    const TuningBridge& b = app.tuning.bridge;
    TuningRunState& s =
        owner == TuningOwner::finder_panel ? app.tuning.finder.state : app.tuning.cv.state;
    const std::string p = prefix;
    ImGui::BeginDisabled(b.busy());
    const bool run = named_button(app, "Run", p + "-run");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!b.busy());
    if (named_button(app, "Cancel", p + "-cancel"))
        cancel_tuning(app);
    ImGui::EndDisabled();
    ImGui::SameLine();
    // A job in the workers counts its jobs (folds; the range test is one), else its units.
    const TuningPoolRun& pool = app.tuning.pool;
    const double done = pool.active ? double(pool.done) : double(b.units_done());
    const double total = pool.active ? double(pool.total) : double(b.units_total());
    const float fraction = b.busy() && total > 0 ? float(done / total) : 0.0f;
    char overlay[128] = "";
    if (b.busy() && pool.active && b.finder())  // short: a phone's row beside Run and Cancel
        std::snprintf(overlay, sizeof overlay, "range test in a worker");
    else if (b.busy() && pool.active)
        std::snprintf(overlay, sizeof overlay, "%.0f / %.0f folds in workers", done, total);
    else if (b.busy())
        std::snprintf(overlay, sizeof overlay, "%s: %.0f / %.0f", job_name(b), done, total);
    ImGui::ProgressBar(fraction, {ImGui::GetContentRegionAvail().x, 0}, overlay);
    publish_item(app, p + "-progress");
    if (!s.status.empty())
    {
        ImGui::TextDisabled("%s", s.status.c_str());
        publish_text(app, p + "-status", s.status);
    }
    for (const ConfigError& e : s.errors)
    {
        const std::string line = (e.path.empty() ? "" : e.path + ": ") + e.message;
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 110, 110, 255));
        ImGui::TextWrapped("%s", line.c_str());
        ImGui::PopStyleColor();
        publish_text(app, p + "-error", line);
    }
    return run;
}

}  // namespace lrlab
