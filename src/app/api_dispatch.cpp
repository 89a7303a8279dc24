// The verbs of window.lrlab as one table (api_dispatch.hpp). Sections: [Replies] [Arguments]
// [Verbs] [The table] [Dispatch]
#include "app/api_dispatch.hpp"

#include <algorithm>
#include <iterator>

#include "core/config/json.hpp"
#include "core/config/json_limits.hpp"
#include "core/data/points_csv.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

// ---- [Replies] -------------------------------------------------------------------------------

// JSON text as the page writes all of it (metrics_json.hpp's dump_json): compact, and invalid
// UTF-8 in a string replaced rather than thrown on (the page has no exceptions).
std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string result(const json& r) { return dump(json{{"result", r}}); }
std::string failure(const std::string& message) { return dump(json{{"error", message}}); }
// A page hook's answer: its error if it set one, else its result.
std::string answer(const json& r, const std::string& error)
{
    return error.empty() ? result(r) : failure(error);
}

json errors_json(const std::vector<ConfigError>& errors)
{
    json out = json::array();
    for (const ConfigError& e : errors)
        out.push_back({{"path", e.path}, {"message", e.message}});
    return out;
}

// What setConfig, importConfig and the other config verbs answer: {ok, errors}.
json ok_errors(const std::vector<ConfigError>& errors)
{
    return {{"ok", errors.empty()}, {"errors", errors_json(errors)}};
}

std::string unknown_verb(const std::string& verb) { return failure("unknown verb " + dump(verb)); }

// What a refused argument gets: setConfig and importConfig answer {ok: false, errors} as for
// any invalid config (and Import says so on the page); other verbs an error.
std::string refuse(ApiPage& page, const std::string& verb, const ConfigError& why)
{
    if (verb == "importConfig")
        page.show_import({why});
    if (verb == "setConfig" || verb == "importConfig")
        return result(ok_errors({why}));
    return failure(verb + ": " + why.message);
}

// ---- [Arguments] -----------------------------------------------------------------------------

// A verb's argument rule: an argument it does not accept makes the call an unknown verb (what
// the page has always answered, e.g. for speed(0) or setView(1)).
using Accepts = bool (*)(const json& arg);

bool any_arg(const json&) { return true; }
bool string_arg(const json& a) { return a.is_string(); }
bool byte_count_arg(const json& a) { return a.is_number_unsigned(); }
// importPoints({text, name?, bytes?}): a CSV's text, or the size of one that was not read.
bool points_arg(const json& a)
{
    return a.is_object() && a.contains("text") && a["text"].is_string();
}
// lesson(name) or lesson({name, seed}); the seed is checked by the verb, with its own message.
bool lesson_arg(const json& a)
{
    return a.is_string() ||
           (a.is_object() && a.contains("name") && a["name"].is_string() && a.contains("seed"));
}
// speed(n): steps per frame, 1..1000 (compared as 64-bit: 2^32 + 1 is no 1).
bool speed_arg(const json& a)
{
    return a.is_number_integer() && a.get<std::int64_t>() >= 1 && a.get<std::int64_t>() <= 1000;
}

// An argument shown in an error message: NaN and Infinity reach C++ as null (JSON has neither).
std::string describe_arg(const json& v)
{
    return v.is_null() ? "null (NaN, Infinity or null)" : dump(v).substr(0, 40);
}

// ---- [Verbs] ---------------------------------------------------------------------------------

struct Call
{
    ApiPage& page;
    const std::string& verb;
    const json& arg;  // null when none was given
    bool given;
};

std::string get_config(const Call& c) { return result(c.page.config()); }

std::string set_config(const Call& c)
{
    const std::vector<ConfigError> errors =
        is_surface_json(c.arg) ? c.page.set_surface_config(c.arg) : c.page.set_config(c.arg);
    if (errors.empty())
        c.page.clear_lesson();
    return result(ok_errors(errors));
}

// importConfig(text): a file's text; syntax errors come with their line and column. A surface
// config keeps the lesson's name (the page shows the landscape's own lesson, if any).
std::string import_config(const Call& c)
{
    const std::string& text = c.arg.get_ref<const std::string&>();
    json parsed;
    ConfigError syntax;
    if (parse_json_text(text, parsed, syntax) && is_surface_json(parsed))
    {
        const std::vector<ConfigError> errors = c.page.set_surface_config(parsed);
        c.page.show_import(errors);
        return result(ok_errors(errors));
    }
    const ConfigResult r = parse_config_text(text);
    const std::vector<ConfigError> errors =
        r.ok() ? c.page.set_config(to_json(r.config)) : r.errors;
    if (errors.empty())
        c.page.clear_lesson();
    c.page.show_import(errors);
    return result(ok_errors(errors));
}

