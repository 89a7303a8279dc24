// The URL hash <-> JSON, as DESIGN.md ("Browser") specifies: `key=value` pairs joined by `&`,
// keys are JSON paths in the syntax of error messages (`runs[0].optimizer.lr`), values are JSON
// literals, URL-encoded, and a bare word that is no JSON literal reads as a string.
//
// Pure C++ (no Emscripten): the page's url_sync.cpp and the unit tests both use it. Objects
// become dotted paths, arrays of objects become indexed paths, every other array is one JSON
// literal (`model.hidden=[8,8]`). Empty objects are left out: they equal their defaults.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/json_path.hpp"
#include "core/config/config.hpp"
#include "core/config/json.hpp"

namespace lrlab
{

// JSON (usually to_minimal_json of a config) -> "seed=3&runs[0].optimizer.type=adam&...".
std::string json_to_hash(const nlohmann::json& j);

// A config's URL hash: json_to_hash(to_minimal_json(c)), but never without runs. A hash without
// runs is not "one default run": it reads as the fallback runs (the page's four default runs,
// read_url_config), so a config of one all-default run, alone or with other keys (`seed=3`),
// would reload as a different config. Found by tests/fuzz/fuzz_url.cpp.
std::string config_to_hash(const Config& c);
// The JSON config_to_hash writes: to_minimal_json(c), with its runs always present.
nlohmann::json to_url_json(const Config& c);

struct HashResult
{
    nlohmann::json json = nlohmann::json::object();  // what could be read
    std::vector<ConfigError> errors;                  // what could not, by key
};

// "#a.b=1&..." (the leading '#' is optional) -> JSON. Never throws; a pair that cannot be read
// is reported by its key and left out, the others are kept.
HashResult hash_to_json(const std::string& hash);

// Reads a config that may hold bad parts (a URL): every key an error names is dropped, so it
// falls back to its default, until the rest is valid. `dropped` gets the errors (all of them,
// also those of earlier passes). Not ok() only when nothing valid remains.
ConfigResult parse_config_leniently(nlohmann::json j, std::vector<ConfigError>& dropped);

// Reads a URL's config (DESIGN.md "Browser": a bad part falls back to defaults for that part):
// `hash` on top of `base` (a lesson's config, or {} for a hash alone). Every key an error names
// falls back to base's value or, without one, to its default; an optimizer without a type reads
// as sgd (reported). Runs: a run the hash leaves out (`runs[1]` alone) or whose every key was
// dropped is the fallback run at its index (base's runs, else `default_runs`), reported; when no
// run of the hash keeps a key, the runs are the fallback runs. `errors` gets the hash's reading
// errors and every dropped key. Not ok() only when nothing valid remains.
ConfigResult read_url_config(const nlohmann::json& base, const HashResult& hash,
                             const nlohmann::json& default_runs,
                             std::vector<ConfigError>& errors);

// A surface config's URL (DESIGN.md "Landscape view"): `hash` on top of `base` (a surface
// lesson's config, or {}); every key an error names falls back to base's value or its default
// and is reported in `errors` with the hash's reading errors. Not ok() only when nothing
// usable remains (config/surface_url.cpp).
SurfaceConfigResult read_surface_url(const nlohmann::json& base, const HashResult& hash,
                                     std::vector<ConfigError>& errors);

// Percent-encoding of a value or key: keeps letters, digits and -_.~!$'()*+,;:@/?[] readable.
std::string url_encode(const std::string& s);
std::string url_decode(const std::string& s, bool& ok);

}  // namespace lrlab
