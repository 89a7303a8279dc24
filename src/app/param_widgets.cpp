// Description-driven widgets of the run editor (param_widgets.hpp).
#include "app/param_widgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include <imgui.h>

#include "app/run_changes.hpp"
#include "app/widgets.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

const ImVec4 error_text{1.0f, 0.45f, 0.45f, 1.0f};
const ImVec4 effect_text{0.95f, 0.8f, 0.45f, 1.0f};

// A field whose typed value the validator refuses gets a red frame (pushed before its widgets).
bool begin_field(const AppState& app, const RunKey& key, std::vector<ConfigError>& typed)
{
    typed = pending_errors(app, key.path);
    if (typed.empty())
        return false;
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4{0.55f, 0.12f, 0.12f, 1.0f});
    ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, ImVec4{0.65f, 0.16f, 0.16f, 1.0f});
    ImGui::PushStyleColor(ImGuiCol_FrameBgActive, ImVec4{0.7f, 0.2f, 0.2f, 1.0f});
    return true;
}

void wrapped(AppState& app, const ImVec4& colour, const std::string& key,
             const std::string& text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    publish_text(app, key, text);
}

// A pending value that is the current one (Escape puts the text back) changes nothing.
bool differs(const json* pending, const json& current)
{
    if (!pending)
        return false;
    if (pending->is_number() && current.is_number())
        return pending->get<double>() != current.get<double>();
    return *pending != current;
}

// Under the field: the validator's message for a refused value (typed now, or refused by the
// last commit), else what applying the typed value will do.
void end_field(AppState& app, const RunKey& key, const std::string& name, bool red,
               const std::vector<ConfigError>& typed, const json& current)
{
    if (red)
        ImGui::PopStyleColor(3);
    std::vector<ConfigError> shown = red ? typed : committed_errors(app, key.path);
    for (const ConfigError& e : shown)
        wrapped(app, error_text, "error:" + key.path, name + " " + e.message + " (not applied)");
    if (shown.empty() && differs(pending_value(app, key.path), current))
        wrapped(app, effect_text, "effect:" + key.path,
                "On Enter: " + edit_effect(app, key.run, key.rel) + ".");
}

// The slider's ends: the key's range, with the open or infinite ends replaced by the decades a
// learner may want (1e-8 .. 10 covers every LR and eps of PyTorch's defaults).
void log_bounds(const ParamDescription& d, double& lo, double& hi)
{
    lo = std::max(d.lo, 1e-8);
    if (d.lo_open && lo == d.lo)
        lo = d.lo * 1.001;
    hi = std::isfinite(d.hi) ? d.hi : 10.0;
    if (d.hi_open && hi == d.hi)
        hi = d.hi * 0.999;
    if (!(hi > lo))
        hi = lo * 1e9;
}

// Sliders hand out arbitrary doubles: keep three significant digits (0.0316, not
// 0.031622776601683794), which is what a person reads off a log scale anyway.
double three_digits(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return std::strtod(buf, nullptr);
}

// A linear slider over log10 of the value: ImGui 1.86's own logarithmic slider clamps its low
// end to 10^-precision of the format (1e-3 for "%.3f"), which would hide the small LRs and eps.
// NoInput: Ctrl+click would type the exponent; the box beside it takes the value.
void log_slider(AppState& app, const ParamDescription& d, const RunKey& key, double current,
                const std::string& help)
{
    const json* p = pending_value(app, key.path);
    const double v = p && p->is_number() ? p->get<double>() : current;
    double lo = 0.0, hi = 0.0;
    log_bounds(d, lo, hi);
    const double elo = std::log10(lo), ehi = std::log10(hi);
    double e = v > 0.0 ? std::clamp(std::log10(v), elo, ehi) : elo;
    // A format without '%' is shown as it is, and never rounds the exponent.
    const bool changed = ImGui::SliderScalar("##log", ImGuiDataType_Double, &e, &elo, &ehi,
                                             "log", ImGuiSliderFlags_NoInput |
                                                        ImGuiSliderFlags_NoRoundToFormat);
    publish_item(app, key.path + ":log");
    char range[96];
    std::snprintf(range, sizeof range, "\nDrag: a log scale from %g to %g; type in the box for "
                  "an exact value.", lo, hi);
    tooltip(app, help + range);
    if (changed)
        set_pending(app, key.path, three_digits(std::pow(10.0, e)));
    if (ImGui::IsItemDeactivatedAfterEdit())
        commit_run_edits(app);
}

