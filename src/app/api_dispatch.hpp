// The dispatcher of window.lrlab and the postMessage bridge (DESIGN.md "Browser"): what every
// verb shares — the argument's byte limit, its JSON parsing, the argument rules and their error
// messages, the refusal shapes, unknown verbs and the reply text — apart from the page itself,
// so that it builds natively and is fuzzed (tests/fuzz/fuzz_api.cpp). Depends on core and
// nlohmann-json only: the page (AppState, ImGui, GL, Emscripten) is behind ApiPage, which
// web_api.cpp implements over AppState and the fuzz target over plain core objects.
//
// Replies are JSON text with exactly one key:
//   {"result": ...}                       the verb's answer (null for actions)
//   {"error": "..."}                      an unknown verb, a bad argument, a failed action
//   {"result": {"ok": false, "errors"}}   setConfig and importConfig refusing a config
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/config.hpp"

namespace lrlab
{

// What the verbs ask of the page. Actions change nothing when they fail (they return errors);
// the show_* methods only put a notice on the page (its status line and error list).
class ApiPage
{
public:
    virtual ~ApiPage() = default;

    // ---- The config: getConfig, setConfig, importConfig, loadHash, lesson ----
    // The config of the view that shows (the experiment's, or the landscape's surface config).
    virtual nlohmann::json config() = 0;
    // Replaces the experiment config (network view) or the surface config (landscape view).
    virtual std::vector<ConfigError> set_config(const nlohmann::json& config) = 0;
    virtual std::vector<ConfigError> set_surface_config(const nlohmann::json& config) = 0;
    // A host's config replaced the lesson: the page no longer names it.
    virtual void clear_lesson() = 0;
    // Import's notice: the errors of an imported config (none: it was used).
    virtual void show_import(const std::vector<ConfigError>& errors) = 0;
    virtual std::vector<ConfigError> load_hash(const std::string& hash) = 0;
    // The lesson `name` at top-level seed `seed` (-1: the lesson's own): {ok, errors}.
    virtual nlohmann::json load_lesson(const std::string& name, std::int64_t seed) = 0;

    // ---- Your own data: importPoints, myData ----
    virtual nlohmann::json import_points(const std::string& csv_text, const std::string& name) = 0;
    // A CSV that was not read (over the limit): the notice, the data unchanged.
    virtual void show_points_refused(const ConfigError& why) = 0;
    virtual nlohmann::json my_data() = 0;

    // ---- The transport: play, pause, reset, step, speed ----
    virtual void play() = 0;
    virtual void pause() = 0;
    virtual void reset() = 0;
    virtual std::int64_t step(std::int64_t n) = 0;  // n >= 0; returns the step reached
    virtual void set_speed(int steps_per_frame) = 0;  // 1..1000

    // ---- The views: setView, trajectories, landscapeProbe, charts ----
    virtual void show_view(bool landscape) = 0;
    virtual nlohmann::json trajectories() = 0;
    virtual nlohmann::json landscape_probe(const nlohmann::json& n) = 0;  // n pixels a side
    virtual nlohmann::json charts() = 0;  // also turns chart tracing on

    // ---- Reads: metrics, state, history, claims, lessons ----
    virtual nlohmann::json metrics() = 0;
    virtual nlohmann::json state() = 0;
    // history() as JSON text: the page writes it row by row (a tree of every row is too big).
    virtual std::string history_text() = 0;
    virtual nlohmann::json claims() = 0;
    virtual nlohmann::json lessons() = 0;

    // ---- Work the page does on its own: tuning, sweeps, the PyTorch export ----
    // tuning* and sweep* verbs (and tuningPoolRow): all their work is the page's. True when
    // handled, with the result or an error; false for a verb it does not know.
    virtual bool job_call(const std::string& verb, const nlohmann::json& arg,
                          nlohmann::json& result, std::string& error) = 0;
    // The script of the run named `run` (null: the selected run), or false with `error`.
    virtual bool export_torch(const nlohmann::json& run, std::string& script,
                              std::string& error) = 0;
    // lrlab.crashForTest(): the page runs a trap instruction, as a bug would.
    virtual void debug_trap() = 0;
};

// The argument of a call as it arrives: its size first, its text only once the size passed
// (the page copies it into the module then, never a refused one).
struct ApiArgument
{
    bool given = false;                 // false: the verb was called without an argument
    std::size_t bytes = 0;              // the size of its JSON text
    std::function<std::string()> text;  // fetches the text; called at most once
};

// The longest argument a verb takes, in bytes of JSON text (issue 8 item 3).
std::size_t max_arg_bytes(const std::string& verb);

// Answers one call: the reply's JSON text, {"result": ...} or {"error": "..."}.
std::string api_dispatch(ApiPage& page, const std::string& verb, const ApiArgument& arg);
// The same with the text at hand (null: no argument).
std::string api_dispatch(ApiPage& page, const std::string& verb, const std::string* arg_text);

}  // namespace lrlab
