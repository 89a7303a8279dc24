// The sweep panel: an LR range x optimizers (x an optional extra key) grid, trained in the
// page's pool of Web Workers (web/worker_pool.js) through the same path as lrlab.sweep, and
// its two views, filled in as cells finish (sweep_views.hpp). Sections: [Form] [Progress]
// [Cells] [Panel]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include <imgui.h>

#include "app/panels.hpp"
#include "app/sweep_url.hpp"
#include "app/sweep_views.hpp"
#include "app/toast.hpp"
#include "app/web_api.hpp"
#include "app/web_sweep.hpp"
#include "app/widgets.hpp"
#include "core/config/json.hpp"
#include "core/config/url_codec.hpp"
#include "core/optim/descriptor.hpp"

namespace lrlab
{
namespace
{

// ---- [Form] ----------------------------------------------------------------------------------

void lr_range(AppState& app, SweepForm& f)
{
    const float fs = ImGui::GetFontSize();
    const auto field = [&](const char* label, const char* id, double* value, const char* name)
    {
        ImGui::TextUnformatted(label);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(fs * 6);
        ImGui::InputDouble(id, value, 0, 0, "%.3g");
        publish_item(app, name);
        ImGui::SameLine();
    };
    field("LR from", "##lr_min", &f.lr_min, "sweep.lr_min");
    field("to", "##lr_max", &f.lr_max, "sweep.lr_max");
    ImGui::TextUnformatted("in");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(fs * 7);
    ImGui::InputInt("LRs (log-spaced)", &f.lr_n);
    publish_item(app, "sweep.lr_n");
    f.lr_n = std::clamp(f.lr_n, 1, 1000);
}

void optimizer_boxes(AppState& app, SweepForm& f)
{
    const float fs = ImGui::GetFontSize();
    // Checkboxes flow like words: on the line while they fit, then on the next.
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float spacing = fs * 0.6f;
    bool first = true;
    for (const OptimizerDescriptor& d : optimizer_descriptors())
    {
        const std::string type = d.type;
        auto it = std::find(f.optimizers.begin(), f.optimizers.end(), type);
        bool on = it != f.optimizers.end();
        const float width = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                            ImGui::CalcTextSize(d.type).x;
        if (!first && ImGui::GetItemRectMax().x + spacing + width < right)
            ImGui::SameLine(0, spacing);
        first = false;
        if (ImGui::Checkbox(d.type, &on))
            on ? f.optimizers.push_back(type) : void(f.optimizers.erase(it));
        publish_item(app, "sweep.opt." + type);
    }
    // The grid's order is the order of the registry, whatever the order of the clicks.
    std::vector<std::string> ordered;
    for (const OptimizerDescriptor& d : optimizer_descriptors())
        if (std::find(f.optimizers.begin(), f.optimizers.end(), d.type) != f.optimizers.end())
            ordered.push_back(d.type);
    f.optimizers = ordered;
}

void extra_key(AppState& app, SweepForm& f)
{
    const float fs = ImGui::GetFontSize();
    ImGui::TextUnformatted("and");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(fs * 16);
    ImGui::InputTextWithHint("##key", "key, e.g. runs[0].train.batch_size", f.param.data(),
                             f.param.size());
    publish_item(app, "sweep.param");
    tooltip("Optional: a JSON path of the config to vary too (a schedule's key, the batch size, "
            "train.l2, ...), as `lrlab sweep --param`");
    ImGui::SameLine();
    ImGui::TextUnformatted("=");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(fs * 12);
    ImGui::InputTextWithHint("##values", "values: 8,32 or log:..", f.values.data(),
                             f.values.size());
    publish_item(app, "sweep.values");
    ImGui::Checkbox("target loss", &f.use_target);
    publish_item(app, "sweep.use_target");
    tooltip("steps_to_target: the first evaluated step whose test loss is at most this");
    if (f.use_target)
    {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(fs * 6);
        ImGui::InputDouble("##target", &f.target_loss, 0, 0, "%.3g");
    }
}

// ---- [Progress] ------------------------------------------------------------------------------

void progress(AppState& app)
{
    const SweepView& v = app.sweep;
    if (!v.request)
        return;
    const double total = double(v.request->cells);
    const double elapsed = ((v.running ? web_now_ms() : v.finished_ms) - v.started_ms) / 1000.0;
    char text[160];
    if (v.running && v.done > 0)
        std::snprintf(text, sizeof text, "%lld / %lld cells, about %.0f s left",
                      static_cast<long long>(v.done), static_cast<long long>(v.request->cells),
                      elapsed / double(v.done) * (total - double(v.done)));
    else
        std::snprintf(text, sizeof text, "%lld / %lld cells in %.1f s",
                      static_cast<long long>(v.done), static_cast<long long>(v.request->cells),
                      elapsed);
    ImGui::ProgressBar(total > 0 ? float(double(v.done) / total) : 0.0f, {-1, 0}, text);
    publish_text(app, "sweep.progress", text);
    int diverged = 0, failed = 0;
    for (std::size_t i = 0; i < v.rows.size(); ++i)
    {
        diverged += v.rows[i] && v.rows[i]->diverged;
        failed += !v.failed[i].empty();
    }
    ImGui::Text("%d diverged, %d failed. %s", diverged, failed, v.status.c_str());
    for (std::size_t i = 0, shown = 0; i < v.failed.size() && shown < 3; ++i)
        if (!v.failed[i].empty() && ++shown)
            ImGui::TextColored({1.0f, 0.45f, 0.45f, 1.0f}, "cell %zu failed: %s", i,
                               v.failed[i].c_str());
}

void run_buttons(AppState& app)
{
    SweepView& v = app.sweep;
    const Config& c = app.config();
    const std::size_t base = std::size_t(std::clamp(app.ui.selected_run, 0, int(c.runs.size()) - 1));
    v.form.run = c.runs.size() > 1 ? c.runs[base].name : "";
    if (named_button(app, v.running ? "Restart" : "Run sweep", "sweep.run"))
        web_sweep_start(options_from_form(v.form));
    ImGui::SameLine();
    ImGui::BeginDisabled(!v.running);
    if (named_button(app, "Cancel", "sweep.cancel"))
        web_sweep_cancel();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::Checkbox("best loss", &v.best_loss);
    publish_item(app, "sweep.best_loss");
    tooltip("Show each cell's lowest test loss of any evaluation instead of its final one");
    ImGui::SameLine();
    ImGui::TextDisabled("base: %s", c.runs[base].name.c_str());
    for (const ConfigError& e : v.errors)
        ImGui::TextColored({1.0f, 0.45f, 0.45f, 1.0f}, "%s%s%s", e.path.c_str(),
                           e.path.empty() ? "" : ": ", e.message.c_str());
}

}  // namespace

// ---- [Cells] ---------------------------------------------------------------------------------

void sweep_cell_tooltip(AppState& app, std::int64_t cell)
{
    const SweepView& v = app.sweep;
    const SweepCell c = sweep_cell(v.request->spec, v.request->base_run, cell);
    std::string text = "cell " + std::to_string(cell) + ": " + c.optimizer + ", lr " +
                       format_double(c.lr);
    const std::string params = sweep_params_text(v.request->spec, c);
    if (!params.empty())
        text += ", " + params;
    const std::optional<SweepRow>& r = v.rows[std::size_t(cell)];
    char buf[320];
    if (!v.failed[std::size_t(cell)].empty())
        text += "\nfailed: " + v.failed[std::size_t(cell)];
    else if (!r)
        text += "\nnot trained yet";
    else
    {
        std::snprintf(buf, sizeof buf,
                      "\nfinal test loss %.5g, train loss %.5g\nbest test loss %.5g at step %lld",
                      r->final_test_loss, r->final_train_loss, r->best_test_loss,
                      static_cast<long long>(r->best_step.value_or(-1)));
        text += buf;
        if (r->final_test_acc)
            std::snprintf(buf, sizeof buf, "\ntest accuracy %.4g", *r->final_test_acc), text += buf;
        if (r->steps_to_target)
            text += "\ntarget reached at step " + std::to_string(*r->steps_to_target);
        if (r->diverged)
            text += "\ndiverged";
    }
    tooltip(app, text + "\n(click: add it as a run)");
}

void add_sweep_cell_run(AppState& app, std::int64_t cell)
{
    SweepView& v = app.sweep;
    SweepRow row;
    row.cell = cell;
    row.params = sweep_params_text(v.request->spec, sweep_cell(v.request->spec, v.request->base_run, cell));
    std::vector<std::string> skipped;
    nlohmann::json run = sweep_cell_as_run(*v.request, row, skipped);
    nlohmann::json config = to_url_json(app.config());
    std::set<std::string> names;
    for (const RunConfig& r : app.config().runs)
        names.insert(r.name);
    const std::string name = run["name"].get<std::string>();
    for (int k = 2; names.count(run["name"].get<std::string>()); ++k)
        run["name"] = name + " (" + std::to_string(k) + ")";
    config["runs"].push_back(run);
    const std::vector<ConfigError> errors = app.set_config(config);
    std::string said = errors.empty() ? "added the run \"" + run["name"].get<std::string>() + "\""
                                      : "the cell could not be added: " + errors[0].path + ": " +
                                            errors[0].message;
    for (const std::string& p : skipped)
        said += "; " + p + " is the experiment's, not a run's: not applied";
    app.ui.status = said;
    show_toast(app, said);
}

// ---- [Panel] ---------------------------------------------------------------------------------

void panel_sweep(AppState& app)
{
    SweepView& v = app.sweep;
    if (v.start_from_url)  // a shared link's sweep runs once, as soon as the page is up
    {
        v.start_from_url = false;
        web_sweep_start(v.options);
        ImGui::SetNextItemOpen(true);
    }
    if (v.open_panel)
        ImGui::SetNextItemOpen(true), v.open_panel = false;
    const bool open = ImGui::CollapsingHeader("Sweep: LR x optimizer");
    publish_item(app, "sweep.header");
    if (!open)
        return;
    lr_range(app, v.form);
    optimizer_boxes(app, v.form);
    extra_key(app, v.form);
    run_buttons(app);
    progress(app);
    if (!v.request)
        return;
    const SweepGrid grid = sweep_grid(*v.request);
    const float fs = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    v.hover_cell = -1;
    sweep_sensitivity_chart(app, grid, {width, std::fmax(fs * 14, width * 0.45f)});
    const float rows = float(grid.groups.size());
    sweep_heatmap(app, grid, {width, fs * 3.2f + std::clamp(rows * fs * 1.6f, fs * 4, fs * 24)});
}

}  // namespace lrlab
