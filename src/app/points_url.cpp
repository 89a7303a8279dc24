// My data in the URL (points_url.hpp).
#include "app/points_url.hpp"

#include <emscripten.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "app/metrics_json.hpp"
#include "core/config/url_codec.hpp"

namespace lrlab
{

using nlohmann::json;

EM_JS(int, js_store_points, (const char* key, const char* text), {
    return window.lrlabHost && window.lrlabHost.storePoints(UTF8ToString(key), UTF8ToString(text))
               ? 1 : 0;
});
EM_JS(char*, js_load_points, (const char* key), {
    var s = window.lrlabHost ? window.lrlabHost.loadPoints(UTF8ToString(key)) : "";
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

namespace
{

const char* const stored_prefix = "stored:";

std::string storage_key(const std::string& hash) { return "lrlab.points." + hash; }

std::string load_points(const std::string& hash)
{
    char* p = js_load_points(storage_key(hash).c_str());
    std::string s(p);
    std::free(p);
    return s;
}

}  // namespace

std::string points_content_hash(const json& rows)
{
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a 64 offset basis
    for (unsigned char c : dump_json(rows))
    {
        h ^= c;
        h *= 1099511628211ULL;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    return hex;
}

std::string hash_with_points(const json& minimal, PointsLink& link)
{
    link = PointsLink{};
    std::string hash = json_to_hash(minimal);
    const bool has_points = minimal.contains("data") && minimal["data"].contains("points");
    if (!has_points)
        return hash;
    link.bytes = hash.size();
    link.mode = "inline";
    if (hash.size() <= points_url_budget)
        return hash;
    const json& rows = minimal["data"]["points"];
    link.hash = points_content_hash(rows);
    // Local storage full or off: the link names the points by their hash all the same. The long
    // link would be no better: past the browser's URL limit the address would not change at
    // all (and keep the previous config's), and under it a shared link that long is cut by
    // mail and chat. The page says the points are not stored (my_data.cpp).
    link.mode = js_store_points(storage_key(link.hash).c_str(), dump_json(rows).c_str())
                    ? "stored" : "unstored";
    json shortened = minimal;
    shortened["data"]["points"] = stored_prefix + link.hash;
    return json_to_hash(shortened);
}

void resolve_stored_points(json& j, std::vector<ConfigError>& errors)
{
    if (!j.is_object() || !j.contains("data") || !j["data"].is_object() ||
        !j["data"].contains("points") || !j["data"]["points"].is_string())
        return;
    const std::string ref = j["data"]["points"].get<std::string>();
    if (ref.rfind(stored_prefix, 0) != 0)
        return;
    const std::string hash = ref.substr(std::string(stored_prefix).size());
    const std::string text = load_points(hash);
    json rows;
    ConfigError syntax;
    if (!text.empty() && parse_json_text(text, rows, syntax) && rows.is_array() &&
        points_content_hash(rows) == hash)
    {
        j["data"]["points"] = rows;
        return;
    }
    errors.push_back({"data.points", "this link needs its data file: its points (content hash " +
                                         hash + ") are kept only in the browser that made the "
                                         "link; load the CSV (Load CSV... or drop it "
                                         "on the page)"});
    for (const char* k : {"dataset", "points", "task"})
        j["data"].erase(k);
}

}  // namespace lrlab
