// The "points" dataset (issue 13, DESIGN.md "Your own data"): rows typed by a person, drawn in
// the page or read from a CSV file, each the inputs and then the target. This file checks such
// a table, infers what its targets mean, and splits it into train and test like the built-in
// sets (Stream::split of data.seed, n_train = round(rows * train_fraction)).
#pragma once

#include <string>
#include <vector>

#include "core/config/config.hpp"
#include "core/data/datasets.hpp"

namespace lrlab
{

namespace points_limits
{
constexpr int min_rows = 4;                      // at least 1 train and 1 test point, and a few
constexpr int max_rows = limits::max_samples;    // 20,000: the built-in sets' bound
constexpr int min_values = 2;                    // 1 input and the target
constexpr int max_values = 65;                   // 64 inputs (digits8x8's size) and the target
constexpr int max_classes = 8;                   // as blobs
constexpr std::size_t max_reported = 20;         // problems listed before "... and N more"
}  // namespace points_limits

using PointRows = std::vector<std::vector<double>>;

// One problem of a table: row and column are 0-based indices into the rows (-1: not one row /
// not one column). Each caller names them its own way: a JSON path (data.points[3][2]) or a
// CSV line and column.
struct PointsIssue
{
    int row = -1;
    int column = -1;
    std::string message;
};

// What a valid table holds, as inferred with data.task.
struct PointsSummary
{
    TaskKind task = TaskKind::binary;
    int classes = 2;                      // 1 for regression
    int rows = 0;
    int inputs = 0;                       // values per row - 1
    std::vector<int> class_counts;        // points per class (classification)
    double target_min = 0.0, target_max = 0.0;
};

bool is_points_task(const std::string& task);         // auto, binary, multiclass, regression
const std::vector<std::string>& points_task_names();

// Checks sizes, shapes and values (every row as long as the first, all finite), then reads the
// targets with `task`: auto = integer targets 0..7 are classes (2 classes: binary, more:
// multiclass), anything else regression; binary = 0 and 1; multiclass = integers 0..K-1 with
// 2 <= K <= 8 and every class present. Returns false with the issues when the table is unusable.
bool check_points(const PointRows& rows, const std::string& task, PointsSummary& summary,
                  std::vector<PointsIssue>& issues);

// Short text of a summary for people: "binary classification, 2 inputs, 200 rows (class 0:
// 100, class 1: 100)".
std::string describe_points(const PointsSummary& s);

// The dataset of a valid points config (check_points passed): rows split by Stream::split of
// c.seed exactly as make_dataset splits generated samples. Safe on any input (no exceptions):
// a table that does not pass check_points gives a minimal binary dataset instead.
Dataset make_points_dataset(const DataConfig& c);

// Rows of a points config (its train/test split counts them).
inline int points_rows(const DataConfig& c) { return static_cast<int>(c.points.size()); }

}  // namespace lrlab
