// The page's URL: reads ?preset= (and ?seed=), ?embed=, ?parentOrigin= and the hash at start and on
// hashchange; writes the hash (history.replaceState) whenever the config changes, so that the
// URL always holds the whole config (DESIGN.md "Browser"; codec in core/config/url_codec.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/config.hpp"

namespace lrlab
{

struct AppState;

void load_from_url(AppState& app);
// A new hash typed by the user: read on top of the defaults. Returns what could not be read.
std::vector<ConfigError> load_hash(AppState& app, const std::string& hash);
// {ok, errors}; the lesson stays marked (and the URL says ?preset=NAME[&seed=S]) until edited
// in anything but its seeds. seed >= 0 sets the config's top-level seed (?seed=).
nlohmann::json load_lesson(AppState& app, const std::string& name, std::int64_t seed = -1);
// Each frame: rewrites the URL when the config changed.
void url_sync(AppState& app);
// The link that opens the current view (share), and the iframe snippet (embed).
std::string share_url(const AppState& app);
std::string embed_snippet(const AppState& app);

}  // namespace lrlab
