// The experiment config: JSON -> Config (the one validator) and back, in full (to_json) or only
// what differs from the defaults (to_minimal_json, for URLs). The key tables are in
// config/registry.cpp and config/schedule_table.cpp; runs and changes in config/run.cpp.
//
// Sections: [Reading] [Writing]
#include "core/config/json.hpp"
#include "core/config/budget.hpp"

#include "core/config/keys.hpp"
#include "core/config/points.hpp"
#include "core/data/datasets.hpp"
#include "core/data/points.hpp"

namespace lrlab
{

using namespace config_detail;

namespace
{

// ---- [Reading] -------------------------------------------------------------------------------

// The object at j[name] (an empty one when omitted); unknown keys reported.
template <class Cfg>
bool read_section(const json& j, const char* name, const std::vector<Key<Cfg>>& keys,
                  const DefaultCtx& ctx, Cfg& out, Errors& errors)
{
    const std::size_t before = errors.size();
    const json section = j.contains(name) ? j[name] : json::object();
    if (expect_object(section, name, errors))
        check_unknown_keys(section, name, key_names(keys), name, errors);
    read_keys(section.is_object() ? section : json::object(), name, keys, ctx, out, errors);
    return errors.size() == before;
}

// Returns the number of train samples, or -1 when the data section is invalid. The data keys
// are the table's and those of the points dataset (config/points.hpp).
int read_data(const json& j, const DefaultCtx& ctx, DataConfig& d, Errors& errors)
{
    const std::size_t before = errors.size();
    const json empty = json::object();
    const json& section = j.contains("data") ? j["data"] : empty;
    if (expect_object(section, "data", errors))
    {
        std::vector<std::string> allowed = key_names(data_keys());
        allowed.insert(allowed.end(), points_key_names().begin(), points_key_names().end());
        check_unknown_keys(section, "data", allowed, "data", errors);
    }
    read_keys(section.is_object() ? section : empty, "data", data_keys(), ctx, d, errors);
    read_points_keys(section, d, errors);
    if (errors.size() != before)
        return -1;
    const DatasetInfo* info = find_dataset(d.dataset);
    const int inputs = d.dataset == "points" ? points_inputs(d) : info ? info->raw_dims : 2;
    if (inputs != 2 && section.contains("features"))
    {
        errors.push_back({"data.features", d.dataset + " takes no features (it feeds its " +
                                               std::to_string(inputs) + " inputs)"});
        return -1;
    }
    const int n = d.dataset == "points" ? points_rows(d) : d.samples;
    const int n_train = train_count(d);
    if (n_train < 1 || n_train > n - 1)
    {
        errors.push_back({"data.train_fraction",
                          "leaves " + std::to_string(n_train) + " train and " +
                              std::to_string(n - n_train) + " test samples of " +
                              std::to_string(n) + "; each needs at least 1"});
        return -1;
    }
    return n_train;
}

void check_unique_names(const std::vector<std::string>& names, Errors& errors)
{
    for (std::size_t i = 0; i < names.size(); ++i)
    {
        for (std::size_t k = 0; k < i; ++k)
        {
            if (names[k] == names[i])
            {
                errors.push_back({index_path("runs", i) + ".name",
                                  "duplicate run name " + describe(json(names[i])) +
                                      " (also runs[" + std::to_string(k) + "])"});
                break;
            }
        }
    }
}

void read_runs(const json& j, const RunCtx& base, bool changes_checkable, Config& c,
               Errors& errors)
{
    const json runs = j.contains("runs") ? j["runs"]
                                         : json::array({json{{"optimizer", {{"type", "sgd"}}}}});
    if (!runs.is_array() || runs.empty() ||
        runs.size() > static_cast<std::size_t>(limits::max_runs))
    {
        errors.push_back({"runs", runs.is_array() && !runs.empty()
                                      ? "must have at most " + std::to_string(limits::max_runs) +
                                            " runs, got " + std::to_string(runs.size())
                                      : "must be a non-empty array of runs, got " +
                                            json_type_name(runs)});
        return;
    }
    std::vector<std::string> names;
    for (std::size_t i = 0; i < runs.size(); ++i)
    {
        RunCtx ctx = base;
        ctx.index = i;
        RunConfig run;
        const std::size_t before = errors.size();
        const std::string path = index_path("runs", i);
        read_run_core(runs[i], path, ctx, run, errors);
        if (errors.size() == before && changes_checkable && runs[i].contains("changes"))
            read_changes(runs[i]["changes"], join(path, "changes"), ctx, run, errors);
        names.push_back(run.name);
        c.runs.push_back(run);
    }
    check_unique_names(names, errors);
}

// ---- [Writing] -------------------------------------------------------------------------------

bool takes_features(const DataConfig& d)
{
    if (d.dataset == "points")
        return points_inputs(d) == 2;
    const DatasetInfo* info = find_dataset(d.dataset);
    return !info || info->raw_dims == 2;
}

json changes_json(const RunConfig& r)
{
    json out = json::array();
    for (const Change& c : r.changes)
        out.push_back(json{{"at", c.at}, {"path", c.path}, {"value", c.value}});
    return out;
}

// {"type": T, keys that differ from T's defaults}
template <class Desc, class Cfg>
json minimal_typed(const std::vector<Desc>& list, const Cfg& c, const DefaultCtx& ctx)
{
    json out{{"type", c.type}};
    if (const Desc* t = find_type_descriptor(list, c.type))
        write_changed_keys(t->keys, ctx, c, out);
    return out;
}

// A schedule; sequential's children minimal too.
json minimal_schedule(const ScheduleConfig& s, const DefaultCtx& ctx)
{
    json out = minimal_typed(schedule_descriptors(), s, ctx);
    if (out.contains("schedules"))
    {
        json children = json::array();
        for (const ScheduleConfig& child : s.schedules)
            children.push_back(minimal_schedule(child, ctx));
        out["schedules"] = children;
    }
    return out;
}

json minimal_run(const RunConfig& r, const RunCtx& ctx)
{
    json out = json::object();
    if (r.name != "run " + std::to_string(ctx.index + 1))
        out["name"] = r.name;
    const json opt = minimal_typed(optimizer_descriptors(), r.optimizer, DefaultCtx{});
    if (opt.size() > 1 || r.optimizer.type != "sgd")
        out["optimizer"] = opt;
    DefaultCtx sctx = ctx.defaults;
    sctx.lr = r.optimizer.lr;
    sctx.optimizer = r.optimizer.type;
    const json schedule = minimal_schedule(r.schedule, sctx);
    if (schedule.size() > 1 || r.schedule.type != "constant")
        out["schedule"] = schedule;
    const json clip = minimal_typed(clip_descriptors(), r.clip, DefaultCtx{});
    if (clip.size() > 1 || r.clip.type != "none")
        out["clip"] = clip;
    json train = json::object();
    write_changed_keys(run_train_keys(), ctx.defaults, r.train, train);
    if (!train.empty())
        out["train"] = train;
    if (!r.changes.empty())
        out["changes"] = changes_json(r);
    return out;
}

RunCtx run_ctx(const Config& c)
{
    RunCtx ctx;
    ctx.defaults.steps = c.train.steps;
    ctx.defaults.seed = c.seed;
    ctx.defaults.train = {c.train.batch_size, c.train.l1, c.train.l2};
    ctx.n_train = train_count(c.data);
    return ctx;
}

}  // namespace

ConfigResult parse_config(const nlohmann::json& j)
{
    ConfigResult result;
    Errors& errors = result.errors;
    Config& c = result.config;
    if (!j.is_object())
    {
        errors.push_back({"", "the config must be a JSON object, got " + json_type_name(j)});
        return result;
    }
    check_unknown_keys(j, "", {"seed", "data", "model", "train", "runs"}, "the config", errors);
    DefaultCtx ctx;
    read_keys(j, "", top_keys(), ctx, c, errors);
    ctx.seed = c.seed;
    const int n_train = read_data(j, ctx, c.data, errors);
    read_section(j, "model", model_keys(), ctx, c.model, errors);
    bool train_ok = read_section(j, "train", train_keys(), ctx, c.train, errors);
    if (train_ok && n_train > 0 && c.train.batch_size > n_train)
    {
        errors.push_back({"train.batch_size", "must be <= the number of train samples (" +
                                                  std::to_string(n_train) + "), got " +
                                                  std::to_string(c.train.batch_size)});
        train_ok = false;
    }
    RunCtx base = run_ctx(c);
    base.n_train = n_train;
    // Checking the LR costs the rows it checks: past the budget (which then refuses) it is skipped.
    base.check_schedule_lr =
        schedule_rows_of(j, c.train.steps) <= cli_budget().max_schedule_rows;
    read_runs(j, base, train_ok && n_train > 0, c, errors);
    if (train_ok)
        check_budget(c, cli_budget(), errors);  // work and memory (budget.hpp)
    return result;
}

nlohmann::json to_json(const Config& c)
{
    json data = json::object(), model = json::object(), train = json::object();
    write_keys(data_keys(), c.data, data);
    if (!takes_features(c.data))
        data.erase("features");
    write_points_keys(c.data, false, data);
    write_keys(model_keys(), c.model, model);
    write_keys(train_keys(), c.train, train);
    json runs = json::array();
    for (const RunConfig& r : c.runs)
    {
        json run = run_to_json_core(r);
        run["changes"] = changes_json(r);
        runs.push_back(run);
    }
    json out = json::object();
    write_keys(top_keys(), c, out);
    out["data"] = data;
    out["model"] = model;
    out["train"] = train;
    out["runs"] = runs;
    return out;
}

nlohmann::json to_minimal_json(const Config& c)
{
    json out = json::object();
    DefaultCtx ctx;
    write_changed_keys(top_keys(), ctx, c, out);
    ctx.seed = c.seed;
    json data = json::object(), model = json::object(), train = json::object();
    write_changed_keys(data_keys(), ctx, c.data, data);
    if (!takes_features(c.data))
        data.erase("features");
    write_points_keys(c.data, true, data);
    write_changed_keys(model_keys(), ctx, c.model, model);
    write_changed_keys(train_keys(), ctx, c.train, train);
    for (const auto& [name, section] : {std::pair<const char*, json&>{"data", data},
                                        {"model", model}, {"train", train}})
    {
        if (!section.empty())
            out[name] = section;
    }
    RunCtx rctx = run_ctx(c);
    json runs = json::array();
    for (std::size_t i = 0; i < c.runs.size(); ++i)
    {
        rctx.index = i;
        runs.push_back(minimal_run(c.runs[i], rctx));
    }
    // One run that is all defaults is what an omitted `runs` means.
    if (!(runs.size() == 1 && runs[0].empty()))
        out["runs"] = runs;
    return out;
}

}  // namespace lrlab
