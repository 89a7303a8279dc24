// window.lrlab + postMessage bridge (web_api.hpp). Sections: [Browser helpers] [Events] [API]
#include "app/web_api.hpp"

#include <emscripten.h>

#include <algorithm>
#include <cstdlib>

#include <imgui.h>

#include <nlohmann/json.hpp>

#include "app/api_dispatch.hpp"
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

// The page behind the verbs (app/api_dispatch.hpp): each action is the page's own function.
class AppPage final : public ApiPage
{
public:
    explicit AppPage(AppState& app) : app_(app) {}

    json config() override
    {
        return app_.landscape.active ? to_json(app_.landscape.config) : to_json(app_.config());
    }
    std::vector<ConfigError> set_config(const json& c) override { return app_.set_config(c); }
    std::vector<ConfigError> set_surface_config(const json& c) override
    {
        return landscape_set_config(app_, c);
    }
    void clear_lesson() override { app_.ui.lesson.clear(); }
    void show_import(const std::vector<ConfigError>& errors) override
    {
        app_.ui.errors = errors;
        app_.ui.status = errors.empty() ? "config imported" : "the imported config was not used";
    }
    std::vector<ConfigError> load_hash(const std::string& hash) override
    {
        return lrlab::load_hash(app_, hash);
    }
    json load_lesson(const std::string& name, std::int64_t seed) override
    {
        return lrlab::load_lesson(app_, name, seed);
    }

    json import_points(const std::string& text, const std::string& name) override
    {
        return import_points_csv(app_, text, name);
    }
    void show_points_refused(const ConfigError& why) override
    {
        app_.ui.errors = {why};
        app_.ui.status = why.path + " was not used; the data are unchanged";
    }
    json my_data() override { return my_data_json(app_); }

    void play() override { app_.play(); }
    void pause() override { app_.pause(); }
    void reset() override { app_.reset(); }
    std::int64_t step(std::int64_t n) override { return app_.step(n); }
    void set_speed(int steps_per_frame) override { app_.ui.steps_per_frame = steps_per_frame; }

    void show_view(bool landscape) override { landscape_show(app_, landscape); }
    json trajectories() override { return trajectories_json(app_.landscape); }
    json landscape_probe(const json& n) override { return landscape_probe_json(app_, n); }
    json charts() override { return app_.charts.enabled = true, charts_json(app_.charts); }

    json metrics() override { return latest_metrics_json(*app_.experiment); }
    json state() override { return state_json(app_); }
    std::string history_text() override { return lrlab::history_text(*app_.experiment); }
    json claims() override  // the lesson panel's ticks and crosses, at the current step
    {
        const Lesson* l = app_.ui.lesson.empty() ? nullptr : find_lesson(app_.ui.lesson);
        return l && l->surface ? surface_claims_json(*l, app_.landscape)
                               : claims_json(l, *app_.experiment);
    }
    json lessons() override { return lessons_json(); }

    bool job_call(const std::string& verb, const json& arg, json& result,
                  std::string& error) override
    {
        return app_.tuning.bridge.call(app_, verb, arg, result, error) ||
               sweep_call(app_, verb, arg, result, error);
    }
    bool export_torch(const json& run, std::string& script, std::string& error) override
    {
        return torch_script_for(app_, run, script, error);
    }
    void debug_trap() override { __builtin_trap(); }

private:
    AppState& app_;
};

}  // namespace

}  // namespace lrlab

// lrlab_api(verb, bytes of the argument as JSON text, -1 for none) -> {"result": ...} or
// {"error": "..."} as JSON text, valid until the next call. Synchronous: JS calls it between
// frames. The argument is not passed through ccall (which copies strings onto the 5 MB wasm
// stack: a 1.4 MB config overflowed it); it is fetched with js_take_arg once its size passed.
extern "C" EMSCRIPTEN_KEEPALIVE const char* lrlab_api(const char* verb, int arg_bytes)
{
    using namespace lrlab;
    if (!g_app)
        return "{\"error\":\"lrlab is not ready\"}";
    AppPage page(*g_app);
    ApiArgument arg;
    arg.given = arg_bytes >= 0;
    arg.bytes = arg.given ? std::size_t(arg_bytes) : 0;
    arg.text = [&arg]
    {
        std::string text(arg.bytes, '\0');
        js_take_arg(&text[0], int(arg.bytes));
        return text;
    };
    g_reply = api_dispatch(page, verb ? verb : "", arg);
    return g_reply.c_str();
}
