// The points dataset (data/points.hpp): checking a table, inferring its task, splitting it.
//
// Sections: [Shape] [Targets] [Dataset]
#include "core/data/points.hpp"

#include <cmath>
#include <cstdio>

#include "core/data/generators.hpp"

namespace lrlab
{

namespace
{

using Issues = std::vector<PointsIssue>;

std::string number_text(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

// An issue, unless the list is full (one more then says how many were left out).
void report(Issues& issues, std::size_t& dropped, int row, int column, std::string message)
{
    if (issues.size() < points_limits::max_reported)
        issues.push_back({row, column, std::move(message)});
    else
        ++dropped;
}

void report_dropped(Issues& issues, std::size_t dropped)
{
    if (dropped > 0)
        issues.push_back({-1, -1, "... and " + std::to_string(dropped) + " more problems"});
}

// ---- [Shape] ---------------------------------------------------------------------------------

bool check_shape(const PointRows& rows, Issues& issues)
{
    const int n = static_cast<int>(rows.size());
    if (n < points_limits::min_rows || n > points_limits::max_rows)
    {
        issues.push_back({-1, -1, "must have " + std::to_string(points_limits::min_rows) +
                                      " to " + std::to_string(points_limits::max_rows) +
                                      " rows, got " + std::to_string(n)});
        return false;
    }
    const int width = static_cast<int>(rows[0].size());
    if (width < points_limits::min_values || width > points_limits::max_values)
    {
        issues.push_back({0, -1, "must have " + std::to_string(points_limits::min_values) +
                                     " to " + std::to_string(points_limits::max_values) +
                                     " values (1 to 64 inputs, then the target), got " +
                                     std::to_string(width)});
        return false;
    }
    std::size_t dropped = 0;
    for (int r = 0; r < n; ++r)
    {
        const std::vector<double>& row = rows[static_cast<std::size_t>(r)];
        if (static_cast<int>(row.size()) != width)
        {
            report(issues, dropped, r, -1, "has " + std::to_string(row.size()) +
                                               " values; the first row has " +
                                               std::to_string(width));
            continue;
        }
        for (int k = 0; k < width; ++k)
        {
            if (!std::isfinite(row[static_cast<std::size_t>(k)]))
                report(issues, dropped, r, k, "must be a finite number, got " +
                                                  number_text(row[static_cast<std::size_t>(k)]));
        }
    }
    report_dropped(issues, dropped);
    return issues.empty();
}

// ---- [Targets] -------------------------------------------------------------------------------

bool is_label(double v, int max_label)
{
    return v >= 0.0 && v <= max_label && v == std::floor(v);
}

// For auto: every target an integer in 0..7.
bool all_labels(const PointRows& rows)
{
    for (const std::vector<double>& row : rows)
        if (!is_label(row.back(), points_limits::max_classes - 1))
            return false;
    return true;
}

bool check_labels(const PointRows& rows, int max_label, const std::string& task_text,
                  PointsSummary& s, Issues& issues)
{
    const int target = s.inputs;
    std::size_t dropped = 0;
    int highest = 0;
    for (std::size_t r = 0; r < rows.size(); ++r)
    {
        const double y = rows[r].back();
        if (!is_label(y, max_label))
            report(issues, dropped, static_cast<int>(r), target,
                   "a " + task_text + " target must be an integer 0.." +
                       std::to_string(max_label) + ", got " + number_text(y));
        else if (static_cast<int>(y) > highest)
            highest = static_cast<int>(y);
    }
    report_dropped(issues, dropped);
    if (!issues.empty())
        return false;
    s.classes = highest + 1;
    s.class_counts.assign(static_cast<std::size_t>(s.classes), 0);
    for (const std::vector<double>& row : rows)
        ++s.class_counts[static_cast<std::size_t>(row.back())];
    if (s.classes < 2)
    {
        issues.push_back({0, target, "every target is class 0: classification needs at least "
                                      "2 classes (or set data.task to \"regression\")"});
        return false;
    }
    int first_highest = 0;  // the row the gaps are named at: where the highest label is first
    while (static_cast<int>(rows[static_cast<std::size_t>(first_highest)].back()) != highest)
        ++first_highest;
    for (int k = 0; k < s.classes; ++k)
    {
        if (s.class_counts[static_cast<std::size_t>(k)] == 0)
            report(issues, dropped, first_highest, target,
                   "class " + std::to_string(k) + " has no points, but class " +
                       std::to_string(highest) + " does: labels must be 0.." +
                       std::to_string(highest) + " with every class present");
    }
    return issues.empty();
}

void target_range(const PointRows& rows, PointsSummary& s)
{
    s.target_min = s.target_max = rows[0].back();
    for (const std::vector<double>& row : rows)
    {
        s.target_min = row.back() < s.target_min ? row.back() : s.target_min;
        s.target_max = row.back() > s.target_max ? row.back() : s.target_max;
    }
}

}  // namespace

const std::vector<std::string>& points_task_names()
{
    static const std::vector<std::string> names{"auto", "binary", "multiclass", "regression"};
    return names;
}

bool is_points_task(const std::string& task)
{
    for (const std::string& n : points_task_names())
        if (n == task)
            return true;
    return false;
}

bool check_points(const PointRows& rows, const std::string& task, PointsSummary& s,
                  std::vector<PointsIssue>& issues)
{
    s = PointsSummary{};
    if (!check_shape(rows, issues))
        return false;
    s.rows = static_cast<int>(rows.size());
    s.inputs = static_cast<int>(rows[0].size()) - 1;
    target_range(rows, s);
    const bool labels = task == "auto" ? all_labels(rows) : task != "regression";
    if (!labels)
    {
        s.task = TaskKind::regression;
        s.classes = 1;
        return true;
    }
    const bool binary = task == "binary";
    if (!check_labels(rows, binary ? 1 : points_limits::max_classes - 1,
                      binary ? "binary" : task == "multiclass" ? "multiclass" : "class", s,
                      issues))
        return false;
    s.task = (task == "multiclass" || (task == "auto" && s.classes > 2)) ? TaskKind::multiclass
                                                                          : TaskKind::binary;
    return true;
}

std::string describe_points(const PointsSummary& s)
{
    const char* task = s.task == TaskKind::binary       ? "binary classification"
                       : s.task == TaskKind::multiclass ? "multiclass classification"
                                                        : "regression";
    std::string out = std::string(task) + ", " + std::to_string(s.inputs) +
                      (s.inputs == 1 ? " input, " : " inputs, ") + std::to_string(s.rows) +
                      " rows";
    if (s.task == TaskKind::regression)
        return out + " (targets " + number_text(s.target_min) + " to " +
               number_text(s.target_max) + ")";
    out += " (";
    for (std::size_t k = 0; k < s.class_counts.size(); ++k)
        out += (k ? ", class " : "class ") + std::to_string(k) + ": " +
               std::to_string(s.class_counts[k]);
    return out + ")";
}

// ---- [Dataset] -------------------------------------------------------------------------------

Dataset make_points_dataset(const DataConfig& c)
{
    PointsSummary s;
    std::vector<PointsIssue> issues;
    datagen::Samples samples;
    Dataset d;
    if (!check_points(c.points, c.task, s, issues))
    {
        // Unreachable through parse_config; keep the engine safe without exceptions.
        samples.x = {-1.0, 1.0};
        samples.y = {0.0, 1.0};
        d.raw_dims = 1;
        datagen::split_into(samples, 1, c.seed, 0.5, d);
        return d;
    }
    d.task = s.task;
    d.classes = s.classes;
    d.raw_dims = s.inputs;
    samples.x.reserve(static_cast<std::size_t>(s.rows) * static_cast<std::size_t>(s.inputs));
    for (const std::vector<double>& row : c.points)
    {
        samples.x.insert(samples.x.end(), row.begin(), row.end() - 1);
        samples.y.push_back(row.back());
    }
    datagen::split_into(samples, d.raw_dims, c.seed, c.train_fraction, d);
    return d;
}

}  // namespace lrlab
