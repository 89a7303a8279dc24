// window.lrlab + postMessage bridge (web_api.hpp). Sections: [Browser helpers] [Events] [API]
#include "app/web_api.hpp"

#include <emscripten.h>

#include <algorithm>
#include <cstdlib>

#include <imgui.h>

#include <nlohmann/json.hpp>

#include "app/app_state.hpp"
#include "app/landscape_state.hpp"
#include "app/lessons.hpp"
#include "app/surface_claims.hpp"
#include "app/metrics_json.hpp"
#include "app/torch_export.hpp"
#include "app/url_sync.hpp"
#include "app/web_tuning.hpp"
#include "app/web_sweep.hpp"
#include "core/config/json.hpp"
#include "core/config/json_limits.hpp"
#include "core/data/points_csv.hpp"
#include "core/surface/functions.hpp"

namespace lrlab
{

using nlohmann::json;

// ---- [Browser helpers] -----------------------------------------------------------------------

EM_JS(void, js_post_event, (const char* text), {
    if (window.lrlabHost) window.lrlabHost.event(JSON.parse(UTF8ToString(text)));
});
EM_JS(int, js_has_host, (), { return window.lrlabHost && window.lrlabHost.hasHost() ? 1 : 0; });
EM_JS(void, js_ready, (), { if (window.lrlabHost) window.lrlabHost.ready(); });
EM_JS(void, js_download, (const char* name, const char* mime, const char* text), {
    window.lrlabHost.download(UTF8ToString(name), UTF8ToString(mime), UTF8ToString(text));
});
EM_JS(void, js_copy_text, (const char* text), { window.lrlabHost.copy(UTF8ToString(text)); });
EM_JS(void, js_set_live, (const char* text), {
    var el = document.getElementById('lrlab-live');
    if (el) el.textContent = UTF8ToString(text);
});
EM_JS(void, js_save_png, (const char* name), { window.lrlabHost.savePng(UTF8ToString(name)); });
EM_JS(void, js_pick_config_file, (), { window.lrlabHost.pickConfigFile(); });
EM_JS(void, js_pick_points_file, (), { window.lrlabHost.pickPointsFile(); });
EM_JS(void, js_take_arg, (char* out, int bytes), {
    HEAPU8.set(window.lrlabHost.takeArg().subarray(0, bytes), out);
});
EM_JS(char*, js_location_href, (), {
    var s = window.location.href;
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

double web_now_ms() { return emscripten_get_now(); }
void web_download(const std::string& f, const std::string& m, const std::string& t)
{
    js_download(f.c_str(), m.c_str(), t.c_str());
}
void web_copy_text(const std::string& text) { js_copy_text(text.c_str()); }
void web_set_live(const std::string& text) { js_set_live(text.c_str()); }
void web_save_png(const std::string& filename) { js_save_png(filename.c_str()); }
void web_pick_config_file() { js_pick_config_file(); }
void web_pick_points_file() { js_pick_points_file(); }
std::string web_location_href()
{
    char* p = js_location_href();
    std::string s(p);
    std::free(p);
    return s;
}

// ---- [Events] --------------------------------------------------------------------------------

namespace
{
AppState* g_app = nullptr;  // the one page; set by main before the first call
std::string g_reply;        // lrlab_api's answer, valid until the next call
}  // namespace

void web_api_bind(AppState* app) { g_app = app; }

void web_ready() { js_ready(); }

void web_post_evaluations(const AppState& app, std::int64_t from_step)
{
    if (!js_has_host())
        return;
    const Experiment& e = *app.experiment;
    // Every run is evaluated at the same steps: walk the first run's history.
    const std::vector<MetricsRow>& h = e.run(0).history();
    std::size_t first = h.size();
    while (first > 0 && h[first - 1].step > from_step)
        --first;
    // A huge step(n) would flood the host: post the last 1000 evaluations.
    if (h.size() - first > 1000)
        first = h.size() - 1000;
    for (std::size_t k = first; k < h.size(); ++k)
    {
        const json msg = {{"lrlab", "evaluated"},
                          {"step", h[k].step},
                          {"metrics", metrics_at_json(e, h[k].step)}};
        js_post_event(dump_json(msg).c_str());
    }
    if (e.finished() && from_step >= 0 && from_step < e.steps())
        js_post_event(dump_json({{"lrlab", "finished"}, {"step", e.step()}}).c_str());
}

// ---- [API] -----------------------------------------------------------------------------------

namespace
{

json errors_json(const std::vector<ConfigError>& errors)
{
    json out = json::array();
    for (const ConfigError& e : errors)
        out.push_back({{"path", e.path}, {"message", e.message}});
    return out;
}

json widgets_json(const AppState& app)
{
    json out = json::object();
    for (const WidgetRect& w : app.ui.last_widgets)
        out[w.name] = {w.x0, w.y0, w.x1 - w.x0, w.y1 - w.y0};
    return out;
}

json landscape_state_json(const AppState& app);  // below

json state_json(const AppState& app)
{
    const Experiment& e = *app.experiment;
    json grids = json::array();
    for (const RunGrid& g : app.grids.runs)
        grids.push_back({{"step", g.step}, {"finite", g.finite}});
    // step, steps and finished are the view's that shows (the transport drives it).
    const bool land = app.landscape.active;
    return {{"step", land ? app.landscape.step : e.step()},
            {"steps", land ? app.landscape.config.steps : e.steps()},
            {"playing", app.ui.playing},
            {"finished", land ? landscape_finished(app.landscape) : e.finished()},
            {"frames", app.ui.frames},
            {"version", app.version},
            {"embed", app.ui.embed},
            {"lesson", app.ui.lesson},
            {"selectedRun", app.ui.selected_run},
            {"stepsPerFrame", app.ui.steps_per_frame},
            {"logY", app.ui.log_y},
            {"status", app.ui.status},
            {"pending", app.ui.pending.size()},
            {"textInput", ImGui::GetIO().WantTextInput},
            // Typing in a field or dragging a widget: a host's setConfig or reset waits.
            {"editing", ImGui::GetIO().WantTextInput || ImGui::IsAnyItemActive()},
            {"errors", errors_json(app.ui.errors)},
            {"urlErrors", errors_json(app.ui.url_errors)},
            {"pixelRatio", app.ui.pixel_ratio},
            {"grids", grids},
            {"gridUpdates", app.grids.updates},
            {"gridOnGpu", app.grids.on_gpu},
            {"live", app.ui.live_text},
            {"times", {{"train_ms", app.times.train_ms},
                       {"heatmap_ms", app.times.heatmap_ms},
                       {"ui_ms", app.times.ui_ms},
                       {"frame_ms", app.times.frame_ms},
                       {"steps_last_frame", app.times.steps_last_frame}}},
            {"tuning", tuning_json(app)},
            {"widgets", widgets_json(app)},
            {"view", app.landscape.active ? "landscape" : "network"},
            {"landscape", landscape_state_json(app)}};
}

// The landscape view's state, for tests and tools (state().landscape).
json landscape_state_json(const AppState& app)
{
    const LandscapeState& s = app.landscape;
    const SurfaceConfig& c = s.config;
    json diverged = json::object(), minima = json::array();
    for (std::size_t i = 0; i < s.diverged_at.size() && i < c.runs.size(); ++i)
        diverged[c.runs[i].name] = s.diverged_at[i] < 0 ? json(nullptr) : json(s.diverged_at[i]);
    for (const SurfaceMinimum& m : s.minima)
        minima.push_back({{"x", m.x}, {"y", m.y}, {"value", m.value}, {"global", m.global}});
    return {{"active", s.active},
            {"function", c.function},
            {"step", s.step},
            {"steps", c.steps},
            {"start", c.start},
            {"view", {{"x", c.view_x}, {"y", c.view_y}}},
            {"diverged", diverged},
            {"minima", minima},
            {"range", {s.range.lo, s.range.hi}},
            {"drawn", s.gl.drawn == s.view_version},
            {"texture", {s.gl.width, s.gl.height}}};
}

// landscapeProbe(n): the shader's x, y and f at n x n pixels of the view, read back, beside the
// engine's f at the same float32 (x, y).
json landscape_probe_json(AppState& app, const json& arg)
{
    const int n = arg.is_number_integer() ? arg.get<int>() : 16;
    const SurfaceConfig& c = app.landscape.config;
    json out = json::array();
    for (const LandscapeProbe& p : landscape_probe(app.landscape.gl, c, n))
    {
        const float engine = surface_value(c.function, p.x, p.y);
        out.push_back({{"x", p.x}, {"y", p.y}, {"shader", p.shader}, {"engine", engine}});
    }
    return out;
}

std::string describe_arg(const json& v)
{
    return v.is_null() ? "null (NaN, Infinity or null)" : dump_json(v).substr(0, 40);
}

json call(AppState& app, const std::string& verb, const json& arg, bool given, std::string& error)
{
    if (verb == "getConfig")
        return app.landscape.active ? to_json(app.landscape.config) : to_json(app.config());
    if (verb == "setConfig" && is_surface_json(arg))  // a surface config: the landscape view
    {
        const std::vector<ConfigError> errors = landscape_set_config(app, arg);
        if (errors.empty())
            app.ui.lesson.clear();
        return {{"ok", errors.empty()}, {"errors", errors_json(errors)}};
    }
    if (verb == "trajectories")
        return trajectories_json(app.landscape);
    if (verb == "landscapeProbe")
        return landscape_probe_json(app, arg);
    if (verb == "setView" && arg.is_string())  // "network" or "landscape"
        return landscape_show(app, arg.get<std::string>() == "landscape"), json(nullptr);
    if (verb == "setConfig")
    {
        const std::vector<ConfigError> errors = app.set_config(arg);
        if (errors.empty())
            app.ui.lesson.clear();
        return {{"ok", errors.empty()}, {"errors", errors_json(errors)}};
    }
    if (verb == "importTooLarge" && arg.is_number_unsigned())
    {
        // The file was not read: it is over the limit (web/lrlab_api.js checks its size).
        app.ui.errors = {{"", too_large_message("the file", arg.get<std::size_t>(),
                                                json_limits::max_bytes)}};
        app.ui.status = "the imported config was not used";
        return {{"ok", false}, {"errors", errors_json(app.ui.errors)}};
    }
    if (verb == "importConfig" && arg.is_string())
    {
        // A file's text: syntax errors come with their line and column.
        json parsed;
        ConfigError syntax;
        if (parse_json_text(arg.get<std::string>(), parsed, syntax) && is_surface_json(parsed))
        {
            const std::vector<ConfigError> errors = landscape_set_config(app, parsed);
            app.ui.errors = errors;
            app.ui.status = errors.empty() ? "config imported" : "the imported config was not used";
            return {{"ok", errors.empty()}, {"errors", errors_json(errors)}};
        }
        ConfigResult r = parse_config_text(arg.get<std::string>());
        std::vector<ConfigError> errors = r.errors;
        if (r.ok())
            errors = app.set_config(to_json(r.config));
        if (errors.empty())
            app.ui.lesson.clear();
        app.ui.errors = errors;
        app.ui.status = errors.empty() ? "config imported" : "the imported config was not used";
        return {{"ok", errors.empty()}, {"errors", errors_json(errors)}};
    }
    // Your own data (app/my_data.hpp): a CSV's text {name, text}, and the drawing state.
    if (verb == "importPoints" && arg.is_object() && arg.contains("text") &&
        arg["text"].is_string())
    {
        const std::string name = arg.contains("name") && arg["name"].is_string()
                                     ? arg["name"].get<std::string>() : "points.csv";
        if (arg.contains("bytes") && arg["bytes"].is_number_unsigned())  // not read: too large
        {
            app.ui.errors = {{name, too_large_message("the file", arg["bytes"].get<std::size_t>(),
                                                      points_csv_limits::max_bytes)}};
            app.ui.status = name + " was not used; the data are unchanged";
            return {{"ok", false}, {"errors", errors_json(app.ui.errors)}};
        }
        return import_points_csv(app, arg["text"].get<std::string>(), name);
    }
    if (verb == "myData")
        return my_data_json(app);
    if (verb == "play")
        return app.play(), json(nullptr);
    if (verb == "pause")
        return app.pause(), json(nullptr);
    if (verb == "reset")
        return app.reset(), json(nullptr);
    if (verb == "step")
    {
        // step() is step(1); null (what JSON makes of NaN and Infinity) is no count.
        const json n = given ? arg : json(1);
        if (!n.is_number_integer() || n.get<std::int64_t>() < 0)
            return error = "step(n): n must be a non-negative integer, got " + describe_arg(n),
                   json();
        return app.step(n.get<std::int64_t>());
    }
    if (verb == "metrics")
        return latest_metrics_json(*app.experiment);
    if (verb == "state")
        return state_json(app);
    if (verb == "loadHash" && arg.is_string())
        return errors_json(load_hash(app, arg.get<std::string>())), json(nullptr);
    if (verb == "lesson" && arg.is_string())
        return load_lesson(app, arg.get<std::string>());
    if (verb == "lesson" && arg.is_object() && arg.contains("name") && arg["name"].is_string() &&
        arg.contains("seed"))
    {
        // lesson(name, seed): the lesson at that top-level seed, as ?preset=NAME&seed=S.
        const json& seed = arg["seed"];
        if (!seed.is_number_integer() || seed.get<std::int64_t>() < 0 ||
            seed.get<std::int64_t>() > limits::max_seed)
            return error = "lesson(name, seed): seed must be an integer 0.." +
                           std::to_string(limits::max_seed) + ", got " + describe_arg(seed),
                   json();
        return load_lesson(app, arg["name"].get<std::string>(), seed.get<std::int64_t>());
    }
    if (verb == "claims")  // the lesson panel's ticks and crosses, at the current step
    {
        const Lesson* l = app.ui.lesson.empty() ? nullptr : find_lesson(app.ui.lesson);
        return l && l->surface ? surface_claims_json(*l, app.landscape)
                               : claims_json(l, *app.experiment);
    }
    if (verb == "speed" && arg.is_number_integer() && arg.get<int>() >= 1 && arg.get<int>() <= 1000)
        return app.ui.steps_per_frame = arg.get<int>(), json(nullptr);
    if (verb == "lessons")
        return lessons_json();
    if (verb == "debugTrap")  // lrlab.crashForTest(): a trap instruction, as a bug would run
        __builtin_trap();
    if (verb == "charts")  // turns chart tracing on: the charts of the frames after this call
        return app.charts.enabled = true, charts_json(app.charts);
    // tuningStart, tuningStep, tuningResult, tuningCancel (web_tuning.hpp)
    if (json tuned; app.tuning.bridge.call(app, verb, arg, tuned, error))
        return tuned;
    // sweepPlan, sweepRow, sweepEnd, sweepResult, sweepState (web_sweep.hpp)
    if (json swept; sweep_call(app, verb, arg, swept, error))
        return swept;
    if (verb == "exportTorch")  // the bytes of `lrlab export-torch CONFIG --run NAME`
    {
        std::string script;
        if (!torch_script_for(app, given ? arg : json(nullptr), script, error))
            return json();
        return script;
    }
    return error = "unknown verb " + json(verb).dump(-1, ' ', false, json::error_handler_t::replace),
           json();
}

}  // namespace

}  // namespace lrlab

namespace lrlab
{
namespace
{

// The longest argument taken per verb, in bytes of JSON, checked before it is copied into the
// module or parsed (issue 8 item 3); a config has json_limits::max_bytes, an imported file's
// text as a JSON string twice that (escapes), anything else 64 KiB.
std::size_t max_arg_bytes(const std::string& verb)
{
    if (verb == "setConfig")
        return json_limits::max_bytes;
    if (verb == "importConfig" || verb == "loadHash")
        return 2 * json_limits::max_bytes + 2;
    if (verb == "tuningStart" || verb == "sweepPlan")  // options with a config
        return json_limits::max_bytes + (64u << 10);
    if (verb == "importPoints")  // a CSV's text as a JSON string (newlines escaped)
        return points_csv_limits::max_bytes + (points_csv_limits::max_bytes >> 3);
    return 64u << 10;
}

// What a refused argument gets: setConfig and importConfig answer {ok: false, errors} as for
// any invalid config (and Import says so on the page); other verbs an error.
json refuse(AppState& app, const std::string& verb, const ConfigError& why)
{
    const json errors = json::array({{{"path", why.path}, {"message", why.message}}});
    if (verb == "importConfig")
    {
        app.ui.errors = {why};
        app.ui.status = "the imported config was not used";
    }
    if (verb == "setConfig" || verb == "importConfig")
        return {{"result", {{"ok", false}, {"errors", errors}}}};
    return {{"error", verb + ": " + why.message}};
}

// history() as text, written row by row: the same bytes as dump_json(history_json(e)) (an
// object's keys in sorted order) without a JSON tree of every row (~3 KB each in wasm).
std::string history_text(const Experiment& e)
{
    std::vector<std::size_t> order(e.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const auto& runs = e.config().runs;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return runs[a].name < runs[b].name; });
    std::string out = "{";
    for (std::size_t k = 0; k < order.size(); ++k)
    {
        const std::string& name = runs[order[k]].name;
        out += (k ? ",": "") + dump_json(json(name)) + ":[";
        const std::vector<MetricsRow>& rows = e.run(order[k]).history();
        for (std::size_t r = 0; r < rows.size(); ++r)
            out += (r ? "," : "") + dump_json(metrics_row_json(name, rows[r]));
        out += "]";
    }
    return out + "}";
}

std::string api_reply(AppState& app, const std::string& verb, int arg_bytes)
{
    const bool given = arg_bytes >= 0;
    if (given && std::size_t(arg_bytes) > max_arg_bytes(verb))
    {
        const std::string what = verb == "setConfig" ? "the config" : "the argument";
        return dump_json(refuse(app, verb, {"", too_large_message(what, std::size_t(arg_bytes),
                                                                  max_arg_bytes(verb))}));
    }
    json arg;
    if (given)
    {
        std::string text(std::size_t(arg_bytes), '\0');
        js_take_arg(&text[0], arg_bytes);
        ConfigError syntax;
        if (!parse_json_text(text, arg, syntax))
            return dump_json(refuse(app, verb, {syntax.path, syntax.message}));
    }
    if (verb == "history")
        return "{\"result\":" + history_text(*app.experiment) + "}";
    std::string error;
    json result = call(app, verb, arg, given, error);
    return dump_json(error.empty() ? json{{"result", result}} : json{{"error", error}});
}

}  // namespace
}  // namespace lrlab

// lrlab_api(verb, bytes of the argument as JSON text, -1 for none) -> {"result": ...} or
// {"error": "..."} as JSON text, valid until the next call. Synchronous: JS calls it between
// frames. The argument is not passed through ccall (which copies strings onto the 5 MB wasm
// stack: a 1.4 MB config overflowed it); it is fetched with js_take_arg once its size passed.
extern "C" EMSCRIPTEN_KEEPALIVE const char* lrlab_api(const char* verb, int arg_bytes)
{
    using namespace lrlab;
    g_reply = g_app ? api_reply(*g_app, verb ? verb : "", arg_bytes)
                    : std::string("{\"error\":\"lrlab is not ready\"}");
    return g_reply.c_str();
}
