// The LR finder panel: the LR range test (Smith 2017; `lrlab lr-find`, window.lrlab.lrFind) of
// the selected run, on a copy of it (the page's runs are not touched), chunked over frames.
// Loss against LR on a log axis (raw faint, smoothed bold), each suggestion a dashed line with
// its name and value, the early stop marked, a hover readout; "Apply" writes a suggestion into
// the run by the rules of lr_apply.hpp, through the editor's own path (commit_run_edits), and
// says what changed. Sections: [Options] [Chart] [Suggestions] [Panel]
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "app/chart.hpp"
#include "app/colors.hpp"
#include "app/lr_apply.hpp"
#include "app/panels.hpp"
#include "app/run_changes.hpp"
#include "app/toast.hpp"
#include "app/tuning_controls.hpp"
#include "app/widgets.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

// ---- [Options] -------------------------------------------------------------------------------

void input_double(AppState& app, const char* label, double& v, const char* name, const char* tip)
{
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    ImGui::InputDouble(label, &v, 0, 0, "%.4g");
    publish_item(app, name);
    tooltip(app, tip);
}

void options(AppState& app, LrFinderPanel& f)
{
    input_double(app, "start LR", f.start_lr, "finder-start-lr", "--start-lr: the first LR");
    same_line_if_room("end LR", ImGui::GetFontSize() * 6);
    input_double(app, "end LR", f.end_lr, "finder-end-lr", "--end-lr: the last LR");
    same_line_if_room("iterations", ImGui::GetFontSize() * 6);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    ImGui::InputInt("iterations", &f.num_iter, 10, 100);
    publish_item(app, "finder-num-iter");
    tooltip(app, "--num-iter: one training step per iteration, the LR raised each time");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    ImGui::Combo("mode", &f.mode, "exp\0linear\0");
    publish_item(app, "finder-mode");
    tooltip(app, "--mode: exp spaces the LRs geometrically (pytorch-lr-finder's default), linear "
                 "evenly");
    same_line_if_room("smoothing", ImGui::GetFontSize() * 6);
    input_double(app, "smoothing", f.smooth, "finder-smooth",
                 "--smooth: beta of the debiased EMA of the loss (fastai's 0.98)");
    same_line_if_room("stop at x min", ImGui::GetFontSize() * 6);
    input_double(app, "stop at x min", f.diverge_th, "finder-diverge-th",
                 "--diverge-th: stop once the smoothed loss exceeds this many times its minimum");
    same_line_if_room("loss on", ImGui::GetFontSize() * 5);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    ImGui::Combo("loss on", &f.on, "train\0test\0");
    publish_item(app, "finder-on");
    tooltip(app, "--on: the batch's training loss before each step, or the test set's after it "
                 "(smoother, slower)");
}

json options_json(const LrFinderPanel& f, const std::string& run)
{
    return {{"kind", "lrFind"},          {"run", run},
            {"startLr", f.start_lr},     {"endLr", f.end_lr},
            {"numIter", f.num_iter},     {"mode", f.mode ? "linear" : "exp"},
            {"smooth", f.smooth},        {"divergeTh", f.diverge_th},
            {"on", f.on ? "test" : "train"}};
}

// ---- [Chart] ---------------------------------------------------------------------------------

template <double LrFinderPoint::*field>
bool point(const void* data, int i, double& x, double& y)
{
    const LrFinderPoint& p = (*static_cast<const std::vector<LrFinderPoint>*>(data))[std::size_t(i)];
    x = p.lr;
    y = p.*field;
    return true;
}

struct Mark
{
    const char* name;
    const std::optional<double>* lr;
    ImU32 color;
};

std::vector<Mark> marks_of(const Suggestions& s)
{
    return {{"steepest", &s.steepest, IM_COL32(255, 90, 95, 255)},
            {"minimum/10", &s.minimum, IM_COL32(255, 180, 40, 255)},
            {"valley", &s.valley, IM_COL32(60, 200, 90, 255)}};
}

std::vector<ChartMarker> chart_markers(const LrFinderResult& r)
{
    std::vector<ChartMarker> out;
    char buf[64];
    for (const Mark& m : marks_of(r.suggestions))
        if (m.lr->has_value())
        {
            std::snprintf(buf, sizeof buf, "%s %.3g", m.name, **m.lr);
            out.push_back({**m.lr, m.color, buf});
        }
    if (r.stopped_early && !r.points.empty())
    {
        std::snprintf(buf, sizeof buf, "stopped at iteration %lld",
                      static_cast<long long>(r.stop_iter));
        out.push_back({r.points.back().lr, IM_COL32(170, 170, 170, 255), buf});
    }
    return out;
}

void chart(AppState& app, const LrFinderResult& r, std::size_t color)
{
    std::vector<ChartSeries> series(2);
    series[0].label = "loss (raw)";
    series[0].faint = true;
    series[0].get = &point<&LrFinderPoint::loss>;
    series[1].label = "smoothed";
    series[1].get = &point<&LrFinderPoint::smoothed_loss>;
    for (ChartSeries& s : series)
    {
        s.color = run_color(color);
        s.count = int(r.points.size());
        s.data = &r.points;
    }
    const std::vector<ChartMarker> markers = chart_markers(r);
    ChartOptions o;
    o.title = "loss against LR (log)";
    o.size = {ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 14};
    o.log_x = true;
    o.markers = &markers;
    o.hover_x = &app.tuning.finder.state.hover_x;
    o.x_label = "lr";
    o.x_format = "%.4g";
    o.label_markers = true;
    // The blow-up at the end would squash the descent: cap the y range at 1.6 x the start.
    o.y_cap_factor = 1.6;
    o.trace = app.charts.begin("finder");
    if (!line_chart("finder-chart", o, series))
        app.tuning.finder.state.hover_x = -1;
    publish_item(app, "chart:finder");
}

