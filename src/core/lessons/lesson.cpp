// Lesson records and their checks (lesson.hpp).
#include "core/lessons/lesson.hpp"

#include <algorithm>
#include <utility>

#include "core/config/json.hpp"
#include "core/data/datasets.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

bool contains(const std::vector<std::string>& v, const std::string& s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

// The run names of a valid config, and whether its task has accuracies.
std::vector<ConfigError> read_config(const json& j, bool surface, std::vector<std::string>& runs,
                                     bool& has_accuracy)
{
    has_accuracy = false;
    std::vector<ConfigError> errors;
    if (surface)
    {
        const SurfaceConfigResult r = parse_surface_config(j);
        errors = r.errors;
        for (const SurfaceRunConfig& run : r.config.runs)
            runs.push_back(run.name);
    }
    else
    {
        const ConfigResult r = parse_config(j);
        errors = r.errors;
        for (const RunConfig& run : r.config.runs)
            runs.push_back(run.name);
        const DatasetInfo* d = find_dataset(r.config.data.dataset);
        has_accuracy = !d || d->task != TaskKind::regression;
        const std::pair<const char*, const char*> seeds[] = {{"data", "seed"},
                                                             {"model", "init_seed"}};
        for (const auto& [section, key] : seeds)
            if (j.contains(section) && j[section].is_object() && j[section].contains(key))
                errors.push_back({std::string(section) + "." + key,
                                  "a lesson leaves it to the top-level seed (--seed)"});
    }
    for (ConfigError& e : errors)
        e.path = "config" + (e.path.empty() ? "" : "." + e.path);
    return errors;
}

void check_ref(const MetricRef& r, const std::string& path, const std::vector<std::string>& runs,
               const std::vector<std::string>& metrics, bool has_accuracy,
               std::vector<ConfigError>& errors)
{
    if (!contains(runs, r.run))
        errors.push_back({path + ".run", "no run \"" + r.run + "\" in the lesson's config"});
    if (!contains(metrics, r.metric))
    {
        std::string names;
        for (const std::string& m : metrics)
            names += (names.empty() ? "" : ", ") + m;
        errors.push_back({path + ".metric", "unknown metric \"" + r.metric + "\" (" + names + ")"});
    }
    else if (!has_accuracy && (r.metric == "train_acc" || r.metric == "test_acc"))
        errors.push_back({path + ".metric", "a regression task has no accuracy"});
}

// A diverged flag compares with true or false by ==, and only a flag does.
void check_kinds(const Claim& c, const std::string& path, std::vector<ConfigError>& errors)
{
    const bool flag = c.left.metric == "diverged";
    const bool right_flag = c.right_is_metric ? c.right.metric == "diverged" : c.literal_is_bool;
    if (flag != right_flag)
        errors.push_back({path + ".right", flag ? "diverged compares with true or false"
                                                : "only diverged compares with true or false"});
    else if (flag && c.op != ClaimOp::eq)
        errors.push_back({path + ".op", "diverged compares with =="});
}

std::vector<ConfigError> read_claims(const json& j, const std::vector<std::string>& runs,
                                     bool surface, bool has_accuracy, std::vector<Claim>& out)
{
    if (!j.is_array() || j.empty())
        return {{"claims", "must be a non-empty array of claims"}};
    std::vector<ConfigError> errors;
    const std::vector<std::string>& metrics =
        surface ? surface_claim_metrics() : network_claim_metrics();
    for (std::size_t i = 0; i < j.size(); ++i)
    {
        const std::string path = "claims[" + std::to_string(i) + "]";
        Claim c;
        std::vector<ConfigError> e = parse_claim(j[i], path, c);
        if (e.empty())
        {
            check_ref(c.left, path + ".left", runs, metrics, has_accuracy, e);
            if (c.right_is_metric)
                check_ref(c.right, path + ".right", runs, metrics, has_accuracy, e);
            check_kinds(c, path, e);
        }
        errors.insert(errors.end(), e.begin(), e.end());
        out.push_back(c);
    }
    return errors;
}

}  // namespace

std::vector<ConfigError> parse_lesson(const json& j, Lesson& out)
{
    if (!j.is_object())
        return {{"", "a lesson must be an object {name, title, caption, config, claims}"}};
    std::vector<ConfigError> errors;
    for (auto it = j.begin(); it != j.end(); ++it)
        if (!contains({"name", "title", "caption", "config", "claims"}, it.key()))
            errors.push_back({it.key(), "unknown key (name, title, caption, config, claims)"});
    for (const char* k : {"name", "title", "caption"})
        if (!j.contains(k) || !j[k].is_string() || j[k].get<std::string>().empty())
            errors.push_back({k, "must be a non-empty string"});
    if (!errors.empty())
        return errors;
    out.name = j["name"].get<std::string>();
    out.title = j["title"].get<std::string>();
    out.caption = j["caption"].get<std::string>();
    out.config = j.contains("config") ? j["config"] : json();
    if (!out.config.is_object())
        return {{"config", "must be a config object"}};
    out.surface = is_surface_json(out.config);
    std::vector<std::string> runs;
    bool has_accuracy = false;
    errors = read_config(out.config, out.surface, runs, has_accuracy);
    const std::vector<ConfigError> ce = read_claims(j.contains("claims") ? j["claims"] : json(),
                                                    runs, out.surface, has_accuracy, out.claims);
    errors.insert(errors.end(), ce.begin(), ce.end());
    return errors;
}

json to_json(const Lesson& l)
{
    json claims = json::array();
    for (const Claim& c : l.claims)
        claims.push_back(to_json(c));
    return {{"name", l.name},
            {"title", l.title},
            {"caption", l.caption},
            {"config", l.config},
            {"claims", claims}};
}

json lesson_config(const Lesson& l, std::int64_t seed)
{
    json j = l.config;
    if (seed >= 0 && !l.surface)
        j["seed"] = seed;
    return j;
}

}  // namespace lrlab
