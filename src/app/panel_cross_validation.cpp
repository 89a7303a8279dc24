// The cross-validation panel: K-fold CV of one numeric key (`lrlab cv`, window.lrlab.
// crossValidate) for the selected run, chunked over frames. The key is one of the run's numeric
// keys (its optimizer.lr first) or any JSON path; the values log- or linearly spaced or a list.
// The chart: mean validation loss with +-1 std error bars against the value (log x for LRs),
// every fold's points faint behind, the best value marked; "Apply best" writes it into the
// config through the editor's path. Sections: [Keys] [Values] [Chart] [Panel]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

#include <imgui.h>

#include "app/chart.hpp"
#include "app/chart_frame.hpp"
#include "app/colors.hpp"
#include "app/panels.hpp"
#include "app/run_changes.hpp"
#include "app/toast.hpp"
#include "app/tuning_controls.hpp"
#include "app/widgets.hpp"
#include "core/config/json.hpp"
#include "core/config/json_path.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

// ---- [Keys] ----------------------------------------------------------------------------------

// The numeric keys of run `i` a person is likely to cross-validate, its LR first, then the
// top-level train keys every run inherits.
std::vector<std::string> numeric_keys(const AppState& app, std::size_t i)
{
    const RunConfig& r = app.experiment->run(i).settings();
    const std::string base = "runs[" + std::to_string(i) + "].";
    std::vector<std::string> out = {base + "optimizer.lr"};
    const auto add_section = [&](const char* section, const json& values)
    {
        for (auto it = values.begin(); it != values.end(); ++it)
            if (it.value().is_number() && it.key() != "lr")
                out.push_back(base + section + "." + it.key());
    };
    add_section("optimizer", to_json(r.optimizer));
    if (r.schedule.type != "constant")
        add_section("schedule", to_json(r.schedule));
    for (const char* k : {"train.batch_size", "train.l2", "train.l1"})
        out.push_back(base + k);
    for (const char* k : {"train.l2", "train.l1", "train.batch_size", "train.steps"})
        out.push_back(k);
    return out;
}

// The value at a JSON path of the whole config, or null.
json value_at(const json& config, const std::string& path)
{
    std::vector<PathPart> parts;
    if (!parse_json_path(path, parts))
        return nullptr;
    const json* cur = &config;
    for (const PathPart& p : parts)
    {
        if (p.index >= 0 && cur->is_array() && std::size_t(p.index) < cur->size())
            cur = &(*cur)[std::size_t(p.index)];
        else if (p.index < 0 && cur->is_object() && cur->contains(p.key))
            cur = &(*cur)[p.key];
        else
            return nullptr;
    }
    return *cur;
}

// An LR-like key (lr, max_lr, base_lr, min_lr, eta_min is not): log spacing and a log axis.
bool lr_like(const std::string& path)
{
    const std::size_t dot = path.rfind('.');
    const std::string key = path.substr(dot == std::string::npos ? 0 : dot + 1);
    return key == "lr" || (key.size() > 3 && key.compare(key.size() - 3, 3, "_lr") == 0);
}

// New defaults of the values when the key changes: a decade either side of an LR (7 values),
// doubling and halving an integer, 0 .. 2x a fraction, a few decades of a penalty that is 0.
void default_values(CvPanel& cv, const std::string& path, const json& current)
{
    cv.defaults_for = path;
    const double v = current.is_number() ? current.get<double>() : 0.0;
    if (lr_like(path) && v > 0)
        cv.spacing = 0, cv.min = v / 10, cv.max = v * 10, cv.count = 7;
    else if (current.is_number_integer() && v >= 2)
    {
        const long long n = current.get<long long>();
        char buf[96];
        std::snprintf(buf, sizeof buf, "%lld,%lld,%lld", std::max(1LL, n / 2), n, n * 2);
        cv.spacing = 2, cv.list = buf;
    }
    else if (v > 0)
        cv.spacing = 1, cv.min = 0, cv.max = 2 * v, cv.count = 5;
    else
        cv.spacing = 2, cv.list = "0,0.0001,0.001,0.01";
}

std::string key_combo(AppState& app, CvPanel& cv, std::size_t run)
{
    const std::vector<std::string> keys = numeric_keys(app, run);
    cv.key = std::clamp(cv.key, 0, int(keys.size()));
    const std::string shown = cv.key < int(keys.size()) ? keys[std::size_t(cv.key)] : "other path";
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::BeginCombo("key", shown.c_str()))
    {
        for (int k = 0; k <= int(keys.size()); ++k)
            if (ImGui::Selectable(k < int(keys.size()) ? keys[std::size_t(k)].c_str()
                                                       : "other path (JSON)",
                                  k == cv.key))
                cv.key = k;
        ImGui::EndCombo();
    }
    publish_item(app, "cv-key");
    tooltip(app, "--param: the numeric key tried at each value, by its JSON path");
    if (cv.key < int(keys.size()))
        return keys[std::size_t(cv.key)];
    char buf[128];
    std::snprintf(buf, sizeof buf, "%s", cv.other_path.c_str());
    same_line_if_room("path", ImGui::GetFontSize() * 12);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ImGui::InputText("path", buf, sizeof buf))
        cv.other_path = buf;
    publish_item(app, "cv-path");
    tooltip(app, "any numeric key, e.g. train.l2, runs[0].optimizer.momentum (not data.*)");
    return cv.other_path;
}