// importTooLarge(bytes): the file was not read, it is over the limit (web/lrlab_api.js checks
// its size).
std::string import_too_large(const Call& c)
{
    const std::vector<ConfigError> errors = {
        {"", too_large_message("the file", c.arg.get<std::size_t>(), json_limits::max_bytes)}};
    c.page.show_import(errors);
    return result(ok_errors(errors));
}

std::string import_points(const Call& c)
{
    const json& a = c.arg;
    const std::string name =
        a.contains("name") && a["name"].is_string() ? a["name"].get<std::string>() : "points.csv";
    if (a.contains("bytes") && a["bytes"].is_number_unsigned())  // not read: too large
    {
        const ConfigError why = {name, too_large_message("the file", a["bytes"].get<std::size_t>(),
                                                         points_csv_limits::max_bytes)};
        c.page.show_points_refused(why);
        return result(ok_errors({why}));
    }
    return result(c.page.import_points(a["text"].get<std::string>(), name));
}

std::string step(const Call& c)
{
    // step() is step(1); null (what JSON makes of NaN and Infinity) is no count.
    const json n = c.given ? c.arg : json(1);
    if (!n.is_number_integer() || n.get<std::int64_t>() < 0)
        return failure("step(n): n must be a non-negative integer, got " + describe_arg(n));
    return result(c.page.step(n.get<std::int64_t>()));
}

std::string lesson(const Call& c)
{
    if (c.arg.is_string())
        return result(c.page.load_lesson(c.arg.get<std::string>(), -1));
    // lesson(name, seed): the lesson at that top-level seed, as ?preset=NAME&seed=S.
    const json& seed = c.arg["seed"];
    if (!seed.is_number_integer() || seed.get<std::int64_t>() < 0 ||
        seed.get<std::int64_t>() > limits::max_seed)
        return failure("lesson(name, seed): seed must be an integer 0.." +
                       std::to_string(limits::max_seed) + ", got " + describe_arg(seed));
    return result(c.page.load_lesson(c.arg["name"].get<std::string>(), seed.get<std::int64_t>()));
}

std::string history(const Call& c) { return "{\"result\":" + c.page.history_text() + "}"; }

std::string job(const Call& c)
{
    json r;
    std::string error;
    if (!c.page.job_call(c.verb, c.arg, r, error))
        return unknown_verb(c.verb);
    return answer(r, error);
}

std::string export_torch(const Call& c)  // the bytes of `lrlab export-torch CONFIG --run NAME`
{
    std::string script, error;
    const bool ok = c.page.export_torch(c.given ? c.arg : json(nullptr), script, error);
    return answer(ok ? json(script) : json(), error);
}

// ---- [The table] -----------------------------------------------------------------------------

// The longest argument, in bytes of JSON, checked before it is copied into the module or parsed
// (issue 8 item 3): a config has json_limits::max_bytes, an imported file's text as a JSON
// string twice that (escapes), anything else 64 KiB.
constexpr std::size_t small_arg = 64u << 10;
constexpr std::size_t config_arg = json_limits::max_bytes;
constexpr std::size_t file_text_arg = 2 * json_limits::max_bytes + 2;
constexpr std::size_t options_arg = json_limits::max_bytes + small_arg;  // options with a config
// A CSV's text as a JSON string (newlines escaped).
constexpr std::size_t csv_text_arg =
    points_csv_limits::max_bytes + (points_csv_limits::max_bytes >> 3);

struct Verb
{
    const char* name;
    std::size_t max_bytes;
    Accepts accepts;
    std::string (*run)(const Call&);
};

