// The points of "my data" in the URL (issue 13). The encoding is the contract's own: data.points
// is one JSON literal in the hash (`data.points=[[-1.25,0.5,1],...]`), URL-encoded with
// `[ ] , - .` kept readable, every number the shortest decimal that reads back to the same
// double, so it is lossless; a drawn point is typed to 3 decimals, about 17 bytes a row, so
// 200 drawn 2-D points take about 3.4 kB. Above the budget the rows go to the browser's local
// storage under their content hash (FNV-1a 64 of their JSON text), the hash carries
// `data.points=stored:HASH`, and a page without that entry says the link needs the file. When
// the storage is full (or off) the link is the same, and the page says the points are not
// stored: then even a reload here needs the file.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/config.hpp"

namespace lrlab
{

// A hash (all of it, for the address to stay under 8 kB with the page's own URL) longer than
// this keeps its points in local storage.
constexpr std::size_t points_url_budget = 7500;

struct PointsLink
{
    std::string mode;       // "", "inline", "stored" or "unstored" (storage full or off)
    std::size_t bytes = 0;  // of the hash with the points inline
    std::string hash;       // content hash when stored
};

// The hash of a minimal config: the points inline when the whole fits the budget, else stored.
std::string hash_with_points(const nlohmann::json& minimal, PointsLink& link);

// Before a hash is read: `data.points=stored:HASH` becomes the stored rows, or, when this
// browser does not have them, the points dataset is dropped with an error saying the link
// needs its data file.
void resolve_stored_points(nlohmann::json& hash_json, std::vector<ConfigError>& errors);

// FNV-1a 64 of the rows' JSON text, as 16 hex digits.
std::string points_content_hash(const nlohmann::json& rows);

}  // namespace lrlab
