// A surface config -> JSON: every key (getConfig) or only what differs from the defaults (the
// page's URL hash, DESIGN.md "Landscape view"). parse_surface_config reads both back to the same
// config; tests/core/config/test_surface_json.cpp proves the round trip for every key.
#include "core/config/json.hpp"
#include "core/config/keys.hpp"
#include "core/optim/clip.hpp"
#include "core/optim/descriptor.hpp"
#include "core/schedules/descriptor.hpp"
#include "core/surface/functions.hpp"

namespace lrlab
{

using namespace config_detail;

namespace
{

template <class Desc, class Cfg>
json minimal_typed(const std::vector<Desc>& list, const Cfg& c, const DefaultCtx& ctx)
{
    json out{{"type", c.type}};
    if (const Desc* t = find_type_descriptor(list, c.type))
        write_changed_keys(t->keys, ctx, c, out);
    return out;
}

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

// A run as read_surface_run (config/surface.cpp) takes it: sgd, constant and none by default,
// schedule defaults computed with S = the surface's steps and L = the run's LR.
json minimal_surface_run(const SurfaceRunConfig& r, std::size_t index, std::int64_t steps)
{
    json out = json::object();
    if (r.name != "run " + std::to_string(index + 1))
        out["name"] = r.name;
    const json opt = minimal_typed(optimizer_descriptors(), r.optimizer, DefaultCtx{});
    if (opt.size() > 1 || r.optimizer.type != "sgd")
        out["optimizer"] = opt;
    DefaultCtx ctx;
    ctx.steps = steps;
    ctx.lr = r.optimizer.lr;
    ctx.optimizer = r.optimizer.type;
    const json schedule = minimal_schedule(r.schedule, ctx);
    if (schedule.size() > 1 || r.schedule.type != "constant")
        out["schedule"] = schedule;
    const json clip = minimal_typed(clip_descriptors(), r.clip, DefaultCtx{});
    if (clip.size() > 1 || r.clip.type != "none")
        out["clip"] = clip;
    return out;
}

// `view` unless it is the function's own window (read_view's default).
void write_view(const SurfaceConfig& c, bool minimal, json& out)
{
    const SurfaceInfo* info = find_surface(c.function);
    json view = json::object();
    if (!minimal || !info || c.view_x != std::array<double, 2>{info->xmin, info->xmax})
        view["x"] = {c.view_x[0], c.view_x[1]};
    if (!minimal || !info || c.view_y != std::array<double, 2>{info->ymin, info->ymax})
        view["y"] = {c.view_y[0], c.view_y[1]};
    if (!view.empty())
        out["view"] = view;
}

}  // namespace

bool is_surface_json(const nlohmann::json& j) { return j.is_object() && j.contains("function"); }

nlohmann::json to_json(const SurfaceConfig& c)
{
    json out = json::object();
    write_keys(surface_keys(), c, out);
    write_view(c, false, out);
    json runs = json::array();
    for (const SurfaceRunConfig& r : c.runs)
        runs.push_back({{"name", r.name},
                        {"optimizer", to_json(r.optimizer)},
                        {"schedule", to_json(r.schedule)},
                        {"clip", to_json(r.clip)}});
    out["runs"] = runs;
    return out;
}

nlohmann::json to_minimal_json(const SurfaceConfig& c)
{
    json out = json::object();
    // `function` is always written: it is what tells a surface config from an experiment.
    out["function"] = c.function;
    write_changed_keys(surface_keys(), DefaultCtx{}, c, out);
    write_view(c, true, out);
    json runs = json::array();
    for (std::size_t i = 0; i < c.runs.size(); ++i)
        runs.push_back(minimal_surface_run(c.runs[i], i, c.steps));
    // One all-default run is what an omitted `runs` means (parse_surface_config).
    if (!(runs.size() == 1 && runs[0].empty()))
        out["runs"] = runs;
    return out;
}

}  // namespace lrlab
