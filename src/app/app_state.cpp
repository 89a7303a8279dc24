// AppState (app_state.hpp): the one way to change the experiment.
#include "app/app_state.hpp"

#include <algorithm>

#include "core/config/url_codec.hpp"
#include "app/edit_words.hpp"
#include "app/lessons.hpp"
#include "app/web_api.hpp"
#include "core/config/budget.hpp"
#include "core/config/json.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

// Sets `value` at `path` (error-message syntax) inside `j`, creating objects on the way.
bool set_json_path(json& j, const std::string& path, const json& value)
{
    std::vector<PathPart> parts;
    if (!parse_json_path(path, parts))
        return false;
    json* cur = &j;
    for (const PathPart& p : parts)
    {
        if (p.index >= 0)
        {
            if (!cur->is_array() || std::size_t(p.index) >= cur->size())
                return false;
            cur = &(*cur)[std::size_t(p.index)];
        }
        else
        {
            if (cur->is_null())
                *cur = json::object();
            if (!cur->is_object())
                return false;
            cur = &(*cur)[p.key];
        }
    }
    *cur = value;
    return true;
}


}  // namespace

bool run_key_path(const std::string& path, std::size_t& run, std::string& rel)
{
    std::vector<PathPart> parts;
    if (!parse_json_path(path, parts) || parts.size() != 4 || parts[0].key != "runs" ||
        parts[1].index < 0)
        return false;
    const std::string& section = parts[2].key;
    if (section != "optimizer" && section != "schedule" && section != "clip" &&
        section != "train")
        return false;
    if (parts[3].key == "type" || parts[3].key.empty())
        return false;
    run = std::size_t(parts[1].index);
    rel = section + "." + parts[3].key;
    return true;
}

json apply_edits(const Config& c, const std::vector<Edit>& edits)
{
    // The minimal form keeps defaults that depend on train.steps or the LR (T_max = S, ...)
    // following them when those change.
    json j = to_minimal_json(c);
    // The minimal form leaves out an optimizer that is all defaults (sgd): name its type, so
    // that an edit of one of its keys still names the optimizer.
    for (std::size_t i = 0; i < c.runs.size() && i < j["runs"].size(); ++i)
        j["runs"][i]["optimizer"]["type"] = c.runs[i].optimizer.type;
    for (const Edit& e : edits)
    {
        const bool is_type = e.path.size() > 5 && e.path.compare(e.path.size() - 5, 5, ".type") == 0;
        if (is_type)
        {
            // A new optimizer/schedule/clip type starts from its own (PyTorch) defaults.
            const std::string owner = e.path.substr(0, e.path.size() - 5);
            const json fresh = {{"type", e.value}};
            set_json_path(j, owner, fresh);
        }
        else
            set_json_path(j, e.path, e.value);
    }
    return j;
}

std::vector<ConfigError> AppState::set_config(const json& j)
{
    if (!j.is_object())
        return {{"", "must be a JSON object"}};
    ConfigResult r = parse_config(j);
    if (r.ok())
        check_budget(r.config, page_budget(), r.errors);  // a tab's budget is lower (budget.hpp)
    if (!r.ok())
        return r.errors;
    install(r.config);
    landscape.active = false;  // an experiment config shows the network view
    return {};
}

void AppState::install(const Config& c)
{
    experiment = std::make_unique<Experiment>(c);
    ui.playing = false;
    ui.pending.clear();
    ui.errors.clear();
    ui.selected_run = std::min<int>(ui.selected_run, int(c.runs.size()) - 1);
    ++version;
    web_post_evaluations(*this, -1);
}

void AppState::rebuild(const Config& c)
{
    const bool was_playing = ui.playing;
    install(c);
    ui.playing = was_playing;
}

void AppState::commit_edits()
{
    if (ui.pending.empty())
        return;
    std::vector<Edit> edits;
    edits.swap(ui.pending);
    const json j = apply_edits(config(), edits);
    ConfigResult r = parse_config(j);
    if (r.ok())
        check_budget(r.config, page_budget(), r.errors);
    if (!r.ok())
    {
        ui.errors = r.errors;
        return;
    }
    ui.errors.clear();
    // A lesson at another seed is still the lesson: the panel shows whether its claims hold.
    if (!std::all_of(edits.begin(), edits.end(),
                     [](const Edit& e) { return is_seed_path(e.path); }))
        ui.lesson.clear();
    // Key changes of runs apply from the next step, without a reset (what Playground users
    // expect of the LR); everything else is a new experiment.
    bool keys_only = experiment->step() > 0;
    std::size_t run = 0;
    std::string rel;
    for (const Edit& e : edits)
        keys_only = keys_only && run_key_path(e.path, run, rel) && run < experiment->size();
    if (keys_only)
    {
        for (const Edit& e : edits)
        {
            run_key_path(e.path, run, rel);
            std::vector<ConfigError> errors = experiment->change(run, rel, e.value);
            ui.errors.insert(ui.errors.end(), errors.begin(), errors.end());
        }
        ui.status = describe_edit(config(), edits.back()) + ", from step " +
                    std::to_string(experiment->step()) + " on";
        ++version;
        return;
    }
    const bool started = experiment->step() > 0;
    rebuild(r.config);
    ui.status = describe_edit(config(), edits.back()) + (started ? ": restarted from step 0" : "");
}

std::int64_t AppState::step(std::int64_t n)
{
    if (landscape.active)  // the transport drives the view that shows
        return landscape_step(*this, n);
    const std::int64_t before = experiment->step();
    const std::int64_t after = experiment->step_all(n);
    if (after != before)
        web_post_evaluations(*this, before);
    if (experiment->finished())
        ui.playing = false;
    return after;
}

void AppState::reset()
{
    if (landscape.active)
        return landscape_reset(*this);
    experiment->reset();
    ++version;
    web_post_evaluations(*this, -1);
}

void AppState::play()
{
    if (landscape.active)
    {
        ui.playing = !landscape_finished(landscape);
        return;
    }
    ui.playing = !experiment->finished();  // training pauses by itself at train.steps
}

}  // namespace lrlab
