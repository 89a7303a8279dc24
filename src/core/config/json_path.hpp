// Paths of a JSON value in the syntax of error messages ("runs[1].optimizer.lr"), used to drop
// what a URL got wrong, and merging of partial configs (a lesson, then the URL's hash).
// Pure C++: the page and the unit tests both use it.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lrlab
{

// Path syntax shared with error messages: "runs[1].optimizer.lr" -> {"runs", 1, "optimizer",
// "lr"} (indices as numbers). Returns false on a malformed path.
struct PathPart
{
    std::string key;    // empty for an index
    long index = -1;    // >= 0 for an index
};
bool parse_json_path(const std::string& path, std::vector<PathPart>& out);

// Removes the value at `path` (error-message syntax) from `j`, or the nearest existing parent
// when the path goes through something missing; returns false when nothing was removed.
bool erase_json_path(nlohmann::json& j, const std::string& path);

// `base` with `patch` applied: objects merge by key, arrays of objects by index (a null in the
// patch keeps the base element), anything else replaces. `?preset=` then the hash.
nlohmann::json merge_json(const nlohmann::json& base, const nlohmann::json& patch);

}  // namespace lrlab
