// The sweep verbs of the page (web_sweep.hpp).
#include "app/web_sweep.hpp"

#include <emscripten.h>

#include "app/app_state.hpp"
#include "app/metrics_json.hpp"
#include "app/sweep_url.hpp"
#include "app/tuning_pool.hpp"
#include "app/web_api.hpp"
#include "core/config/json.hpp"
#include "core/config/url_codec.hpp"
#include "core/tuning/sweep_fair.hpp"

namespace lrlab
{

using nlohmann::json;

EM_JS(void, js_sweep_start, (const char* text), {
    if (window.lrlabHost) window.lrlabHost.sweepStart(JSON.parse(UTF8ToString(text)));
});
EM_JS(void, js_sweep_cancel, (), { if (window.lrlabHost) window.lrlabHost.sweepCancel(); });

void web_sweep_start(const json& options) { js_sweep_start(dump_json(options).c_str()); }
void web_sweep_cancel() { js_sweep_cancel(); }

namespace
{

json errors_json(const std::vector<ConfigError>& errors)
{
    json out = json::array();
    for (const ConfigError& e : errors)
        out.push_back({{"path", e.path}, {"message", e.message}});
    return out;
}

json plan(AppState& app, const json& opts)
{
    SweepRequest r;
    const std::vector<ConfigError> errors =
        read_sweep_request(opts, to_url_json(app.config()), true, r);
    SweepView& v = app.sweep;
    v.errors = errors;
    if (!errors.empty())
        return {{"ok", false}, {"errors", errors_json(errors)}};
    v.open_panel = true;
    json shown = opts;
    shown.erase("config");
    if (shown != v.options || opts.contains("config"))
        ++v.version;
    form_from_options(shown, v.form);  // the panel shows what runs, whoever asked for it
    v.options = opts.contains("config") ? json::object() : shown;  // the URL holds no config
    json with_config = opts;
    with_config["config"] = r.user;
    v.rows.assign(std::size_t(r.cells), std::nullopt);
    v.failed.assign(std::size_t(r.cells), "");
    v.done = 0;
    v.running = true;
    v.cancelled = false;
    v.started_ms = web_now_ms();
    v.hover_cell = -1;
    v.status = "running " + std::to_string(r.cells) + " cells";
    const std::int64_t cells = r.cells;
    v.request = std::move(r);
    return {{"ok", true}, {"errors", json::array()}, {"cells", cells}, {"options", with_config}};
}

bool receive_row(SweepView& v, const json& arg, std::string& error)
{
    if (!v.request || !arg.is_object() || !arg.contains("cell") ||
        !arg["cell"].is_number_integer() || arg["cell"].get<std::int64_t>() < 0 ||
        arg["cell"].get<std::int64_t>() >= v.request->cells)
        return error = "sweepRow: {cell, row | error} of the sweep planned", false;
    const std::size_t cell = arg["cell"].get<std::size_t>();
    const bool had = v.rows[cell] || !v.failed[cell].empty();
    SweepRow row;
    if (arg.contains("row") && sweep_row_from_json(arg["row"], row))
        v.rows[cell] = row;
    else
        v.failed[cell] = arg.contains("error") && arg["error"].is_string()
                             ? arg["error"].get<std::string>() : "the cell failed";
    if (!had)
        ++v.done;
    return true;
}

json result(const SweepView& v)
{
    json rows = json::array();
    std::vector<SweepRow> done;
    for (const std::optional<SweepRow>& r : v.rows)
        if (r)
        {
            rows.push_back(sweep_row_json(*r));
            done.push_back(*r);
        }
    json out = {{"rows", rows}};
    if (v.request && v.request->fair)
    {
        json best;
        ConfigError syntax;
        if (parse_json_text(fair_best_json(fair_best(done)), best, syntax))
            out.update(best);
    }
    return out;
}

json state(const SweepView& v)
{
    json failed = json::array();
    for (std::size_t i = 0; i < v.failed.size(); ++i)
        if (!v.failed[i].empty())
            failed.push_back({{"cell", i}, {"error", v.failed[i]}});
    return {{"running", v.running},
            {"cancelled", v.cancelled},
            {"done", v.done},
            {"cells", v.request ? v.request->cells : 0},
            {"failed", failed},
            {"options", v.options},
            {"hover", v.hover_cell},
            {"status", v.status}};
}

}  // namespace

bool sweep_call(AppState& app, const std::string& verb, const json& arg, json& out,
                std::string& error)
{
    SweepView& v = app.sweep;
    if (verb == "sweepPlan")
        return out = plan(app, arg), true;
    if (verb == "sweepRow")
        return receive_row(v, arg, error) ? (out = json(nullptr), true) : true;
    if (verb == "sweepEnd")
    {
        v.running = false;
        v.cancelled = arg.is_object() && arg.value("cancelled", false);
        v.finished_ms = web_now_ms();
        v.status = v.cancelled ? "cancelled after " + std::to_string(v.done) + " cells"
                               : "done: " + std::to_string(v.done) + " cells";
        return out = json(nullptr), true;
    }
    if (verb == "sweepResult")
        return out = result(v), true;
    if (verb == "sweepState")
        return out = state(v), true;
    // The pool's answers for the tuning panels' jobs come by the same door (tuning_pool.hpp).
    return tuning_pool_call(app, verb, arg, out, error);
}

}  // namespace lrlab
