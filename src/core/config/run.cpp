// Runs: reading one run (name, optimizer, schedule, clip, train), its mid-run `changes`, and the
// run as it stands at a given step (run_config_at).
//
// A change is validated by applying it to the run's fully resolved JSON and reading that run
// again, in the order the changes take effect; run_config_at does exactly the same, so a config
// that passed validation always yields valid runs at every step. Defaults are resolved once,
// from the base run: a change of optimizer.lr does not move cyclic's base_lr, for example.
#include <algorithm>
#include <cmath>

#include "core/config/json.hpp"
#include "core/config/keys.hpp"

namespace lrlab::config_detail
{
namespace
{

void append(Errors& to, const Errors& from) { to.insert(to.end(), from.begin(), from.end()); }

// Every path a change may set for this run: the keys of its optimizer, schedule and clip types
// and its train keys (not its name or types).
std::vector<std::string> change_paths(const RunConfig& run)
{
    std::vector<std::string> paths;
    if (const auto* t = find_type_descriptor(optimizer_descriptors(), run.optimizer.type))
        for (const auto& k : t->keys)
            paths.push_back(std::string("optimizer.") + k.name);
    if (const auto* t = find_type_descriptor(schedule_descriptors(), run.schedule.type))
        for (const auto& k : t->keys)
            paths.push_back(std::string("schedule.") + k.name);
    if (const auto* t = find_type_descriptor(clip_descriptors(), run.clip.type))
        for (const auto& k : t->keys)
            paths.push_back(std::string("clip.") + k.name);
    for (const auto& k : run_train_keys())
        paths.push_back(std::string("train.") + k.name);
    return paths;
}

void set_path(json& run, const std::string& path, const json& value)
{
    const std::size_t dot = path.find('.');
    run[path.substr(0, dot)][path.substr(dot + 1)] = value;
}

// Reads one entry of `changes`; false if it is malformed (reported).
bool read_change(const json& j, const std::string& path, const RunCtx& ctx,
                 const std::vector<std::string>& allowed, Change& out, Errors& errors)
{
    if (!expect_object(j, path, errors))
        return false;
    const std::size_t before = errors.size();
    check_unknown_keys(j, path, {"at", "path", "value"}, "a change", errors);
    for (const char* required : {"at", "path", "value"})
    {
        if (!j.contains(required))
            errors.push_back({join(path, required), "required"});
    }
    json at;
    if (j.contains("at") &&
        read_value(j["at"], join(path, "at"), Kind::integer,
                   closed(0, static_cast<double>(ctx.defaults.steps)), nullptr, 0, at, errors))
        out.at = at.get<std::int64_t>();
    if (j.contains("path"))
    {
        const json& p = j["path"];
        const bool known = p.is_string() && std::find(allowed.begin(), allowed.end(),
                                                      p.get<std::string>()) != allowed.end();
        if (known)
            out.path = p.get<std::string>();
        else
            errors.push_back({join(path, "path"), (p.is_string() ? "unknown path " + describe(p)
                                                                 : "must be a string, got " +
                                                                       json_type_name(p)) +
                                                      " for this run; changes may set " +
                                                      join_names(allowed)});
    }
    if (j.contains("value"))
        out.value = j["value"];
    return errors.size() == before;
}

// "must be > 0, got -1" when the error is at the changed key itself, else "path: message".
std::string change_message(const ConfigError& e, const std::string& changed)
{
    return e.path == changed ? e.message : to_string(e);
}

}  // namespace

int train_count(const DataConfig& d)
{
    // Same rule as make_dataset (data/datasets.cpp): n_train = floor(samples * train_fraction + 0.5).
    const int n = d.dataset == "points" ? static_cast<int>(d.points.size()) : d.samples;
    return static_cast<int>(std::floor(n * d.train_fraction + 0.5));
}

void read_run_core(const json& j, const std::string& path, const RunCtx& ctx, RunConfig& out,
                   Errors& errors)
{
    out = RunConfig{};
    out.name = "run " + std::to_string(ctx.index + 1);
    if (!expect_object(j, path, errors))
        return;
    check_unknown_keys(j, path, {"name", "optimizer", "schedule", "clip", "train", "changes"},
                       "a run", errors);
    if (j.contains("name"))
        read_run_name(j["name"], join(path, "name"), out.name, errors);
    const json sgd{{"type", "sgd"}};
    append(errors, parse_optimizer(j.contains("optimizer") ? j["optimizer"] : sgd,
                                   join(path, "optimizer"), out.optimizer));
    append(errors, parse_schedule(j.contains("schedule") ? j["schedule"] : json::object(),
                                  join(path, "schedule"), out.optimizer, ctx.defaults.steps,
                                  out.schedule, ctx.check_schedule_lr));
    append(errors, parse_clip(j.contains("clip") ? j["clip"] : json::object(),
                              join(path, "clip"), out.clip));
    const std::string tpath = join(path, "train");
    const json train = j.contains("train") ? j["train"] : json::object();
    if (!expect_object(train, tpath, errors))
        return;
    check_unknown_keys(train, tpath, key_names(run_train_keys()), "a run's train", errors);
    const std::size_t before = errors.size();
    read_keys(train, tpath, run_train_keys(), ctx.defaults, out.train, errors);
    // An inherited batch size is checked once, at train.batch_size.
    if (errors.size() == before && train.contains("batch_size") && ctx.n_train > 0 &&
        out.train.batch_size > ctx.n_train)
        errors.push_back({join(tpath, "batch_size"),
                          "must be <= the number of train samples (" +
                              std::to_string(ctx.n_train) + "), got " +
                              std::to_string(out.train.batch_size)});
}

json run_to_json_core(const RunConfig& r)
{
    json train = json::object();
    write_keys(run_train_keys(), r.train, train);
    return json{{"name", r.name},
                {"optimizer", to_json(r.optimizer)},
                {"schedule", to_json(r.schedule)},
                {"clip", to_json(r.clip)},
                {"train", train}};
}

void read_changes(const json& j, const std::string& path, const RunCtx& ctx, RunConfig& run,
                  Errors& errors)
{
    if (!j.is_array() || j.size() > static_cast<std::size_t>(limits::max_changes))
    {
        errors.push_back({path, j.is_array() ? "must have at most " +
                                                   std::to_string(limits::max_changes) +
                                                   " changes, got " + std::to_string(j.size())
                                             : "must be an array of changes, got " +
                                                   json_type_name(j)});
        return;
    }
    const std::vector<std::string> allowed = change_paths(run);
    std::vector<std::pair<std::size_t, Change>> pending;  // (index in the input, change)
    for (std::size_t k = 0; k < j.size(); ++k)
    {
        Change c;
        if (read_change(j[k], index_path(path, k), ctx, allowed, c, errors))
            pending.emplace_back(k, c);
    }
    std::stable_sort(pending.begin(), pending.end(),
                     [](const auto& a, const auto& b) { return a.second.at < b.second.at; });
    // Apply in the order they take effect; each must leave a valid run.
    json current = run_to_json_core(run);
    bool all_valid = pending.size() == j.size();
    for (const auto& [k, change] : pending)
    {
        json trial = current;
        set_path(trial, change.path, change.value);
        RunConfig tmp;
        Errors found;
        // Only a change of the schedule or of the LR it scales can make the LR overflow.
        RunCtx trial_ctx = ctx;
        trial_ctx.check_schedule_lr =
            ctx.check_schedule_lr &&
            (change.path.rfind("schedule.", 0) == 0 || change.path == "optimizer.lr");
        read_run_core(trial, "", trial_ctx, tmp, found);
        for (const ConfigError& e : found)
            errors.push_back({join(index_path(path, k), "value"), change_message(e, change.path)});
        if (found.empty())
            current = trial;
        all_valid = all_valid && found.empty();
    }
    if (!all_valid)
        return;
    for (const auto& p : pending)
        run.changes.push_back(p.second);
}

}  // namespace lrlab::config_detail

namespace lrlab
{

using namespace config_detail;

RunConfig run_config_at(const Config& c, std::size_t run, std::int64_t step)
{
    if (run >= c.runs.size())
        return RunConfig{};
    const RunConfig& base = c.runs[run];
    if (base.changes.empty() || base.changes.front().at > step)
        return base;
    json j = run_to_json_core(base);
    for (const Change& change : base.changes)
    {
        if (change.at <= step)
            set_path(j, change.path, change.value);
    }
    RunCtx ctx;
    ctx.defaults.steps = c.train.steps;
    ctx.defaults.seed = c.seed;
    ctx.defaults.train = {c.train.batch_size, c.train.l1, c.train.l2};
    ctx.n_train = train_count(c.data);
    ctx.index = run;
    ctx.check_schedule_lr = false;  // checked by parse_config
    RunConfig out;
    Errors errors;
    read_run_core(j, "", ctx, out, errors);
    if (!errors.empty())
        return base;  // cannot happen for a config that passed parse_config
    out.changes = base.changes;
    return out;
}

}  // namespace lrlab
