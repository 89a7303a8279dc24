// The landscape view's settings (landscape_view.hpp): the function, start, steps and the runs
// (optimizer, LR, momentum, schedule, clip), and the Network | Landscape switch. Every edit
// changes a copy of the surface config as JSON and goes through parse_surface_config (the same
// validator as setConfig and the URL); an invalid edit is reported and changes nothing.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "app/colors.hpp"
#include "app/landscape_state.hpp"
#include "app/landscape_view.hpp"
#include "app/widgets.hpp"
#include "core/optim/clip.hpp"
#include "core/optim/descriptor.hpp"
#include "core/schedules/descriptor.hpp"
#include "core/surface/functions.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

void apply(AppState& app, const json& j, const std::string& what)
{
    const std::vector<ConfigError> errors = landscape_set_config(app, j);
    app.ui.errors = errors;
    if (errors.empty())
    {
        app.ui.lesson.clear();
        app.ui.status = what + ": restarted from step 0";
    }
}

// A combo over a descriptor list; true (and `out` set) when another type was picked.
template <class Desc>
bool type_combo(AppState& app, const char* label, const std::string& name,
                const std::vector<Desc>& list, const std::string& current, std::string& out)
{
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    if (ImGui::BeginCombo(label, current.c_str()))
    {
        for (const Desc& d : list)
        {
            if (ImGui::Selectable(d.label, current == d.type) && current != d.type)
                out = d.type, changed = true;
            publish_item(app, name + "=" + d.type);
        }
        ImGui::EndCombo();
    }
    publish_item(app, name);
    return changed;
}

void run_row(AppState& app, std::size_t i, json& j, bool& changed, std::string& what)
{
    const SurfaceRunConfig& r = app.landscape.config.runs[i];
    const std::string id = "landscape-run" + std::to_string(i);
    json& run = j["runs"][i];
    ImGui::PushID(int(i));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(run_color(i)), "%s", r.name.c_str());
    std::string type;
    if (type_combo(app, "optimizer", id + ".optimizer", optimizer_descriptors(),
                   r.optimizer.type, type))
        run["optimizer"] = {{"type", type}}, changed = true, what = r.name + " optimizer";
    ImGui::SameLine();
    double lr = r.optimizer.lr;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    if (ImGui::InputDouble("lr", &lr, 0, 0, "%.4g", ImGuiInputTextFlags_EnterReturnsTrue))
        run["optimizer"]["type"] = r.optimizer.type, run["optimizer"]["lr"] = lr,
        changed = true, what = r.name + " lr";
    publish_item(app, id + ".lr");
    if (r.optimizer.type == "sgd" || r.optimizer.type == "rmsprop")
    {
        ImGui::SameLine();
        double m = r.optimizer.momentum;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
        if (ImGui::InputDouble("momentum", &m, 0, 0, "%.3g", ImGuiInputTextFlags_EnterReturnsTrue))
            run["optimizer"]["type"] = r.optimizer.type, run["optimizer"]["momentum"] = m,
            changed = true, what = r.name + " momentum";
        publish_item(app, id + ".momentum");
    }
    if (type_combo(app, "schedule", id + ".schedule", schedule_descriptors(), r.schedule.type,
                   type))
        run["schedule"] = {{"type", type}}, changed = true, what = r.name + " schedule";
    ImGui::SameLine();
    if (type_combo(app, "clip", id + ".clip", clip_descriptors(), r.clip.type, type))
        run["clip"] = {{"type", type}}, changed = true, what = r.name + " clip";
    ImGui::SameLine();
    if (app.landscape.config.runs.size() > 1 && named_button(app, "Remove", id + ".remove"))
        j["runs"].erase(i), changed = true, what = "removed " + r.name;
    ImGui::PopID();
}

void function_row(AppState& app, json& j, bool& changed, std::string& what)
{
    const SurfaceConfig& c = app.landscape.config;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::BeginCombo("function", c.function.c_str()))
    {
        for (const SurfaceInfo& info : surface_registry())
        {
            if (ImGui::Selectable(info.name, c.function == info.name) && c.function != info.name)
            {
                // A new function opens on its own window, from a start inside it.
                j = {{"function", info.name}, {"steps", c.steps}, {"runs", j["runs"]},
                     {"start", {info.xmin + 0.2 * (info.xmax - info.xmin),
                                info.ymin + 0.8 * (info.ymax - info.ymin)}}};
                changed = true;
                what = std::string("function ") + info.name;
            }
            publish_item(app, std::string("landscape-function=") + info.name);
        }
        ImGui::EndCombo();
    }
    publish_item(app, "landscape-function");
    ImGui::SameLine();
    double start[2] = {c.start[0], c.start[1]};
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::InputScalarN("start", ImGuiDataType_Double, start, 2, nullptr, nullptr, "%.4g",
                            ImGuiInputTextFlags_EnterReturnsTrue))
        j["start"] = {start[0], start[1]}, changed = true, what = "start";
    publish_item(app, "landscape-start-input");
    ImGui::SameLine();
    int steps = int(c.steps);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    if (ImGui::InputInt("steps", &steps, 0, 0, ImGuiInputTextFlags_EnterReturnsTrue))
        j["steps"] = steps, changed = true, what = "steps";
    publish_item(app, "landscape-steps");
}

}  // namespace

void landscape_view_switch(AppState& app)
{
    const bool land = app.landscape.active;
    ImGui::TextUnformatted("View:");
    ImGui::SameLine();
    if (ImGui::RadioButton("Network", !land))
        landscape_show(app, false);
    publish_item(app, "view-network");
    ImGui::SameLine();
    if (ImGui::RadioButton("Landscape", land))
        landscape_show(app, true);
    publish_item(app, "view-landscape");
    tooltip("Network: training runs on a dataset. Landscape: the same optimizers, schedules and "
            "clips on a 2-D test function. Each view keeps its own runs.");
}

void panel_landscape_settings(AppState& app)
{
    if (!ImGui::CollapsingHeader("Landscape: function and runs", ImGuiTreeNodeFlags_DefaultOpen))
        return;
    const SurfaceConfig& c = app.landscape.config;
    // The minimal form: defaults that follow steps or the LR (T_max = S, ...) keep following.
    json j = to_minimal_json(c);
    if (!j.contains("runs"))
        j["runs"] = json::array({json::object()});
    bool changed = false;
    std::string what;
    function_row(app, j, changed, what);
    for (std::size_t i = 0; i < c.runs.size() && !changed; ++i)
        run_row(app, i, j, changed, what);
    if (!changed && c.runs.size() < 16 && named_button(app, "Add run", "landscape-add-run"))
    {
        json run = j["runs"].back();
        run.erase("name");
        run["name"] = "run " + std::to_string(c.runs.size() + 1);
        j["runs"].push_back(run);
        changed = true;
        what = "added a run";
    }
    if (changed)
        apply(app, j, what);
}

}  // namespace lrlab
