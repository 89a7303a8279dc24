// Experiment: dataset (with a preview), samples, noise, train fraction, features, hidden layers,
// activation, L1/L2, batch size, steps, seed; "regenerate data" and "new initial weights".
#include <algorithm>

#include <imgui.h>

#include "app/colors.hpp"
#include "app/panels.hpp"
#include "app/widgets.hpp"
#include "core/model/activations.hpp"
#include "core/data/datasets.hpp"
#include "core/data/features.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

// A new seed that differs from `seed` (a fixed odd multiplier: deterministic, well spread).
std::uint64_t next_seed(std::uint64_t seed)
{
    return (seed * 2654435761ULL + 40503ULL) % 4294967296ULL;
}

void data_preview(AppState& app, float side)
{
    const Dataset& d = app.experiment->dataset();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::Dummy({side, side});
    publish_item(app, "data-preview");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, {p0.x + side, p0.y + side}, IM_COL32(248, 248, 248, 255));
    if (app.my_data.drawing)  // my_data.hpp: the drawn points, also before they train
    {
        draw_draft_points(app, p0, side);
        draw_on_square(app, p0, side);
        return;
    }
    if (d.raw_dims != 2)
    {
        const std::string text = app.config().data.dataset == "digits8x8"
                                     ? std::string("8x8 digits")
                                     : std::to_string(d.raw_dims) + " inputs";
        dl->AddText({p0.x + 4, p0.y + side * 0.4f}, IM_COL32(60, 60, 60, 255), text.c_str());
        return;
    }
    const double extent = app.grids.extent > 0 ? app.grids.extent : 6.0;
    const std::size_t n = d.train_x.shape(0);
    for (std::size_t i = 0; i < n; ++i)
    {
        const float x = p0.x + float((d.train_x(i, 0) / extent + 1) * 0.5) * side;
        const float y = p0.y + float((1 - d.train_x(i, 1) / extent) * 0.5) * side;
        const ImU32 c = d.task == TaskKind::regression
                            ? (d.train_y(i) < 0 ? class_color(0) : class_color(1))
                            : class_color(int(d.train_y(i)));
        dl->AddRectFilled({x - 1, y - 1}, {x + 1, y + 1}, c);
    }
}

void features_row(AppState& app, const Config& c)
{
    const json* p = pending_value(app, "data.features");
    std::vector<std::string> current = c.data.features;
    if (p && p->is_array())
        current = p->get<std::vector<std::string>>();
    int k = 0;
    for (const FeatureInfo& f : feature_registry())
    {
        bool on = std::find(current.begin(), current.end(), f.name) != current.end();
        if (k++ % 4 != 0)
            ImGui::SameLine();
        if (ImGui::Checkbox(f.label, &on))
        {
            std::vector<std::string> next;
            for (const FeatureInfo& g : feature_registry())  // keep the registry's order
            {
                const bool was = std::find(current.begin(), current.end(), g.name) != current.end();
                if (g.name == f.name ? on : was)
                    next.push_back(g.name);
            }
            set_pending(app, "data.features", next);
            app.commit_edits();
        }
        publish_item(app, std::string("feature:") + f.name);
    }
}

void hidden_row(AppState& app, const Config& c)
{
    std::vector<int> hidden = c.model.hidden;
    ImGui::TextUnformatted("hidden");
    for (std::size_t l = 0; l < hidden.size(); ++l)
    {
        ImGui::SameLine();
        ImGui::PushID(int(l));
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 2.6f);
        int w = hidden[l];
        const bool changed = ImGui::InputInt("##w", &w, 0, 0);
        publish_item(app, "model.hidden[" + std::to_string(l) + "]");
        if (changed)
        {
            std::vector<int> next = hidden;
            next[l] = w;
            set_pending(app, "model.hidden", next);
        }
        if (ImGui::IsItemDeactivatedAfterEdit())
            app.commit_edits();
        ImGui::PopID();
    }
    ImGui::SameLine();
    if (named_button(app, "+", "add-layer") && hidden.size() < 8)
    {
        hidden.push_back(hidden.empty() ? 4 : hidden.back());
        set_pending(app, "model.hidden", hidden);
        app.commit_edits();
    }
    ImGui::SameLine();
    if (named_button(app, "-", "remove-layer") && !hidden.empty())
    {
        hidden.pop_back();
        set_pending(app, "model.hidden", hidden);
        app.commit_edits();
    }
}