// ---- [Values] --------------------------------------------------------------------------------

void values_row(AppState& app, CvPanel& cv)
{
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    ImGui::Combo("spacing", &cv.spacing, "log\0lin\0list\0");
    publish_item(app, "cv-spacing");
    same_line_if_room(cv.spacing == 2 ? "values" : "min", ImGui::GetFontSize() * (cv.spacing == 2 ? 14 : 5));
    if (cv.spacing == 2)
    {
        char buf[256];
        std::snprintf(buf, sizeof buf, "%s", cv.list.c_str());
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
        if (ImGui::InputText("values", buf, sizeof buf))
            cv.list = buf;
        publish_item(app, "cv-list");
        tooltip(app, "--values a,b,c");
    }
    else
    {
        for (auto [label, v, name] : {std::tuple{"min", &cv.min, "cv-min"},
                                      std::tuple{"max", &cv.max, "cv-max"}})
        {
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
            ImGui::InputDouble(label, v, 0, 0, "%.4g");
            publish_item(app, name);
            same_line_if_room(label[1] == 'i' ? "max" : "N", ImGui::GetFontSize() * 5);
        }
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
        ImGui::InputInt("N", &cv.count);
        publish_item(app, "cv-count");
    }
    same_line_if_room("folds", ImGui::GetFontSize() * 5);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    ImGui::InputInt("folds", &cv.folds);
    publish_item(app, "cv-folds");
    tooltip(app, "--folds: K; the training set is split into K stratified folds");
}

// The --values text of the panel ("log:MIN:MAX:N", "lin:...", or the list as typed).
std::string values_text(const CvPanel& cv)
{
    if (cv.spacing == 2)
        return cv.list;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s:%.17g:%.17g:%d", cv.spacing ? "lin" : "log", cv.min, cv.max,
                  cv.count);
    return buf;
}

// ---- [Chart] ---------------------------------------------------------------------------------

bool mean_point(const void* data, int i, double& x, double& y)
{
    const CvValueSummary& v = (*static_cast<const std::vector<CvValueSummary>*>(data))[std::size_t(i)];
    x = v.value;
    y = v.mean_val_loss;
    return true;
}

struct FoldLine
{
    const std::vector<CvFoldResult>* rows;
    std::size_t fold, folds;
};

bool fold_point(const void* data, int i, double& x, double& y)
{
    const FoldLine& f = *static_cast<const FoldLine*>(data);
    const CvFoldResult& r = (*f.rows)[std::size_t(i) * f.folds + f.fold];
    x = r.value;
    y = r.val_loss;
    return true;
}

// +-1 standard deviation of the folds' validation loss at each value, with caps.
void error_bars(ImDrawList* dl, const ChartFrame& f, const void* data)
{
    const auto& values = *static_cast<const std::vector<CvValueSummary>*>(data);
    const float cap = ImGui::GetFontSize() * 0.3f;
    for (const CvValueSummary& v : values)
    {
        if (!std::isfinite(v.mean_val_loss) || !std::isfinite(v.std_val_loss) || !f.x_inside(v.value))
            continue;
        const float x = f.sx(v.value);
        const float y0 = f.sy(v.mean_val_loss - v.std_val_loss), y1 = f.sy(v.mean_val_loss + v.std_val_loss);
        const ImU32 c = IM_COL32(235, 235, 235, 220);
        dl->AddLine({x, y0}, {x, y1}, c, 1.5f);
        dl->AddLine({x - cap, y0}, {x + cap, y0}, c, 1.5f);
        dl->AddLine({x - cap, y1}, {x + cap, y1}, c, 1.5f);
    }
}

