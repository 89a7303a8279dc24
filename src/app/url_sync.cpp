// URL <-> config (url_sync.hpp).
#include "app/url_sync.hpp"

#include <emscripten.h>

#include <cstdlib>

#include "app/app_state.hpp"
#include "app/landscape_state.hpp"
#include "app/lessons.hpp"
#include "app/points_url.hpp"
#include "app/sweep_url.hpp"
#include "core/config/url_codec.hpp"
#include "app/web_api.hpp"
#include "core/config/json.hpp"
#include "core/config/json_limits.hpp"

namespace lrlab
{

using nlohmann::json;

EM_JS(void, js_replace_url, (const char* preset, const char* seed, const char* hash), {
    window.lrlabHost.replaceUrl(UTF8ToString(preset), UTF8ToString(hash), UTF8ToString(seed));
});

// What is wrong with ?parentOrigin= ("" when it is an origin or absent); web/lrlab_api.js reads
// it once, with the URL API, and acts on it.
EM_JS(char*, js_origin_problem, (), {
    var s = window.lrlabHost ? window.lrlabHost.originProblem() : "";
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

namespace
{

std::string origin_problem()
{
    char* p = js_origin_problem();
    std::string s(p);
    std::free(p);
    return s;
}

// The value of ?name= in a URL ("" when absent).
std::string query_param(const std::string& href, const std::string& name)
{
    const std::size_t q = href.find('?');
    if (q == std::string::npos)
        return "";
    const std::size_t end = href.find('#', q);
    const std::string query = href.substr(q + 1, end == std::string::npos ? end : end - q - 1);
    std::size_t start = 0;
    while (start <= query.size())
    {
        std::size_t amp = query.find('&', start);
        if (amp == std::string::npos)
            amp = query.size();
        const std::string pair = query.substr(start, amp - start);
        const std::size_t eq = pair.find('=');
        bool ok = true;
        if (pair.substr(0, eq) == name)
            return eq == std::string::npos ? "1" : url_decode(pair.substr(eq + 1), ok);
        start = amp + 1;
    }
    return "";
}

std::string hash_of(const std::string& href)
{
    const std::size_t h = href.find('#');
    return h == std::string::npos ? "" : href.substr(h + 1);
}

// The longest hash read: Chromium keeps URLs up to 2 MiB, and a config of the largest kind is
// about 1 MB of hash (json_limits.hpp).
constexpr std::size_t max_hash_bytes = 2u << 20;

// Applies `base` + the hash leniently; what cannot be read is reported and falls back to its
// default (url_codec.hpp, read_url_config). The URL is then left as the user wrote it until
// the config changes, so that a typo can be seen and fixed, never silently replaced.
std::vector<ConfigError> apply_url_config(AppState& app, const json& base,
                                          const std::string& full_hash)
{
    std::vector<ConfigError> errors;
    const std::string hash = read_sweep_hash(app, full_hash, errors);  // sweep.* (sweep_url.hpp)
    HashResult decoded;
    if (hash.size() > max_hash_bytes)
        decoded.errors.push_back({"", too_large_message("the URL hash", hash.size(),
                                                        max_hash_bytes)});
    else
        decoded = hash_to_json(hash);
    resolve_stored_points(decoded.json, decoded.errors);  // data.points=stored:HASH (my data)
    ConfigResult r = read_url_config(base, decoded, default_runs_json(), errors);
    if (!r.ok())
    {
        errors.push_back({"", "nothing usable: showing the default view"});
        r = parse_config(default_config_json());
    }
    app.set_config(to_json(r.config));
    app.ui.url_errors = errors;
    if (!errors.empty())
        app.ui.url_version = app.version;  // keep the user's hash (url_sync)
    return errors;
}

// A surface config's URL (`#function=beale&...`, or a surface lesson's ?preset= with the hash
// on top): read leniently by core's read_surface_url; nothing usable shows the default.
std::vector<ConfigError> apply_surface_url(AppState& app, const json& base, const std::string& hash)
{
    std::vector<ConfigError> errors;
    HashResult decoded;
    if (hash.size() > max_hash_bytes)
        decoded.errors.push_back({"", too_large_message("the URL hash", hash.size(),
                                                        max_hash_bytes)});
    else
        decoded = hash_to_json(hash);
    SurfaceConfigResult r = read_surface_url(base, decoded, errors);
    if (!r.ok())
    {
        errors.push_back({"", "nothing usable: showing the default landscape"});
        r = parse_surface_config(default_surface_json());
    }
    landscape_install(app, r.config);
    app.ui.url_errors = errors;
    if (!errors.empty())
        app.ui.url_version = app.version;  // keep the user's hash (url_sync)
    return errors;
}

bool hash_is_surface(const std::string& hash)
{
    return hash.rfind("function=", 0) == 0 || hash.find("&function=") != std::string::npos;
}

// ?seed=S beside ?preset=NAME: the lesson at that top-level seed (-1: its own). A seed that is
// no integer in range is reported and the lesson's own seed used.
std::int64_t url_seed(const std::string& text, std::vector<ConfigError>& errors)
{
    if (text.empty())
        return -1;
    json j;
    ConfigError syntax;
    if (parse_json_text(text, j, syntax) && j.is_number_integer() && j.get<std::int64_t>() >= 0 &&
        j.get<std::int64_t>() <= limits::max_seed)
        return j.get<std::int64_t>();
    errors.push_back({"seed", "must be an integer 0.." + std::to_string(limits::max_seed) +
                                  ", got \"" + text + "\": the lesson's own seed is used"});
    return -1;
}

}  // namespace

void load_from_url(AppState& app)
{
    const std::string href = web_location_href();
    const std::string embed = query_param(href, "embed");
    app.ui.embed = !embed.empty() && embed != "0" && embed != "false";
    app.ui.parent_origin = query_param(href, "parentOrigin");
    app.heatmaps.grid.disabled = query_param(href, "grid") == "cpu";
    const std::string preset = query_param(href, "preset");
    const std::string hash = hash_of(href);
    json base = json::object();
    const Lesson* lesson = preset.empty() ? nullptr : find_lesson(preset);
    std::vector<ConfigError> seed_errors;
    const std::int64_t seed = url_seed(query_param(href, "seed"), seed_errors);
    if (lesson)
        base = lesson_config(*lesson, seed);
    else if (hash.empty())
        base = default_config_json();
    const bool surface = lesson ? lesson->surface : hash_is_surface(hash);
    std::vector<ConfigError> errors =
        surface ? apply_surface_url(app, base, hash) : apply_url_config(app, base, hash);
    if (!preset.empty() && !lesson)
    {
        app.ui.url_errors.insert(app.ui.url_errors.begin(),
                                 {"preset", "no lesson \"" + preset + "\"; one of: " +
                                                lesson_names()});
        app.ui.url_version = app.version;  // keep the URL as written
    }
    if (seed >= 0 && !lesson)
        seed_errors.push_back({"seed", "applies to a lesson (?preset=NAME): not used"});
    if (!seed_errors.empty())
    {
        app.ui.url_errors.insert(app.ui.url_errors.end(), seed_errors.begin(), seed_errors.end());
        app.ui.url_version = app.version;
    }
    // A hash that changes only seeds (regenerate data, new initial weights) keeps the lesson.
    if (lesson && lesson_matches(*lesson, app.config()))
        app.ui.lesson = lesson->name;
    if (lesson && lesson->surface)  // its URL is ?preset= with the hash of the whole config
        app.ui.lesson = lesson->name;
    const std::string problem = origin_problem();
    if (!problem.empty())
        app.ui.url_errors.push_back({"parentOrigin", problem});
}

std::vector<ConfigError> load_hash(AppState& app, const std::string& hash)
{
    const std::string h = !hash.empty() && hash[0] == '#' ? hash.substr(1) : hash;
    app.ui.lesson.clear();
    if (hash_is_surface(h))
        return apply_surface_url(app, json::object(), h);
    return apply_url_config(app, h.empty() ? default_config_json() : json::object(), h);
}

json load_lesson(AppState& app, const std::string& name, std::int64_t seed)
{
    const Lesson* l = find_lesson(name);
    if (!l)
        return {{"ok", false},
                {"errors", {{{"path", "preset"},
                             {"message", "no lesson \"" + name + "\"; one of: " +
                                             lesson_names()}}}}};
    const std::vector<ConfigError> errors = l->surface
                                                ? landscape_set_config(app, lesson_config(*l, seed))
                                                : app.set_config(lesson_config(*l, seed));
    if (errors.empty())
        app.ui.lesson = l->name;
    app.ui.status = errors.empty() ? "lesson: " + l->title : "lesson failed";
    json out_errors = json::array();
    for (const ConfigError& e : errors)
        out_errors.push_back({{"path", e.path}, {"message", e.message}});
    return {{"ok", errors.empty()}, {"errors", out_errors}};
}

namespace
{

// The lesson the URL names: the one loaded, if it is of the view that shows.
const Lesson* current_lesson(const AppState& app)
{
    const Lesson* l = app.ui.lesson.empty() ? nullptr : find_lesson(app.ui.lesson);
    return l && l->surface == app.landscape.active ? l : nullptr;
}

// A lesson's URL is ?preset=NAME[&seed=S] and, when data.seed or model.init_seed were changed
// on their own, a hash with just those; any other config is the whole minimal hash, its points
// inline or, over the URL budget, as a stored link (points_url.hpp).
std::string current_hash(const AppState& app, PointsLink& link)
{
    link = PointsLink{};
    if (app.landscape.active)  // the surface config, whole and minimal (a lesson's too)
        return json_to_hash(to_minimal_json(app.landscape.config));
    return current_lesson(app) ? lesson_seed_hash(app.config())
                               : hash_with_points(to_url_json(app.config()), link);
}

std::string current_seed(const AppState& app)
{
    const Lesson* l = current_lesson(app);
    return l && !l->surface ? lesson_seed_param(*l, app.config()) : "";
}

}  // namespace

void url_sync(AppState& app)
{
    if (app.ui.url_version == app.version && app.sweep.url_version == app.sweep.version)
        return;
    app.ui.url_version = app.version;
    app.sweep.url_version = app.sweep.version;
    const std::string hash = with_sweep_hash(app, current_hash(app, app.my_data.link));
    const Lesson* l = current_lesson(app);
    js_replace_url(l ? l->name.c_str() : "", current_seed(app).c_str(), hash.c_str());
}

std::string share_url(const AppState& app)
{
    // The page's own address with only what describes the view: preset or hash, the panels a
    // teacher chose (?panels=), and embed.
    std::string href = web_location_href();
    const std::string panels = query_param(href, "panels");
    href = href.substr(0, href.find_first_of("?#"));
    std::string query;
    if (const Lesson* l = current_lesson(app))
        query = "?preset=" + url_encode(l->name);
    const std::string seed = current_seed(app);
    if (!seed.empty())
        query += "&seed=" + seed;
    if (!panels.empty())
        query += (query.empty() ? "?panels=" : "&panels=") + url_encode(panels);
    PointsLink link;
    const std::string hash = with_sweep_hash(app, current_hash(app, link));
    return href + query + (hash.empty() ? "" : "#" + hash);
}

std::string embed_snippet(const AppState& app)
{
    std::string url = share_url(app);
    const std::size_t hash = url.find('#');
    const std::string head = url.substr(0, hash);
    const std::string tail = hash == std::string::npos ? "" : url.substr(hash);
    url = head + (head.find('?') == std::string::npos ? "?embed=1" : "&embed=1") + tail;
    std::string escaped;
    for (char c : url)
        escaped += c == '"' ? std::string("&quot;") : c == '&' ? std::string("&amp;")
                                                               : std::string(1, c);
    return "<iframe src=\"" + escaped + "\" title=\"lrlab: learning rates side by side\" "
           "width=\"960\" height=\"640\" style=\"border:0\" loading=\"lazy\"></iframe>";
}

}  // namespace lrlab
