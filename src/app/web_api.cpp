// window.lrlab + postMessage bridge (web_api.hpp). Sections: [Browser helpers] [Events] [API]
#include "app/web_api.hpp"

#include <emscripten.h>

#include <cstdlib>

#include <imgui.h>

#include <nlohmann/json.hpp>

#include "app/app_state.hpp"
#include "app/lessons.hpp"
#include "app/metrics_json.hpp"
#include "app/url_sync.hpp"
#include "core/config/json.hpp"

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

json state_json(const AppState& app)
{
    const Experiment& e = *app.experiment;
    json grids = json::array();
    for (const RunGrid& g : app.grids.runs)
        grids.push_back({{"step", g.step}, {"finite", g.finite}});
    return {{"step", e.step()},
            {"steps", e.steps()},
            {"playing", app.ui.playing},
            {"finished", e.finished()},
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
            {"widgets", widgets_json(app)}};
}

json call(AppState& app, const std::string& verb, const json& arg, std::string& error)
{
    if (verb == "getConfig")
        return to_json(app.config());
    if (verb == "setConfig")
    {
        const std::vector<ConfigError> errors = app.set_config(arg);
        if (errors.empty())
            app.ui.lesson.clear();
        return {{"ok", errors.empty()}, {"errors", errors_json(errors)}};
    }
    if (verb == "importConfig" && arg.is_string())
    {
        // A file's text: syntax errors come with their line and column.
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
    if (verb == "play")
        return app.play(), json(nullptr);
    if (verb == "pause")
        return app.pause(), json(nullptr);
    if (verb == "reset")
        return app.reset(), json(nullptr);
    if (verb == "step")
    {
        const json n = arg.is_null() ? json(1) : arg;
        if (!n.is_number_integer() || n.get<std::int64_t>() < 0)
            return error = "step(n): n must be a non-negative integer", json();
        return app.step(n.get<std::int64_t>());
    }
    if (verb == "metrics")
        return latest_metrics_json(*app.experiment);
    if (verb == "history")
        return history_json(*app.experiment);
    if (verb == "state")
        return state_json(app);
    if (verb == "loadHash" && arg.is_string())
        return errors_json(load_hash(app, arg.get<std::string>())), json(nullptr);
    if (verb == "lesson" && arg.is_string())
        return load_lesson(app, arg.get<std::string>());
    if (verb == "speed" && arg.is_number_integer() && arg.get<int>() >= 1 && arg.get<int>() <= 1000)
        return app.ui.steps_per_frame = arg.get<int>(), json(nullptr);
    if (verb == "lessons")
        return lesson_names_json();
    if (verb == "charts")  // turns chart tracing on: the charts of the frames after this call
        return app.charts.enabled = true, charts_json(app.charts);
    return error = "unknown verb " + json(verb).dump(-1, ' ', false, json::error_handler_t::replace),
           json();
}

}  // namespace

}  // namespace lrlab

// lrlab_api(verb, argument as JSON text) -> {"result": ...} or {"error": "..."} as JSON text,
// valid until the next call. Synchronous: JS calls it between frames.
extern "C" EMSCRIPTEN_KEEPALIVE const char* lrlab_api(const char* verb, const char* arg_text)
{
    using namespace lrlab;
    json reply;
    if (!g_app)
        reply = {{"error", "lrlab is not ready"}};
    else
    {
        json arg = (arg_text && *arg_text) ? json::parse(arg_text, nullptr, false) : json();
        if (arg.is_discarded())
            reply = {{"error", "the argument is not JSON"}};
        else
        {
            std::string error;
            json result = call(*g_app, verb ? verb : "", arg, error);
            reply = error.empty() ? json{{"result", result}} : json{{"error", error}};
        }
    }
    g_reply = dump_json(reply);
    return g_reply.c_str();
}