// Actions answer {"result": null}: `return action(), result(nullptr);`.
const Verb verbs[] = {
    {"getConfig", small_arg, any_arg, get_config},
    {"setConfig", config_arg, any_arg, set_config},
    {"importConfig", file_text_arg, string_arg, import_config},
    {"importTooLarge", small_arg, byte_count_arg, import_too_large},
    {"loadHash", file_text_arg, string_arg,
     [](const Call& c) { return c.page.load_hash(c.arg.get<std::string>()), result(nullptr); }},
    {"lesson", small_arg, lesson_arg, lesson},
    {"importPoints", csv_text_arg, points_arg, import_points},
    {"myData", small_arg, any_arg, [](const Call& c) { return result(c.page.my_data()); }},
    {"play", small_arg, any_arg, [](const Call& c) { return c.page.play(), result(nullptr); }},
    {"pause", small_arg, any_arg, [](const Call& c) { return c.page.pause(), result(nullptr); }},
    {"reset", small_arg, any_arg, [](const Call& c) { return c.page.reset(), result(nullptr); }},
    {"step", small_arg, any_arg, step},
    {"speed", small_arg, speed_arg,
     [](const Call& c) { return c.page.set_speed(c.arg.get<int>()), result(nullptr); }},
    {"setView", small_arg, string_arg,  // "network" or "landscape"
     [](const Call& c)
     { return c.page.show_view(c.arg.get<std::string>() == "landscape"), result(nullptr); }},
    {"trajectories", small_arg, any_arg,
     [](const Call& c) { return result(c.page.trajectories()); }},
    {"landscapeProbe", small_arg, any_arg,
     [](const Call& c) { return result(c.page.landscape_probe(c.arg)); }},
    {"charts", small_arg, any_arg, [](const Call& c) { return result(c.page.charts()); }},
    {"metrics", small_arg, any_arg, [](const Call& c) { return result(c.page.metrics()); }},
    {"state", small_arg, any_arg, [](const Call& c) { return result(c.page.state()); }},
    {"history", small_arg, any_arg, history},
    {"claims", small_arg, any_arg, [](const Call& c) { return result(c.page.claims()); }},
    {"lessons", small_arg, any_arg, [](const Call& c) { return result(c.page.lessons()); }},
    {"debugTrap", small_arg, any_arg,
     [](const Call& c) { return c.page.debug_trap(), result(nullptr); }},
    {"exportTorch", small_arg, any_arg, export_torch},
    // web_tuning.hpp, web_sweep.hpp, tuning_pool.hpp
    {"tuningStart", options_arg, any_arg, job},
    {"tuningStep", small_arg, any_arg, job},
    {"tuningResult", small_arg, any_arg, job},
    {"tuningCancel", small_arg, any_arg, job},
    {"tuningPoolRow", small_arg, any_arg, job},
    {"sweepPlan", options_arg, any_arg, job},
    {"sweepRow", small_arg, any_arg, job},
    {"sweepEnd", small_arg, any_arg, job},
    {"sweepResult", small_arg, any_arg, job},
    {"sweepState", small_arg, any_arg, job},
};

const Verb* find_verb(const std::string& name)
{
    const auto v = std::find_if(std::begin(verbs), std::end(verbs),
                                [&](const Verb& x) { return name == x.name; });
    return v == std::end(verbs) ? nullptr : v;
}

}  // namespace

// ---- [Dispatch] ------------------------------------------------------------------------------

std::size_t max_arg_bytes(const std::string& verb)
{
    const Verb* v = find_verb(verb);
    return v ? v->max_bytes : small_arg;
}

std::string api_dispatch(ApiPage& page, const std::string& verb, const ApiArgument& arg)
{
    const std::size_t limit = max_arg_bytes(verb);
    if (arg.given && arg.bytes > limit)
    {
        const std::string what = verb == "setConfig" ? "the config" : "the argument";
        return refuse(page, verb, {"", too_large_message(what, arg.bytes, limit)});
    }
    json parsed;  // null when no argument was given
    if (arg.given)
    {
        ConfigError syntax;
        if (!parse_json_text(arg.text(), parsed, syntax))
            return refuse(page, verb, {syntax.path, syntax.message});
    }
    const Verb* v = find_verb(verb);
    if (!v || !v->accepts(parsed))
        return unknown_verb(verb);
    return v->run({page, verb, parsed, arg.given});
}

std::string api_dispatch(ApiPage& page, const std::string& verb, const std::string* arg_text)
{
    ApiArgument arg;
    arg.given = arg_text != nullptr;
    arg.bytes = arg_text ? arg_text->size() : 0;
    arg.text = [arg_text] { return *arg_text; };
    return api_dispatch(page, verb, arg);
}

}  // namespace lrlab