void chart(AppState& app, const CvPanel& cv)
{
    const std::size_t folds = cv.summary.values.empty() ? 0 : cv.rows.size() / cv.summary.values.size();
    std::vector<FoldLine> lines(folds);
    std::vector<ChartSeries> series;
    for (std::size_t k = 0; k < folds; ++k)
    {
        lines[k] = {&cv.rows, k, folds};
        ChartSeries s;
        s.label = "fold " + std::to_string(k);
        s.color = IM_COL32(150, 150, 150, 255);
        s.faint = s.dots = true;
        s.count = int(cv.summary.values.size());
        s.data = &lines[k];
        s.get = &fold_point;
        series.push_back(s);
    }
    ChartSeries mean;
    mean.label = "mean val loss";
    mean.color = run_color(0);
    mean.dots = true;
    mean.count = int(cv.summary.values.size());
    mean.data = &cv.summary.values;
    mean.get = &mean_point;
    series.push_back(mean);
    std::vector<ChartMarker> markers;
    if (cv.summary.best)
    {
        char buf[64];
        std::snprintf(buf, sizeof buf, "best %.4g", *cv.summary.best);
        markers.push_back({*cv.summary.best, IM_COL32(60, 200, 90, 255), buf});
    }
    bool positive = !cv.summary.values.empty();
    for (const CvValueSummary& v : cv.summary.values)
        positive = positive && v.value > 0;
    ChartOptions o;
    o.title = "validation loss: mean +-1 std (grey: each fold)";
    o.size = {ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 14};
    o.log_x = positive && lr_like(cv.param);
    o.markers = &markers;
    o.hover_x = &app.tuning.cv.state.hover_x;
    o.x_label = cv.param.c_str();
    o.x_format = "%.4g";
    o.label_markers = true;
    o.overlay = &error_bars;
    o.overlay_data = &cv.summary.values;
    o.trace = app.charts.begin("cv");
    if (!line_chart("cv-chart", o, series))
        app.tuning.cv.state.hover_x = -1;
    publish_item(app, "chart:cv");
}

void apply_best(AppState& app, const CvPanel& cv)
{
    const double best = *cv.summary.best;
    const json before = value_at(to_json(app.config()), cv.param);
    const bool integral = before.is_number_integer() && std::floor(best) == best;
    set_pending(app, cv.param, integral ? json(static_cast<long long>(best)) : json(best));
    commit_run_edits(app);
    char buf[192];
    if (!app.ui.errors.empty())
        std::snprintf(buf, sizeof buf, "not applied: %s: %s", app.ui.errors[0].path.c_str(),
                      app.ui.errors[0].message.c_str());
    else
        std::snprintf(buf, sizeof buf, "cv: %s %s -> %.4g", cv.param.c_str(),
                      before.is_null() ? "(unset)" : before.dump().c_str(), best);
    show_toast(app, buf);
}

void result_rows(AppState& app, const CvPanel& cv)
{
    chart(app, cv);
    if (!cv.summary.best)
    {
        ImGui::TextDisabled("no best value: every value has a diverged fold");
        publish_text(app, "cv-best", "null");
        return;
    }
    char text[96];
    std::snprintf(text, sizeof text, "best %s = %.4g", cv.param.c_str(), *cv.summary.best);
    ImGui::TextUnformatted(text);
    publish_text(app, "cv-best", text);
    ImGui::SameLine();
    if (named_button(app, "Apply best", "cv-apply"))
        apply_best(app, cv);
    tooltip(app, "sets " + cv.param + " of the config to the value of lowest mean validation "
                 "loss among those with no diverged fold");
}

// One job for the whole CV: with Web Workers it runs fold by fold on the page's pool, else in
// per-frame chunks (start_panel_job, tuning_pool.hpp).
bool start_cross_validation(AppState& app, const json& options)
{
    return start_panel_job(app, options, TuningOwner::cv_panel);
}

}  // namespace

// ---- [Panel] ---------------------------------------------------------------------------------

void panel_cross_validation(AppState& app)
{
    const bool open = ImGui::CollapsingHeader("Cross-validation###cv");
    publish_item(app, "cv-header");
    if (!open)
        return;
    ImGui::PushID("cv");
    CvPanel& cv = app.tuning.cv;
    const Config& c = app.config();
    const std::size_t i = std::size_t(std::clamp(app.ui.selected_run, 0, int(c.runs.size()) - 1));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("K-fold cross-validation of \"%s\": for each value, K trainings on the "
                       "other folds of the training set, scored on the held-out fold (the "
                       "test set is never used).",
                       c.runs[i].name.c_str());
    ImGui::PopStyleColor();
    const std::string path = key_combo(app, cv, i);
    if (path != cv.defaults_for)
        default_values(cv, path, value_at(to_json(c), path));
    values_row(app, cv);
    if (tuning_controls(app, TuningOwner::cv_panel, "cv"))
    {
        const json options = {{"kind", "crossValidate"}, {"run", c.runs[i].name},
                              {"param", path},           {"values", values_text(cv)},
                              {"folds", cv.folds}};
        if (start_cross_validation(app, options))
            cv.has_result = false;
    }
    if (cv.has_result)
        result_rows(app, cv);
    ImGui::PopID();
}

}  // namespace lrlab