// ---- [Suggestions] ---------------------------------------------------------------------------

// Writes `edits` into the run named `name` through the editor's path; says what changed.
void apply(AppState& app, const std::string& name, const std::vector<LrEdit>& edits)
{
    const Config& c = app.config();
    const auto it = std::find_if(c.runs.begin(), c.runs.end(),
                                 [&](const RunConfig& r) { return r.name == name; });
    if (it == c.runs.end())
    {
        show_toast(app, "run \"" + name + "\" is gone: nothing applied");
        return;
    }
    const std::size_t i = std::size_t(it - c.runs.begin());
    const RunConfig before = app.experiment->run(i).settings();
    for (const LrEdit& e : edits)
        set_pending(app, "runs[" + std::to_string(i) + "]." + e.rel, e.value);
    commit_run_edits(app);
    if (!app.ui.errors.empty())
    {
        const ConfigError& e = app.ui.errors.front();
        show_toast(app, "not applied: " + e.path + ": " + e.message);
        return;
    }
    show_toast(app, lr_edits_text(name, before, edits));
}

void suggestion_rows(AppState& app, const LrFinderPanel& f, const std::optional<RunConfig>& run)
{
    const LrFinderResult& r = *f.result;
    for (const Mark& m : marks_of(r.suggestions))
    {
        ImGui::PushID(m.name);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(m.color), "%-11s", m.name);
        ImGui::SameLine();
        const std::string key = std::string("finder-suggestion:") + m.name;
        if (!m.lr->has_value())
        {
            ImGui::TextDisabled("none (see the note)");
            publish_text(app, key, "null");
            ImGui::PopID();
            continue;
        }
        char value[32];
        std::snprintf(value, sizeof value, "%.4g", **m.lr);
        ImGui::Text("%-10s", value);
        publish_text(app, key, value);
        if (run)
        {
            const std::vector<LrEdit> edits = lr_edits(*run, **m.lr);
            ImGui::SameLine();
            if (named_button(app, "Apply", std::string("finder-apply:") + m.name))
                apply(app, f.state.run, edits);
            tooltip(app, "sets " + lr_edits_text(f.state.run, *run, edits) +
                             (run->schedule.type == "cyclic"
                                  ? " (cyclic: max_lr = the suggestion, base_lr = a quarter of it, "
                                    "Smith 2017)"
                                  : ""));
        }
        ImGui::PopID();
    }
    if (run && run->schedule.type == "cyclic")
        if (const auto range = descending_range(r, f.result_num_iter))
        {
            char label[96];
            std::snprintf(label, sizeof label, "Apply range %.3g .. %.3g", range->lo, range->hi);
            if (named_button(app, label, "finder-apply:range"))
                apply(app, f.state.run, cyclic_range_edits(range->lo, range->hi));
            tooltip(app, "cyclic: base_lr where the smoothed loss starts to fall, max_lr where it "
                         "stops falling (Smith 2017, section 3.3)");
        }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", r.suggestions.note.c_str());
    ImGui::PopStyleColor();
    publish_text(app, "finder-note", r.suggestions.note);
}

}  // namespace

// ---- [Panel] ---------------------------------------------------------------------------------

void panel_lr_finder(AppState& app)
{
    const bool open = ImGui::CollapsingHeader("LR finder (range test)###finder");
    publish_item(app, "finder-header");
    if (!open)
        return;
    ImGui::PushID("finder");
    LrFinderPanel& f = app.tuning.finder;
    const Config& c = app.config();
    const std::size_t i = std::size_t(std::clamp(app.ui.selected_run, 0, int(c.runs.size()) - 1));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Trains a copy of \"%s\" from its initial weights, one step per iteration "
                       "with the LR raised each time (Smith 2017), until the loss blows up. "
                       "The runs themselves are not touched.",
                       c.runs[i].name.c_str());
    ImGui::PopStyleColor();
    options(app, f);
    if (tuning_controls(app, TuningOwner::finder_panel, "finder") &&
        start_panel_job(app, options_json(f, c.runs[i].name), TuningOwner::finder_panel))
        f.result.reset();
    if (f.result)
    {
        // The run it was for, as it is now (Apply writes into it), if it still exists: a copy,
        // since Apply may rebuild the experiment.
        std::optional<RunConfig> run;
        std::size_t color = i;
        for (std::size_t k = 0; k < c.runs.size(); ++k)
            if (c.runs[k].name == f.state.run)
                run = app.experiment->run(k).settings(), color = k;
        if (f.state.version != app.version)
            ImGui::TextDisabled("(computed before the last change of the config)");
        chart(app, *f.result, color);
        suggestion_rows(app, f, run);
    }
    ImGui::PopID();
}

}  // namespace lrlab
