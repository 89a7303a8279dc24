// window.lrlab and the postMessage bridge (DESIGN.md "Browser"). The JS side is
// web/lrlab_api.js: it calls the one exported function lrlab_api(verb, json) and posts the
// page's own messages ({lrlab: "ready"}, "evaluated", "finished") to the host page.
#pragma once

#include <cstdint>
#include <string>

namespace lrlab
{

struct AppState;

// The AppState the exported functions act on (set once by main).
void web_api_bind(AppState* app);
// Resolves lrlab.ready and posts {lrlab: "ready"} to the host page.
void web_ready();
// Posts {lrlab: "evaluated", step, metrics} for every evaluation after `from_step` (-1: the
// evaluation at the current step too), and {lrlab: "finished", step} at train.steps.
void web_post_evaluations(const AppState& app, std::int64_t from_step);

// Browser helpers (EM_JS), no-ops outside the browser.
double web_now_ms();
void web_download(const std::string& filename, const std::string& mime, const std::string& text);
void web_copy_text(const std::string& text);
void web_set_live(const std::string& text);         // the aria-live line
void web_save_png(const std::string& filename);     // the canvas, right after a render
void web_pick_config_file();                        // upload -> lrlab_api("importConfig")
void web_pick_points_file();                        // CSV upload -> lrlab_api("importPoints")
std::string web_location_href();

}  // namespace lrlab
