// Runs: a table of every run (colour, name, optimizer, LR, schedule, clip rate, loss); add,
// duplicate, remove. Selecting a row opens it in the run editor.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "app/colors.hpp"
#include "app/panels.hpp"
#include "app/widgets.hpp"
#include "core/config/json.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

// The first "BASE N" no run has, N from `first`: a new run is "run 1" when no run is called
// so (not "run 2" as the fifth run of a lesson), a duplicate of "adam" is "adam 2".
std::string unique_name(const Config& c, const std::string& base, int first)
{
    for (int k = first;; ++k)
    {
        const std::string name = base + " " + std::to_string(k);
        bool taken = false;
        for (const RunConfig& r : c.runs)
            taken = taken || r.name == name;
        if (!taken)
            return name;
    }
}

void runs_edit(AppState& app, json runs, int select)
{
    set_pending(app, "runs", std::move(runs));
    app.commit_edits();
    if (app.ui.errors.empty())
        app.ui.selected_run = select;
}

void run_buttons(AppState& app)
{
    const Config& c = app.config();
    // Built only on a click: serialising the config every frame cost more than the table.
    const auto minimal = [&c]() { return to_minimal_json(c)["runs"]; };
    const int sel = std::clamp(app.ui.selected_run, 0, int(c.runs.size()) - 1);
    const bool full = c.runs.size() >= std::size_t(limits::max_runs);
    ImGui::BeginDisabled(full);
    if (named_button(app, "Add run", "add-run"))
    {
        json runs = minimal();
        runs.push_back({{"name", unique_name(c, "run", 1)}, {"optimizer", {{"type", "sgd"}}}});
        runs_edit(app, runs, int(c.runs.size()));
    }
    ImGui::SameLine();
    if (named_button(app, "Duplicate", "duplicate-run"))
    {
        json runs = minimal();
        json copy = runs[std::size_t(sel)];
        copy["name"] = unique_name(c, c.runs[std::size_t(sel)].name, 2);
        runs.push_back(copy);
        runs_edit(app, runs, int(c.runs.size()));
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(c.runs.size() <= 1);
    if (named_button(app, "Remove", "remove-run"))
    {
        json runs = minimal();
        runs.erase(std::size_t(sel));
        runs_edit(app, runs, std::max(0, sel - 1));
    }
    ImGui::EndDisabled();
}

std::string schedule_text(const ScheduleConfig& s)
{
    return s.type == "constant" && s.factor == 1.0 ? "-" : s.type;
}

// The clip rate: the share of evaluated steps whose gradient the clip changed
// (clipped_grad_norm != grad_norm of the evaluation rows, so a sample every eval_every steps,
// which the history already holds). `tip` gets the threshold and the counts.
struct ClipRate
{
    std::string cell, tip;
};

ClipRate clip_rate(const ClipConfig& c, const std::vector<MetricsRow>& history)
{
    if (c.type == "none")
        return {"-", ""};
    int steps = 0, clipped = 0;
    for (const MetricsRow& r : history)
    {
        steps += r.has_grad;
        clipped += r.has_grad && r.clipped_grad_norm != r.grad_norm;
    }
    const char* key = c.type == "value" ? "clip_value" : c.type == "agc" ? "clipping" : "max_norm";
    const double v = c.type == "value" ? c.clip_value : c.type == "agc" ? c.clipping : c.max_norm;
    char cell[16], tip[200];
    if (steps > 0)
        std::snprintf(cell, sizeof cell, "%d%%", int(std::lround(100.0 * clipped / steps)));
    else
        std::snprintf(cell, sizeof cell, "on");
    std::snprintf(tip, sizeof tip,
                  "clip %s, %s %.3g: the clip changed the gradient at %d of %d evaluated steps "
                  "(clipped_grad_norm < grad_norm)",
                  c.type.c_str(), key, v, clipped, steps);
    return {cell, tip};
}

void loss_cell(const Run& run)
{
    if (run.diverged())
    {
        ImGui::TextColored({1.0f, 0.45f, 0.45f, 1.0f}, "diverged");
        return;
    }
    if (run.history().empty())
        return;
    ImGui::Text("%.4g", run.history().back().train_loss);
}

}  // namespace

void panel_runs(AppState& app)
{
    if (!ImGui::CollapsingHeader("Runs", ImGuiTreeNodeFlags_DefaultOpen))
        return;
    const Experiment& e = *app.experiment;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("runs", 7, flags))
    {
        // Names identify the runs: their column fits the longest (up to 16 characters); when
        // space is short, the schedule gives way instead (its tooltip says it all).
        float name_width = ImGui::CalcTextSize("name").x;
        for (const RunConfig& r : e.config().runs)
            name_width = std::max(name_width, ImGui::CalcTextSize(r.name.c_str()).x);
        name_width = std::min(name_width, ImGui::CalcTextSize("MMMMMMMMMMMMMMMM").x);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize());
        ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed, name_width);
        ImGui::TableSetupColumn("optimizer");
        ImGui::TableSetupColumn("lr");
        ImGui::TableSetupColumn("schedule", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("clipped");  // the clip rate, "100%" at most
        ImGui::TableSetupColumn("loss");
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < e.size(); ++i)
        {
            const RunConfig& r = e.run(i).settings();  // with the changes made so far
            ImGui::PushID(int(i));
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::ColorButton("##color", ImGui::ColorConvertU32ToFloat4(run_color(i)),
                               ImGuiColorEditFlags_NoTooltip, {ImGui::GetFontSize() * 0.8f,
                                                               ImGui::GetFontSize() * 0.8f});
            ImGui::TableSetColumnIndex(1);
            if (ImGui::Selectable(e.config().runs[i].name.c_str(), app.ui.selected_run == int(i),
                                  ImGuiSelectableFlags_SpanAllColumns))
                app.ui.selected_run = int(i);
            publish_item(app, "run:" + std::to_string(i));
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(r.optimizer.type.c_str());
            ImGui::TableSetColumnIndex(3);
            ImGui::Text("%.3g", r.optimizer.lr);
            ImGui::TableSetColumnIndex(4);
            const std::string schedule = schedule_text(r.schedule);
            ImGui::TextUnformatted(schedule.c_str());
            if (schedule != "-")
                tooltip(schedule.c_str());
            ImGui::TableSetColumnIndex(5);
            const ClipRate clip = clip_rate(r.clip, e.run(i).history());
            ImGui::TextUnformatted(clip.cell.c_str());
            publish_text(app, "clip:" + std::to_string(i), clip.cell);
            if (!clip.tip.empty())
                tooltip(app, clip.tip);
            ImGui::TableSetColumnIndex(6);
            loss_cell(e.run(i));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    run_buttons(app);
}

}  // namespace lrlab
