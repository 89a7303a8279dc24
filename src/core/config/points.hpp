// Internal to config/*.cpp: the keys of the "points" dataset, `data.points` and `data.task`
// (DESIGN.md "Your own data"). They are read beside the data key table, not in it: a table of
// rows is no scalar key, and its checks (data/points.hpp) name rows and columns.
#pragma once

#include <string>
#include <vector>

#include "core/config/key.hpp"

namespace lrlab::config_detail
{

// The data keys the points dataset adds to the table's (for the unknown-key check).
const std::vector<std::string>& points_key_names();

// Reads data.points and data.task from the data section (an object or anything else, which
// the caller reported). With dataset "points" the rows are required and checked; with another
// dataset neither key may be given. Errors name data.points[row][column].
void read_points_keys(const json& section, DataConfig& d, Errors& errors);

// Writes task (when not minimal or not "auto") and points, for dataset "points" only.
void write_points_keys(const DataConfig& d, bool minimal, json& data);

// The number of inputs of a points config (its rows' length - 1), 0 without rows.
int points_inputs(const DataConfig& d);

}  // namespace lrlab::config_detail
