// The landscape view's state (landscape_state.hpp).
#include "app/landscape_state.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "app/app_state.hpp"
#include "app/lessons.hpp"
#include "core/surface/functions.hpp"

namespace lrlab
{

using nlohmann::json;

json default_surface_json()
{
    // Rosenbrock's curved valley from its usual start: plain SGD crawls, momentum follows the
    // valley, Adam takes steps of about lr per coordinate (lrlab surface shows the numbers).
    return json::parse(R"({"function": "rosenbrock", "start": [-1.5, 2.0], "steps": 300,
        "runs": [{"name": "sgd 0.001", "optimizer": {"type": "sgd", "lr": 0.001}},
                 {"name": "momentum 0.9", "optimizer": {"type": "sgd", "lr": 0.0002,
                                                       "momentum": 0.9}},
                 {"name": "adam 0.05", "optimizer": {"type": "adam", "lr": 0.05}}]})");
}

namespace
{

bool finite_row(const SurfaceRow& r)
{
    return std::isfinite(r.x) && std::isfinite(r.y) && std::isfinite(r.loss);
}

void record_row(LandscapeState& s, std::size_t i)
{
    s.rows[i].push_back(s.runners[i].row());
    if (s.diverged_at[i] < 0 && !finite_row(s.rows[i].back()))
        s.diverged_at[i] = s.rows[i].back().step;
}

// A JSON number that reads back as the text the CLI prints (format_float for float32 values,
// format_double for doubles); null when not finite.
json cli_number(const std::string& text)
{
    if (text == "nan" || text == "inf" || text == "-inf")
        return nullptr;
    return std::strtod(text.c_str(), nullptr);
}

}  // namespace

void landscape_install(AppState& app, const SurfaceConfig& c)
{
    // The network view keeps an experiment of its own, which every frame reads (its boundary
    // grids, the API's getConfig after setView('network')): a page opened on a landscape URL or
    // a surface lesson has none yet, so it gets the default. Without it those reads went through
    // a null pointer, which wasm does not trap, until a later write corrupted the heap.
    if (!app.experiment)
        app.set_config(default_config_json());
    LandscapeState& s = app.landscape;
    s.config = c;
    s.has_config = true;
    s.active = true;
    s.runners.clear();
    s.rows.assign(c.runs.size(), {});
    s.diverged_at.assign(c.runs.size(), -1);
    for (std::size_t i = 0; i < c.runs.size(); ++i)
    {
        s.runners.emplace_back(c, i);
        s.rows[i].reserve(std::size_t(std::min<std::int64_t>(c.steps, 4096)) + 1);
        record_row(s, i);
    }
    s.step = 0;
    ++s.view_version;
    app.ui.playing = false;
    ++app.version;
}

std::vector<ConfigError> landscape_set_config(AppState& app, const json& j)
{
    const SurfaceConfigResult r = parse_surface_config(j);
    if (!r.ok())
        return r.errors;
    landscape_install(app, r.config);
    return {};
}

void landscape_set_view(AppState& app, std::array<double, 2> x, std::array<double, 2> y)
{
    LandscapeState& s = app.landscape;
    // parse_surface_config's bounds, so that the URL always reads back.
    const auto clamp_axis = [](std::array<double, 2>& a)
    {
        a[0] = std::max(a[0], -1e6);
        a[1] = std::min(a[1], 1e6);
        if (!(a[1] - a[0] > 1e-9 * std::max(1.0, std::abs(a[0]))))
            return false;
        return true;
    };
    if (!clamp_axis(x) || !clamp_axis(y))
        return;
    s.config.view_x = x;
    s.config.view_y = y;
    ++s.view_version;
    ++app.version;
}

void landscape_show(AppState& app, bool landscape)
{
    LandscapeState& s = app.landscape;
    if (landscape == s.active)
        return;
    app.ui.playing = false;
    if (landscape && !s.has_config)
    {
        landscape_set_config(app, default_surface_json());
        return;
    }
    s.active = landscape;
    ++app.version;  // the URL now holds the other config
}

std::int64_t landscape_step(AppState& app, std::int64_t n)
{
    LandscapeState& s = app.landscape;
    // min before the sum: step(n) takes any int64 n, and s.step + n could overflow.
    const std::int64_t target =
        s.step + std::clamp<std::int64_t>(n, 0, std::max<std::int64_t>(0, s.config.steps - s.step));
    for (; s.step < target; ++s.step)
        for (std::size_t i = 0; i < s.runners.size(); ++i)
        {
            s.runners[i].step();
            record_row(s, i);
        }
    if (landscape_finished(s))
        app.ui.playing = false;
    return s.step;
}

void landscape_reset(AppState& app)
{
    landscape_install(app, app.landscape.config);
}

bool landscape_finished(const LandscapeState& s) { return s.step >= s.config.steps; }

void landscape_update_view_stats(LandscapeState& s)
{
    if (s.minima_version == s.view_version)
        return;
    s.minima_version = s.view_version;
    const SurfaceConfig& c = s.config;
    s.minima = surface_minima(c.function, c.view_x, c.view_y);
    double lo = INFINITY, hi = -INFINITY;
    constexpr int n = 64;
    for (int j = 0; j <= n; ++j)
        for (int i = 0; i <= n; ++i)
        {
            const double x = c.view_x[0] + (c.view_x[1] - c.view_x[0]) * i / n;
            const double y = c.view_y[0] + (c.view_y[1] - c.view_y[0]) * j / n;
            const double v = surface_value(c.function, float(x), float(y));
            if (std::isfinite(v))
                lo = std::min(lo, v), hi = std::max(hi, v);
        }
    for (const SurfaceMinimum& m : s.minima)
        lo = std::min(lo, m.value);
    if (!(lo <= hi))
        lo = 0.0, hi = 1.0;
    if (hi - lo < 1e-12)
        hi = lo + 1.0;
    s.range = {lo, hi};
}

json trajectories_json(const LandscapeState& s)
{
    json out = json::object();
    for (std::size_t i = 0; i < s.rows.size() && i < s.config.runs.size(); ++i)
    {
        json rows = json::array();
        for (const SurfaceRow& r : s.rows[i])
            rows.push_back({{"step", r.step},
                            {"x", cli_number(format_float(float(r.x)))},
                            {"y", cli_number(format_float(float(r.y)))},
                            {"loss", cli_number(format_float(float(r.loss)))},
                            {"lr", cli_number(format_double(r.lr))},
                            {"grad_norm", cli_number(format_double(r.grad_norm))}});
        out[s.config.runs[i].name] = rows;
    }
    return out;
}

}  // namespace lrlab