// The settings this panel shows, copied (an edit below may rebuild the experiment that holds
// the config) but for data.points, which no widget here reads: copying 20,000 rows of own data
// every frame cost about 12 ms of each frame. A new DataConfig key needs a line here.
Config shown_settings(const Config& live)
{
    Config c;
    c.seed = live.seed;
    c.model = live.model;
    c.train = live.train;
    c.runs = live.runs;
    const DataConfig& d = live.data;
    c.data.dataset = d.dataset;
    c.data.samples = d.samples;
    c.data.noise = d.noise;
    c.data.train_fraction = d.train_fraction;
    c.data.classes = d.classes;
    c.data.features = d.features;
    c.data.seed = d.seed;
    c.data.task = d.task;
    return c;
}

}  // namespace

void panel_experiment(AppState& app)
{
    if (!ImGui::CollapsingHeader("Experiment", ImGuiTreeNodeFlags_DefaultOpen))
        return;
    const Config c = shown_settings(app.config());
    const float fs = ImGui::GetFontSize();
    ImGui::PushItemWidth(fs * 9);
    ImGui::BeginGroup();
    Choices datasets;
    for (const DatasetInfo& d : dataset_registry())
        datasets.push_back({d.name, d.label});
    edit_choice(app, "dataset", "data.dataset", c.data.dataset, datasets);
    if (c.data.dataset == "points")  // samples and noise do not apply to points
        edit_choice(app, "task", "data.task", c.data.task,
                    {{"auto", "auto"}, {"binary", "binary"}, {"multiclass", "multiclass"},
                     {"regression", "regression"}});
    if (c.data.dataset != "points")
        edit_int(app, "samples", "data.samples", c.data.samples);
    if (c.data.dataset != "points")
        edit_slider(app, "noise", "data.noise", c.data.noise, 0.0f, 1.0f);
    edit_slider(app, "train fraction", "data.train_fraction", c.data.train_fraction, 0.1f, 0.9f);
    if (c.data.dataset == "blobs")
        edit_int(app, "classes", "data.classes", c.data.classes);
    ImGui::EndGroup();
    ImGui::SameLine();
    data_preview(app, fs * 7.5f);
    my_data_controls(app);
    if (c.data.dataset != "digits8x8" && app.experiment->dataset().raw_dims == 2)
        features_row(app, c);
    hidden_row(app, c);
    Choices activations;
    for (const ActivationInfo& a : activation_registry())
        activations.push_back({a.name, a.label});
    edit_choice(app, "activation", "model.activation", c.model.activation, activations);
    edit_choice(app, "init", "model.init", c.model.init,
                {{"auto", "auto"}, {"xavier_uniform", "xavier uniform"},
                 {"xavier_normal", "xavier normal"}, {"he_uniform", "he uniform"},
                 {"he_normal", "he normal"}});
    edit_int(app, "steps", "train.steps", c.train.steps);
    edit_int(app, "batch size", "train.batch_size", c.train.batch_size);
    edit_double(app, "L1", "train.l1", c.train.l1);
    edit_double(app, "L2", "train.l2", c.train.l2);
    edit_int(app, "eval every", "train.eval_every", c.train.eval_every);
    edit_int(app, "seed", "seed", std::int64_t(c.seed));
    ImGui::PopItemWidth();
    if (named_button(app, "Regenerate data", "regenerate-data"))
    {
        set_pending(app, "data.seed", next_seed(c.data.seed));
        app.commit_edits();
    }
    tooltip("New points from a new data seed; the initial weights stay.");
    ImGui::SameLine();
    if (named_button(app, "New initial weights", "new-weights"))
    {
        set_pending(app, "model.init_seed", next_seed(c.model.init_seed));
        app.commit_edits();
    }
    tooltip("New initial weights from a new init seed; the data stay. Every run starts from "
            "the same weights.");
}

}  // namespace lrlab
