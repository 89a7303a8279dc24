// The selected run: name, optimizer, schedule and clip with every key of their type (PyTorch's
// names; widgets, docs and ranges from core/config/describe.hpp), the run's own batch size and
// L1/L2, and the changes recorded while it trained. What an edit will do is said before it is
// applied (run_changes.hpp has the rules: from step 0 at the start or once finished, a recorded
// change mid-run).
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "app/colors.hpp"
#include "app/panels.hpp"
#include "app/param_widgets.hpp"
#include "app/run_changes.hpp"
#include "app/torch_export.hpp"
#include "app/widgets.hpp"
#include "core/config/json.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

void name_field(AppState& app, const std::string& base, const std::string& name)
{
    const std::string path = base + ".name";
    const json* p = pending_value(app, path);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s", p && p->is_string() ? p->get<std::string>().c_str()
                                                              : name.c_str());
    const bool changed = ImGui::InputText("name", buf, sizeof buf);
    publish_item(app, path);
    tooltip(app, "name: the run's name in the table, the charts, the CSV and the URL (unique). "
                 "A new name restarts every run at step 0.");
    if (changed)
        set_pending(app, path, std::string(buf));
    if (ImGui::IsItemDeactivatedAfterEdit())
        commit_run_edits(app);
}

// Every key of the section's type in the table's order (a JSON object iterates its keys
// alphabetically), then any key the description lacks, with the generic editor.
void section_keys(AppState& app, std::size_t run, const std::string& section,
                  const TypeDescription* type, const json& values)
{
    const std::string base = "runs[" + std::to_string(run) + "]." + section;
    const auto key_of = [&](const std::string& name)
    { return RunKey{base + "." + name, run, section + "." + name}; };
    if (type)
        for (const ParamDescription& d : type->params)
            if (values.contains(d.name))
                edit_param(app, d, key_of(d.name), values[d.name]);
    for (auto it = values.begin(); it != values.end(); ++it)
        if (it.key() != "type" && !(type && find_param(*type, it.key())))
            edit_json_value(app, it.key(), key_of(it.key()).path, it.value());
}

void train_keys(AppState& app, std::size_t run, const RunTrainConfig& t)
{
    const std::string base = "runs[" + std::to_string(run) + "].train.";
    edit_run_number(app, "batch_size", {base + "batch_size", run, "train.batch_size"},
                    double(t.batch_size), true,
                    "samples per step for this run (DataLoader's batch_size, drop_last=false)");
    edit_run_number(app, "l1", {base + "l1", run, "train.l1"}, t.l1, false,
                    "weight of the L1 penalty sum |w| added to the loss (>= 0)");
    edit_run_number(app, "l2", {base + "l2", run, "train.l2"}, t.l2, false,
                    "weight of the L2 penalty sum w^2 added to the loss (>= 0); unlike "
                    "weight_decay it goes through the gradient, so clipping and Adam see it");
}

// The run's recorded changes: step, key, value, and a button to remove each.
void changes_list(AppState& app, std::size_t run, const std::vector<Change>& changes)
{
    if (changes.empty())
        return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Changes made while training (Reset and the URL replay them):");
    ImGui::PopStyleColor();
    for (std::size_t k = 0; k < changes.size(); ++k)
    {
        const Change& ch = changes[k];
        const std::string line = "step " + std::to_string(ch.at) + ": " + ch.path + " = " +
                                 ch.value.dump();
        ImGui::PushID(int(k));
        const bool remove = named_button(app, "x", "remove-change:" + std::to_string(k));
        tooltip(app, "Remove this change: every run restarts at step 0 without it.");
        ImGui::SameLine();
        ImGui::TextUnformatted(line.c_str());
        publish_text(app, "change:" + std::to_string(k), line);
        ImGui::PopID();
        if (remove)
        {
            remove_change(app, run, k);  // rebuilds: `changes` is a copy, still valid
            break;
        }
    }
}

// Says what any edit of a key will do now, before it is applied.
void effect_line(AppState& app)
{
    const Experiment& e = *app.experiment;
    std::string text;
    if (e.step() == 0)
        text = "An edit sets the run's settings from step 0.";
    else if (e.finished())
        text = "Training is finished: an edit sets the run's settings from step 0 and restarts "
               "every run at step 0 (paused), so that Play trains with it.";
    else
        text = "An edit applies from step " + std::to_string(e.step()) +
               " on and is recorded as a change (listed below); a new type or name restarts "
               "every run at step 0.";
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    publish_text(app, "edit-effect", text);
}

}  // namespace

void panel_run_editor(AppState& app)
{
    // Copies: a commit below rebuilds the experiment, and the widgets after it still draw.
    const Experiment& e = *app.experiment;
    const std::size_t i = std::size_t(std::clamp(app.ui.selected_run, 0, int(e.size()) - 1));
    const RunConfig r = e.run(i).settings();  // with the changes made so far
    const RunConfig own = e.config().runs[i];
    const std::string base = "runs[" + std::to_string(i) + "]";
    char header[96];
    std::snprintf(header, sizeof header, "Run: %s###run-editor", own.name.c_str());
    if (!ImGui::CollapsingHeader(header, ImGuiTreeNodeFlags_DefaultOpen))
        return;
    ImGui::PushID("run-editor");
    ImGui::PushItemWidth(ImGui::GetFontSize() * 9);
    ImGui::ColorButton("##color", ImGui::ColorConvertU32ToFloat4(run_color(i)),
                       ImGuiColorEditFlags_NoTooltip,
                       {ImGui::GetFontSize() * 1.2f, ImGui::GetFontSize() * 1.2f});
    ImGui::SameLine();
    name_field(app, base, own.name);
    if (named_button(app, "Copy as PyTorch", "copy-torch"))
        copy_run_as_torch(app, i);
    tooltip(app, "Copy this run's optimizer, schedule and clipping as a PyTorch script "
                 "(lrlab export-torch): its --print-lrs N prints these LRs exactly.");
    effect_line(app);

    const auto& optimizers = optimizer_descriptions();
    edit_type(app, "optimizer", base + ".optimizer.type", r.optimizer.type, optimizers);
    section_keys(app, i, "optimizer", find_type(optimizers, r.optimizer.type),
                 to_json(r.optimizer));
    const auto& schedules = schedule_descriptions();
    edit_type(app, "schedule", base + ".schedule.type", r.schedule.type, schedules);
    section_keys(app, i, "schedule", find_type(schedules, r.schedule.type), to_json(r.schedule));
    const auto& clips = clip_descriptions();
    edit_type(app, "clip", base + ".clip.type", r.clip.type, clips);
    section_keys(app, i, "clip", find_type(clips, r.clip.type), to_json(r.clip));
    train_keys(app, i, r.train);
    ImGui::PopItemWidth();
    changes_list(app, i, own.changes);
    ImGui::PopID();
}

}  // namespace lrlab
