// The `surface` verb's config: a 2-D test function, a start point, a number of steps and runs
// that each have a name, an optimizer and optionally a schedule and a clip. Read with the same
// tables as the experiment config; schedule defaults use S = steps.
#include "core/config/json.hpp"
#include "core/config/keys.hpp"
#include "core/surface/functions.hpp"

namespace lrlab
{

using namespace config_detail;

namespace
{

void append(Errors& to, const Errors& from) { to.insert(to.end(), from.begin(), from.end()); }

void read_surface_run(const json& j, const std::string& path, std::size_t index,
                      std::int64_t steps, SurfaceRunConfig& out, Errors& errors)
{
    out = SurfaceRunConfig{};
    out.name = "run " + std::to_string(index + 1);
    if (!expect_object(j, path, errors))
        return;
    check_unknown_keys(j, path, {"name", "optimizer", "schedule", "clip"}, "a surface run",
                       errors);
    if (j.contains("name"))
        read_run_name(j["name"], join(path, "name"), out.name, errors);
    const json sgd{{"type", "sgd"}};
    append(errors, parse_optimizer(j.contains("optimizer") ? j["optimizer"] : sgd,
                                   join(path, "optimizer"), out.optimizer));
    append(errors, parse_schedule(j.contains("schedule") ? j["schedule"] : json::object(),
                                  join(path, "schedule"), out.optimizer, steps, out.schedule));
    append(errors, parse_clip(j.contains("clip") ? j["clip"] : json::object(),
                              join(path, "clip"), out.clip));
}

// One axis of `view`: [MIN, MAX], finite, MIN < MAX, within the start point's bounds.
void read_view_axis(const json& view, const char* axis, std::array<double, 2>& out,
                    Errors& errors)
{
    if (!view.contains(axis))
        return;
    const json& v = view[axis];
    const std::string path = std::string("view.") + axis;
    const bool numbers = v.is_array() && v.size() == 2 && v[0].is_number() && v[1].is_number();
    if (!numbers)
    {
        errors.push_back({path, "must be [MIN, MAX], two numbers, got " + json_type_name(v)});
        return;
    }
    const double lo = v[0].get<double>(), hi = v[1].get<double>();
    if (!(lo < hi) || lo < -1e6 || hi > 1e6)
    {
        errors.push_back({path, "must be [MIN, MAX] with -1e6 <= MIN < MAX <= 1e6, got " +
                                    v.dump()});
        return;
    }
    out = {lo, hi};
}

// `view` defaults to the function's own window (surface/functions.cpp).
void read_view(const json& j, SurfaceConfig& c, Errors& errors)
{
    if (const SurfaceInfo* info = find_surface(c.function))
    {
        c.view_x = {info->xmin, info->xmax};
        c.view_y = {info->ymin, info->ymax};
    }
    if (!j.contains("view"))
        return;
    const json& view = j["view"];
    if (!expect_object(view, "view", errors))
        return;
    check_unknown_keys(view, "view", {"x", "y"}, "the view", errors);
    read_view_axis(view, "x", c.view_x, errors);
    read_view_axis(view, "y", c.view_y, errors);
}

}  // namespace

SurfaceConfigResult parse_surface_config(const nlohmann::json& j)
{
    SurfaceConfigResult result;
    Errors& errors = result.errors;
    SurfaceConfig& c = result.config;
    if (!j.is_object())
    {
        errors.push_back({"", "the surface config must be a JSON object, got " +
                                  json_type_name(j)});
        return result;
    }
    std::vector<std::string> allowed = key_names(surface_keys());
    allowed.push_back("runs");
    allowed.push_back("view");
    check_unknown_keys(j, "", allowed, "a surface config", errors);
    read_keys(j, "", surface_keys(), DefaultCtx{}, c, errors);
    read_view(j, c, errors);
    const json runs = j.contains("runs") ? j["runs"]
                                         : json::array({json{{"optimizer", {{"type", "sgd"}}}}});
    if (!runs.is_array() || runs.empty() ||
        runs.size() > static_cast<std::size_t>(limits::max_runs))
    {
        errors.push_back({"runs", "must be an array of 1 to " + std::to_string(limits::max_runs) +
                                      " runs, got " + json_type_name(runs) +
                                      (runs.is_array() ? " of " + std::to_string(runs.size())
                                                       : "")});
        return result;
    }
    for (std::size_t i = 0; i < runs.size(); ++i)
    {
        SurfaceRunConfig run;
        read_surface_run(runs[i], index_path("runs", i), i, c.steps, run, errors);
        for (std::size_t k = 0; k < i; ++k)
        {
            if (c.runs[k].name == run.name)
                errors.push_back({index_path("runs", i) + ".name",
                                  "duplicate run name " + describe(json(run.name)) +
                                      " (also runs[" + std::to_string(k) + "])"});
        }
        c.runs.push_back(run);
    }
    return result;
}

}  // namespace lrlab
