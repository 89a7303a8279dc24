// Config-editing widgets and published rectangles (widgets.hpp).
#include "app/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <imgui.h>

#include "app/run_changes.hpp"
#include "core/config/json.hpp"

namespace lrlab
{

using nlohmann::json;

void publish_item(AppState& app, const std::string& name)
{
    const ImVec2 a = ImGui::GetItemRectMin();
    const ImVec2 b = ImGui::GetItemRectMax();
    app.ui.widgets.push_back({name, a.x, a.y, b.x, b.y});
}

const json* pending_value(const AppState& app, const std::string& path)
{
    for (auto it = app.ui.pending.rbegin(); it != app.ui.pending.rend(); ++it)
        if (it->path == path)
            return &it->value;
    return nullptr;
}

void set_pending(AppState& app, const std::string& path, const json& value)
{
    for (Edit& e : app.ui.pending)
    {
        if (e.path == path)
        {
            e.value = value;
            return;
        }
    }
    app.ui.pending.push_back({path, value});
}

void publish_text(AppState& app, const std::string& key, const std::string& text)
{
    publish_item(app, "text:" + key + "=" + text);
}

namespace
{

void drop_pending(AppState& app, const std::string& path)
{
    auto& p = app.ui.pending;
    p.erase(std::remove_if(p.begin(), p.end(), [&](const Edit& e) { return e.path == path; }),
            p.end());
}

// Commits when a text or slider widget is left after an edit (Enter, Tab, a click elsewhere).
// Left with its current value (Escape puts the text back), it commits nothing: mid-run that
// would record a change that changes nothing.
bool finish(AppState& app, bool changed, const std::string& path, const json& value,
            const json& current)
{
    if (changed)
        set_pending(app, path, value);
    if (!ImGui::IsItemDeactivatedAfterEdit())
        return false;
    const json* p = pending_value(app, path);
    const bool same = p && (p->is_number() && current.is_number()
                                ? p->get<double>() == current.get<double>()
                                : *p == current);
    if (same)
    {
        drop_pending(app, path);
        return false;
    }
    commit_run_edits(app);
    return true;
}

}  // namespace

bool edit_double(AppState& app, const char* label, const std::string& path, double current,
                 const char* format)
{
    const json* p = pending_value(app, path);
    double v = p && p->is_number() ? p->get<double>() : current;
    const bool changed = ImGui::InputDouble(label, &v, 0.0, 0.0, format);
    publish_item(app, path);
    return finish(app, changed && std::isfinite(v), path, v, current);
}

bool edit_int(AppState& app, const char* label, const std::string& path, std::int64_t current,
              std::int64_t step)
{
    const json* p = pending_value(app, path);
    std::int64_t v = p && p->is_number_integer() ? p->get<std::int64_t>() : current;
    const std::int64_t fast = 10 * step;
    const bool changed = ImGui::InputScalar(label, ImGuiDataType_S64, &v,
                                            step > 0 ? &step : nullptr, step > 0 ? &fast : nullptr);
    publish_item(app, path);
    return finish(app, changed, path, v, current);
}

bool edit_slider(AppState& app, const char* label, const std::string& path, double current,
                 float lo, float hi, const char* format)
{
    const json* p = pending_value(app, path);
    float v = float(p && p->is_number() ? p->get<double>() : current);
    const bool changed = ImGui::SliderFloat(label, &v, lo, hi, format);
    publish_item(app, path);
    // Sliders hand out floats: keep the value short (0.35, not 0.3499999940395355).
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", double(v));
    return finish(app, changed, path, std::strtod(buf, nullptr), current);
}

bool edit_bool(AppState& app, const char* label, const std::string& path, bool current)
{
    bool v = current;
    const bool changed = ImGui::Checkbox(label, &v);
    publish_item(app, path);
    if (!changed)
        return false;
    set_pending(app, path, v);
    commit_run_edits(app);
    return true;
}

bool edit_choice(AppState& app, const char* label, const std::string& path,
                 const std::string& current, const Choices& choices)
{
    std::string shown = current, longest;
    for (const auto& c : choices)
    {
        if (c.first == current)
            shown = c.second;
        if (c.second.size() > longest.size())
            longest = c.second;
    }
    fit_combo_width(label, longest);
    bool changed = false;
    if (ImGui::BeginCombo(label, shown.c_str()))
    {
        for (const auto& c : choices)
        {
            if (ImGui::Selectable(c.second.c_str(), c.first == current) && c.first != current)
            {
                set_pending(app, path, c.first);
                changed = true;
            }
            publish_item(app, path + "=" + c.first);
        }
        ImGui::EndCombo();
    }
    publish_item(app, path);
    if (changed)
        commit_run_edits(app);
    return changed;
}

bool edit_json_value(AppState& app, const std::string& key, const std::string& path,
                     const json& current)
{
    const char* label = key.c_str();
    if (current.is_boolean())
        return edit_bool(app, label, path, current.get<bool>());
    if (current.is_number_integer())
        return edit_int(app, label, path, current.get<std::int64_t>());
    if (current.is_number())
        return edit_double(app, label, path, current.get<double>());
    if (current.is_array() && current.size() == 2 && current[0].is_number() &&
        current[1].is_number())
    {
        const json* p = pending_value(app, path);
        const json& src = p && p->is_array() && p->size() == 2 ? *p : current;
        double v[2] = {src[0].get<double>(), src[1].get<double>()};
        const bool changed = ImGui::InputScalarN(label, ImGuiDataType_Double, v, 2, nullptr,
                                                 nullptr, "%.6g");
        publish_item(app, path);
        return finish(app, changed, path, json::array({v[0], v[1]}), current);
    }
    // Strings (modes, "inf") and lists (milestones): edited as JSON text.
    const json* p = pending_value(app, path);
    const json& shown = p ? *p : current;
    const std::string text = shown.is_string() ? shown.get<std::string>() : shown.dump();
    char buf[256];
    std::snprintf(buf, sizeof buf, "%s", text.c_str());
    const bool changed = ImGui::InputText(label, buf, sizeof buf);
    publish_item(app, path);
    json v = json::parse(buf, nullptr, false);
    if (v.is_discarded())
        v = std::string(buf);
    return finish(app, changed, path, v, current);
}

bool named_button(AppState& app, const char* label, const std::string& name)
{
    const bool pressed = ImGui::Button(label);
    publish_item(app, name);
    return pressed;
}

void tooltip(const char* text)
{
    if (!ImGui::IsItemHovered())
        return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void tooltip(AppState& app, const std::string& text)
{
    if (!ImGui::IsItemHovered())
        return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    publish_text(app, "tooltip", text);
    ImGui::EndTooltip();
}

void fit_combo_width(const char* label, const std::string& longest)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    // The label's own text ends at "##"; the arrow button is a frame high and square.
    const float label_w = ImGui::CalcTextSize(label, nullptr, true).x;
    const float need = ImGui::CalcTextSize(longest.c_str()).x + ImGui::GetFrameHeight() +
                       style.FramePadding.x * 2.0f;
    const float room = ImGui::GetContentRegionAvail().x - label_w -
                       (label_w > 0.0f ? style.ItemInnerSpacing.x : 0.0f);
    ImGui::SetNextItemWidth(std::max(ImGui::CalcItemWidth(), std::min(need, room)));
}

}  // namespace lrlab
