// The selected run: name, optimizer and its parameters, schedule and its parameters, clipping
// and its threshold, the run's own batch size and L1/L2 — all with PyTorch's names, read from
// the config's own JSON so that every key of every type is editable. A key changed while
// training applies from the next step; a type or name change restarts, and the page says so.
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "app/colors.hpp"
#include "app/panels.hpp"
#include "app/widgets.hpp"
#include "core/config/json.hpp"
#include "core/optim/optimizers.hpp"
#include "core/schedules/schedule.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

void keys_of(AppState& app, const json& section, const std::string& path)
{
    for (auto it = section.begin(); it != section.end(); ++it)
    {
        if (it.key() == "type")
            continue;
        edit_json_value(app, it.key(), path + "." + it.key(), it.value());
    }
}

void name_field(AppState& app, const std::string& base, const std::string& name)
{
    const std::string path = base + ".name";
    const json* p = pending_value(app, path);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s", p && p->is_string() ? p->get<std::string>().c_str()
                                                              : name.c_str());
    const bool changed = ImGui::InputText("name", buf, sizeof buf);
    publish_item(app, path);
    if (changed)
        set_pending(app, path, std::string(buf));
    if (ImGui::IsItemDeactivatedAfterEdit())
        app.commit_edits();
}

}  // namespace

void panel_run_editor(AppState& app)
{
    const Experiment& e = *app.experiment;
    const int i = std::clamp(app.ui.selected_run, 0, int(e.size()) - 1);
    const RunConfig& r = e.run(std::size_t(i)).settings();
    const std::string base = "runs[" + std::to_string(i) + "]";
    char header[96];
    std::snprintf(header, sizeof header, "Run: %s###run-editor", e.config().runs[std::size_t(i)].name.c_str());
    if (!ImGui::CollapsingHeader(header, ImGuiTreeNodeFlags_DefaultOpen))
        return;
    ImGui::PushID("run-editor");
    ImGui::PushItemWidth(ImGui::GetFontSize() * 9);
    ImGui::ColorButton("##color", ImGui::ColorConvertU32ToFloat4(run_color(std::size_t(i))),
                       ImGuiColorEditFlags_NoTooltip,
                       {ImGui::GetFontSize() * 1.2f, ImGui::GetFontSize() * 1.2f});
    ImGui::SameLine();
    name_field(app, base, e.config().runs[std::size_t(i)].name);

    Choices optimizers;
    for (const OptimizerInfo& o : optimizer_registry())
        optimizers.push_back({o.type, o.label});
    edit_choice(app, "optimizer", base + ".optimizer.type", r.optimizer.type, optimizers);
    keys_of(app, to_json(r.optimizer), base + ".optimizer");

    Choices schedules;
    for (const ScheduleInfo& s : schedule_registry())
        schedules.push_back({s.type, s.label});
    edit_choice(app, "schedule", base + ".schedule.type", r.schedule.type, schedules);
    keys_of(app, to_json(r.schedule), base + ".schedule");

    edit_choice(app, "clip", base + ".clip.type", r.clip.type,
                {{"none", "none"}, {"value", "value (clip_grad_value_)"},
                 {"norm", "norm, per tensor"}, {"global_norm", "global norm (clip_grad_norm_)"},
                 {"agc", "adaptive (AGC)"}});
    keys_of(app, to_json(r.clip), base + ".clip");

    edit_int(app, "batch_size", base + ".train.batch_size", r.train.batch_size);
    edit_double(app, "l1", base + ".train.l1", r.train.l1);
    edit_double(app, "l2", base + ".train.l2", r.train.l2);
    ImGui::PopItemWidth();
    ImGui::TextDisabled("While training, a parameter applies from the next step;");
    ImGui::TextDisabled("a new type or name restarts every run at step 0.");
    ImGui::PopID();
}

}  // namespace lrlab
