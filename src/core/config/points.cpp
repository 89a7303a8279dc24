// data.points and data.task (config/points.hpp): JSON rows -> DataConfig::points, checked by
// check_points (data/points.hpp), and back. Numbers are kept as typed: an integral value is
// written as an integer (a label 1 stays `1`), any other as the shortest double that reads back.
#include "core/config/points.hpp"

#include <cmath>

#include "core/config/keys.hpp"
#include "core/data/points.hpp"

namespace lrlab::config_detail
{

namespace
{

const char* const points_path = "data.points";

std::string cell_path(int row, int column)
{
    std::string p = points_path;
    if (row >= 0)
        p = index_path(p, static_cast<std::size_t>(row));
    if (row >= 0 && column >= 0)
        p = index_path(p, static_cast<std::size_t>(column));
    return p;
}

// The rows as numbers; false (with errors, at most max_reported) if any value is no number.
bool read_rows(const json& v, PointRows& rows, Errors& errors)
{
    if (!v.is_array())
    {
        errors.push_back({points_path, "must be an array of rows [x1, ..., target], got " +
                                           json_type_name(v)});
        return false;
    }
    if (v.size() > static_cast<std::size_t>(points_limits::max_rows))
    {
        errors.push_back({points_path, "must have at most " +
                                           std::to_string(points_limits::max_rows) +
                                           " rows, got " + std::to_string(v.size())});
        return false;
    }
    std::size_t problems = 0;
    rows.assign(v.size(), {});
    for (std::size_t r = 0; r < v.size(); ++r)
    {
        const json& row = v[r];
        const bool is_row = row.is_array() &&
                            row.size() <= static_cast<std::size_t>(points_limits::max_values);
        if (!is_row && ++problems <= points_limits::max_reported)
            errors.push_back({index_path(points_path, r),
                              row.is_array() ? "must have at most 65 values, got " +
                                                   std::to_string(row.size())
                                             : "must be an array of numbers, got " +
                                                   json_type_name(row)});
        if (!is_row)
            continue;
        rows[r].reserve(row.size());
        for (std::size_t k = 0; k < row.size(); ++k)
        {
            if (row[k].is_number())
                rows[r].push_back(row[k].get<double>());
            else if (++problems <= points_limits::max_reported)
                errors.push_back({cell_path(int(r), int(k)),
                                  "must be a number, got " + json_type_name(row[k])});
        }
    }
    if (problems > points_limits::max_reported)
        errors.push_back({points_path, "... and " +
                                           std::to_string(problems - points_limits::max_reported) +
                                           " more problems"});
    return problems == 0;
}

json value_json(double v)
{
    if (v == std::floor(v) && std::fabs(v) < 9.0e15)
        return static_cast<std::int64_t>(v);
    return v;
}

}  // namespace

const std::vector<std::string>& points_key_names()
{
    static const std::vector<std::string> names{"points", "task"};
    return names;
}

void read_points_keys(const json& section, DataConfig& d, Errors& errors)
{
    d.points.clear();
    d.task = "auto";
    const bool object = section.is_object();
    const bool has_points = object && section.contains("points");
    const bool has_task = object && section.contains("task");
    if (d.dataset != "points")
    {
        for (const char* k : {"points", "task"})
            if (object && section.contains(k))
                errors.push_back({join("data", k), "applies only to data.dataset \"points\", "
                                                   "not " + describe(json(d.dataset))});
        return;
    }
    if (has_task)
    {
        json task;
        if (read_value(section["task"], "data.task", Kind::choice, any(), [] {
                return points_task_names();
            }, 0, task, errors))
            d.task = task.get<std::string>();
    }
    if (!has_points)
    {
        errors.push_back({points_path, "required with data.dataset \"points\": rows of the "
                                       "inputs, then the target"});
        return;
    }
    if (!read_rows(section["points"], d.points, errors))
        return;
    PointsSummary summary;
    std::vector<PointsIssue> issues;
    if (!check_points(d.points, d.task, summary, issues))
        for (const PointsIssue& i : issues)
            errors.push_back({cell_path(i.row, i.column), i.message});
}

void write_points_keys(const DataConfig& d, bool minimal, json& data)
{
    if (d.dataset != "points")
        return;
    if (!minimal || d.task != "auto")
        data["task"] = d.task;
    json rows = json::array();
    for (const std::vector<double>& row : d.points)
    {
        json r = json::array();
        for (double v : row)
            r.push_back(value_json(v));
        rows.push_back(std::move(r));
    }
    data["points"] = std::move(rows);
}

int points_inputs(const DataConfig& d)
{
    return d.points.empty() ? 0 : static_cast<int>(d.points[0].size()) - 1;
}

}  // namespace lrlab::config_detail