void number_param(AppState& app, const ParamDescription& d, const RunKey& key, double current,
                  const std::string& help)
{
    const char* name = d.name.c_str();
    if (!d.log_scale)
    {
        edit_double(app, name, key.path, current);
        tooltip(app, help);
        return;
    }
    const float w = ImGui::CalcItemWidth();
    const float gap = ImGui::GetStyle().ItemInnerSpacing.x;
    ImGui::SetNextItemWidth(std::floor(w * 0.5f));
    edit_double(app, "##text", key.path, current);
    tooltip(app, help);
    ImGui::SameLine(0.0f, gap);
    ImGui::SetNextItemWidth(std::max(1.0f, w - std::floor(w * 0.5f) - gap));
    log_slider(app, d, key, current, help);
    ImGui::SameLine(0.0f, gap);
    ImGui::TextUnformatted(name);
    tooltip(app, help);
}

Choices choices_of(const ParamDescription& d)
{
    Choices out;
    for (const std::string& c : d.choices)
        out.push_back({c, c});
    return out;
}

// The widget the description calls for; a value of another JSON type than described (which the
// validator would not have let in) falls back to the generic editor rather than misreading it.
void param_widget(AppState& app, const ParamDescription& d, const RunKey& key,
                  const json& current, const std::string& help)
{
    const char* name = d.name.c_str();
    if (d.kind == ParamKind::number && current.is_number())
        return number_param(app, d, key, current.get<double>(), help);
    if (d.kind == ParamKind::integer && current.is_number())
        edit_int(app, name, key.path, std::int64_t(std::llround(current.get<double>())), 1);
    else if (d.kind == ParamKind::boolean && current.is_boolean())
        edit_bool(app, name, key.path, current.get<bool>());
    else if (d.kind == ParamKind::choice && current.is_string())
        edit_choice(app, name, key.path, current.get<std::string>(), choices_of(d));
    else
        edit_json_value(app, d.name, key.path, current);
    tooltip(app, help);
}

}  // namespace

std::string param_help(const ParamDescription& d)
{
    std::string s = d.name + ": " + d.doc;
    if (!d.range_text.empty())
        s += "\nrange: " + d.range_text;
    if (!d.default_text.empty())
        s += "\ndefault: " + d.default_text;
    if (d.kind == ParamKind::choice || d.kind == ParamKind::name_list)
    {
        s += "\none of:";
        for (const std::string& c : d.choices)
            s += " " + c;
    }
    return s;
}

void edit_param(AppState& app, const ParamDescription& d, const RunKey& key,
                const json& current)
{
    std::vector<ConfigError> typed;
    const bool red = begin_field(app, key, typed);
    ImGui::PushID(key.path.c_str());
    param_widget(app, d, key, current, param_help(d));
    ImGui::PopID();
    end_field(app, key, d.name, red, typed, current);
}

void edit_run_number(AppState& app, const char* label, const RunKey& key, double current,
                     bool integer, const std::string& doc)
{
    std::vector<ConfigError> typed;
    const bool red = begin_field(app, key, typed);
    if (integer)
        edit_int(app, label, key.path, std::int64_t(std::llround(current)), 1);
    else
        edit_double(app, label, key.path, current);
    tooltip(app, std::string(label) + ": " + doc);
    end_field(app, key, label, red, typed, json(current));
}

void edit_type(AppState& app, const char* label, const std::string& path,
               const std::string& current, const std::vector<TypeDescription>& types)
{
    const TypeDescription* now = find_type(types, current);
    std::string longest;
    for (const TypeDescription& t : types)
        if (ImGui::CalcTextSize(t.label.c_str()).x > ImGui::CalcTextSize(longest.c_str()).x)
            longest = t.label;
    fit_combo_width(label, longest);
    const TypeDescription* chosen = nullptr;
    if (ImGui::BeginCombo(label, now ? now->label.c_str() : current.c_str()))
    {
        for (const TypeDescription& t : types)
        {
            if (ImGui::Selectable(t.label.c_str(), t.type == current) && t.type != current)
                chosen = &t;
            publish_item(app, path + "=" + t.type);
            tooltip(app, t.type + ": " + t.doc);
        }
        ImGui::EndCombo();
    }
    publish_item(app, path);
    // Committed last: the commit rebuilds the experiment that `current` lives in.
    if (chosen)
    {
        set_pending(app, path, chosen->type);
        commit_run_edits(app);
        return;
    }
    if (now)
        tooltip(app, std::string(label) + " " + now->type + ": " + now->doc +
                         "\nA new type starts from its own defaults, and every run restarts at "
                         "step 0.");
}

}  // namespace lrlab
