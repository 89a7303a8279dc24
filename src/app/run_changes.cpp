// Edits of run keys from step 0 vs mid-run, and the run's recorded changes (run_changes.hpp).
#include "app/run_changes.hpp"

#include "app/edit_words.hpp"

#include "core/config/json.hpp"
#include "core/config/json_path.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

bool names(const ConfigError& e, const std::string& path)
{
    if (e.path.compare(0, path.size(), path) != 0)
        return false;
    return e.path.size() == path.size() || e.path[path.size()] == '.' ||
           e.path[path.size()] == '[';
}

// Drops run `run`'s recorded changes of `rel` from the config JSON `j`; returns how many.
std::size_t drop_changes(json& j, std::size_t run, const std::string& rel)
{
    if (!j.contains("runs") || run >= j["runs"].size())
        return 0;
    json& r = j["runs"][run];
    if (!r.contains("changes") || !r["changes"].is_array())
        return 0;
    json kept = json::array();
    for (const json& ch : r["changes"])
        if (!(ch.contains("path") && ch["path"] == rel))
            kept.push_back(ch);
    const std::size_t dropped = r["changes"].size() - kept.size();
    if (kept.empty())
        r.erase("changes");
    else
        r["changes"] = kept;
    return dropped;
}

std::size_t changes_of(const RunConfig& r, const std::string& rel)
{
    std::size_t n = 0;
    for (const Change& ch : r.changes)
        n += ch.path == rel;
    return n;
}

std::string plural(std::size_t n, const char* what)
{
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

}  // namespace

void commit_run_edits(AppState& app)
{
    const Experiment& e = *app.experiment;
    std::size_t run = 0;
    std::string rel;
    bool keys_only = !app.ui.pending.empty();
    for (const Edit& ed : app.ui.pending)
        keys_only = keys_only && run_key_path(ed.path, run, rel) && run < e.size();
    if (!keys_only || (e.step() > 0 && !e.finished()))
    {
        app.commit_edits();  // mid-run: a recorded change; anything else: a new experiment
        return;
    }
    std::vector<Edit> edits;
    edits.swap(app.ui.pending);
    json j = apply_edits(app.config(), edits);
    std::size_t dropped = 0;
    for (const Edit& ed : edits)
        if (run_key_path(ed.path, run, rel))
            dropped += drop_changes(j, run, rel);
    ConfigResult r = parse_config(j);
    if (!r.ok())
    {
        app.ui.errors = r.errors;
        return;
    }
    const bool restarted = e.step() > 0;
    app.ui.errors.clear();
    app.rebuild(r.config);
    app.ui.lesson.clear();
    std::string status = describe_edit(app.config(), edits.back()) + " from step 0";
    if (dropped > 0)
        status += ", replacing " + plural(dropped, "recorded change");
    if (restarted)
        status += "; training had finished, so every run restarted at step 0";
    app.ui.status = status;
}

std::string edit_effect(const AppState& app, std::size_t run, const std::string& rel)
{
    const Experiment& e = *app.experiment;
    const std::size_t n = run < e.size() ? changes_of(e.config().runs[run], rel) : 0;
    const std::string replaces =
        n > 0 ? " (replacing its " + plural(n, "recorded change") + " of " + rel + ")" : "";
    if (e.step() == 0)
        return "sets the run's " + rel + " from step 0" + replaces;
    if (e.finished())
        return "training is finished: sets the run's " + rel + " from step 0" + replaces +
               " and restarts every run at step 0, so that Play trains with it";
    return "applies from step " + std::to_string(e.step()) +
           " on: recorded as a change of this run (listed below; Reset replays it)";
}

void remove_change(AppState& app, std::size_t run, std::size_t k)
{
    const Config& c = app.config();
    if (run >= c.runs.size() || k >= c.runs[run].changes.size())
        return;
    const Change ch = c.runs[run].changes[k];
    json j = apply_edits(c, {});
    json& changes = j["runs"][run]["changes"];
    changes.erase(k);
    if (changes.empty())
        j["runs"][run].erase("changes");
    ConfigResult r = parse_config(j);
    if (!r.ok())
    {
        app.ui.errors = r.errors;
        return;
    }
    const bool restarted = app.experiment->step() > 0;
    app.ui.errors.clear();
    app.rebuild(r.config);
    app.ui.lesson.clear();
    app.ui.status = "removed the change of " + ch.path + " at step " + std::to_string(ch.at) +
                    (restarted ? "; every run restarted at step 0" : "");
}

std::vector<ConfigError> pending_errors(const AppState& app, const std::string& path)
{
    std::vector<ConfigError> out;
    for (const Edit& ed : app.ui.pending)
    {
        if (ed.path != path)
            continue;
        ConfigResult r = parse_config(apply_edits(app.config(), {ed}));
        for (const ConfigError& err : r.errors)
            if (names(err, path))
                out.push_back(err);
        // An error elsewhere (a key that depends on this one) still keeps the edit out.
        if (out.empty() && !r.errors.empty())
            out.push_back(r.errors.front());
    }
    return out;
}

std::vector<ConfigError> committed_errors(const AppState& app, const std::string& path)
{
    std::vector<ConfigError> out;
    for (const ConfigError& err : app.ui.errors)
        if (names(err, path))
            out.push_back(err);
    return out;
}

}  // namespace lrlab
