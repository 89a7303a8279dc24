// The points dataset: task inference, the checks of a table and their JSON paths, the split by
// train_fraction and data.seed, features at 2 inputs, and the config round trip.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/config/json.hpp"
#include "core/config/url_codec.hpp"
#include "core/data/points.hpp"
#include "core/train/experiment.hpp"

using namespace lrlab;

namespace
{

PointRows square(int n, double label_of_right = 1.0)
{
    PointRows rows;
    for (int i = 0; i < n; ++i)
    {
        const double x = -1.0 + 2.0 * i / (n - 1);
        rows.push_back({x, 0.25 * i, x > 0 ? label_of_right : 0.0});
    }
    return rows;
}

nlohmann::json points_config(const PointRows& rows, const std::string& task = "auto")
{
    nlohmann::json j = {{"data", {{"dataset", "points"}, {"points", rows}}},
                        {"train", {{"steps", 20}, {"batch_size", 2}}},
                        {"runs", {{{"optimizer", {{"type", "sgd"}, {"lr", 0.1}}}}}}};
    if (task != "auto")
        j["data"]["task"] = task;
    return j;
}

std::vector<std::string> paths(const ConfigResult& r)
{
    std::vector<std::string> out;
    for (const ConfigError& e : r.errors)
        out.push_back(e.path);
    return out;
}

bool has_error(const ConfigResult& r, const std::string& path, const std::string& words)
{
    for (const ConfigError& e : r.errors)
        if (e.path == path && e.message.find(words) != std::string::npos)
            return true;
    return false;
}

}  // namespace

TEST_CASE("points: auto reads integer targets 0..7 as classes, anything else as regression")
{
    PointsSummary s;
    std::vector<PointsIssue> issues;
    REQUIRE(check_points(square(10), "auto", s, issues));
    CHECK(s.task == TaskKind::binary);
    CHECK(s.classes == 2);
    CHECK(s.inputs == 2);
    CHECK(s.class_counts == std::vector<int>{5, 5});

    PointRows three = square(9);
    three[0].back() = 2.0;
    REQUIRE(check_points(three, "auto", s, issues));
    CHECK(s.task == TaskKind::multiclass);
    CHECK(s.classes == 3);

    PointRows real = square(8);
    real[3].back() = 0.5;
    REQUIRE(check_points(real, "auto", s, issues));
    CHECK(s.task == TaskKind::regression);
    CHECK(s.classes == 1);

    PointRows big = square(8);
    big[3].back() = 8.0;  // beyond 0..7: a number, not a class
    REQUIRE(check_points(big, "auto", s, issues));
    CHECK(s.task == TaskKind::regression);

    REQUIRE(check_points(square(10), "regression", s, issues));
    CHECK(s.task == TaskKind::regression);
    REQUIRE(check_points(square(10), "multiclass", s, issues));
    CHECK(s.task == TaskKind::multiclass);
    CHECK(s.classes == 2);
    CHECK(issues.empty());
}

TEST_CASE("points: one class, a gap between classes and bad binary targets are refused")
{
    PointsSummary s;
    std::vector<PointsIssue> issues;
    CHECK_FALSE(check_points(square(10, 0.0), "auto", s, issues));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].column == 2);
    CHECK(issues[0].message.find("at least 2 classes") != std::string::npos);

    issues.clear();
    CHECK_FALSE(check_points(square(10, 7.0), "multiclass", s, issues));
    CHECK(issues.size() == 6);  // classes 1..6 are missing
    CHECK(issues[0].message.find("class 1 has no points") != std::string::npos);

    issues.clear();
    CHECK_FALSE(check_points(square(10, 2.0), "binary", s, issues));
    REQUIRE(issues.size() == 5);
    CHECK(issues[0].row == 5);
    CHECK(issues[0].column == 2);

    issues.clear();
    PointRows half = square(10);
    half[1].back() = 0.5;
    CHECK_FALSE(check_points(half, "multiclass", s, issues));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].row == 1);
}

TEST_CASE("points: sizes, ragged rows and non-finite values name their row and column")
{
    ConfigResult few = parse_config(points_config(square(3)));
    CHECK(has_error(few, "data.points", "4 to 20000 rows, got 3"));

    PointRows ragged = square(6);
    ragged[4].push_back(1.0);
    ConfigResult r = parse_config(points_config(ragged));
    CHECK(has_error(r, "data.points[4]", "has 4 values; the first row has 3"));

    nlohmann::json text = points_config(square(6));
    text["data"]["points"][2][1] = "abc";
    CHECK(has_error(parse_config(text), "data.points[2][1]", "must be a number"));

    PointRows nan = square(6);
    nan[3][0] = std::nan("");
    CHECK(has_error(parse_config(points_config(nan)), "data.points[3][0]", "finite"));

    PointRows wide(5, std::vector<double>(66, 0.0));
    CHECK(has_error(parse_config(points_config(wide)), "data.points[0]", "at most 65 values"));

    ConfigResult gap = parse_config(points_config(square(10, 7.0)));
    CHECK(has_error(gap, "data.points[5][2]", "class 1 has no points"));
    CHECK(has_error(parse_config(points_config(square(10), "bogus")), "data.task", "bogus"));
}

TEST_CASE("points: keys are required with the dataset and refused without it")
{
    nlohmann::json j = {{"data", {{"dataset", "points"}}}};
    CHECK(has_error(parse_config(j), "data.points", "required"));
    nlohmann::json circle = {{"data", {{"dataset", "circle"}, {"points", square(6)}}}};
    CHECK(paths(parse_config(circle)) == std::vector<std::string>{"data.points"});
    nlohmann::json typo = {{"data", {{"dataset", "points"}, {"points", square(6)}, {"pts", 1}}}};
    CHECK(has_error(parse_config(typo), "data.pts", "takes dataset, samples"));
    nlohmann::json three = points_config({{1, 2, 3, 0}, {1, 2, 3, 1}, {0, 0, 0, 0}, {2, 2, 2, 1}});
    three["data"]["features"] = {"x1"};
    CHECK(has_error(parse_config(three), "data.features", "3 inputs"));
    nlohmann::json split = points_config(square(4));
    split["data"]["train_fraction"] = 0.1;
    CHECK(has_error(parse_config(split), "data.train_fraction", "of 4"));
}

TEST_CASE("points: split by train_fraction and data.seed, as generated sets are")
{
    DataConfig c;
    c.dataset = "points";
    c.points = square(20);
    c.train_fraction = 0.7;
    c.seed = 3;
    const Dataset d = make_dataset(c);
    CHECK(d.raw_dims == 2);
    CHECK(d.train_x.shape(0) == 14);
    CHECK(d.test_x.shape(0) == 6);
    // Every row lands once, exactly as typed (in float32).
    std::vector<int> seen(20, 0);
    for (const Tensor* x : {&d.train_x, &d.test_x})
        for (std::size_t r = 0; r < x->shape(0); ++r)
            for (int i = 0; i < 20; ++i)
                if ((*x)(r, 1) == static_cast<float>(c.points[std::size_t(i)][1]))
                    ++seen[std::size_t(i)];
    CHECK(seen == std::vector<int>(20, 1));
    c.seed = 4;
    CHECK_FALSE(make_dataset(c).train_x == d.train_x);
}

TEST_CASE("points: features apply at 2 inputs; other widths feed their inputs")
{
    nlohmann::json two = points_config(square(12));
    two["data"]["features"] = {"x1", "x2", "x1_x2"};
    ConfigResult r = parse_config(two);
    REQUIRE(r.ok());
    CHECK(Experiment(r.config).data().train_x.shape(1) == 3);

    PointRows wide;
    for (int i = 0; i < 12; ++i)
    {
        std::vector<double> row(65, 0.01 * i);
        row.back() = i % 3;
        wide.push_back(row);
    }
    ConfigResult w = parse_config(points_config(wide));
    REQUIRE(w.ok());
    Experiment e(w.config);
    CHECK(e.data().train_x.shape(1) == 64);
    CHECK(e.dataset().task == TaskKind::multiclass);
    CHECK(e.dataset().classes == 3);
}

TEST_CASE("points: JSON and URL round trips keep every value as typed")
{
    PointRows rows = square(9);
    rows[2][0] = 0.1;
    rows[3][1] = -1.2345678901234567;
    rows[4][0] = 1e-300;
    ConfigResult r = parse_config(points_config(rows, "binary"));
    REQUIRE(r.ok());
    ConfigResult back = parse_config(to_json(r.config));
    REQUIRE(back.ok());
    CHECK(back.config.data.points == rows);
    CHECK(back.config.data.task == "binary");
    const nlohmann::json minimal = to_minimal_json(r.config);
    CHECK(minimal["data"]["points"][0][2] == nlohmann::json(0));  // labels stay integers
    CHECK(minimal["data"]["points"][0][2].is_number_integer());
    const HashResult h = hash_to_json(json_to_hash(minimal));
    REQUIRE(h.errors.empty());
    ConfigResult url = parse_config(h.json);
    REQUIRE(url.ok());
    CHECK(url.config.data.points == rows);
    CHECK_FALSE(to_json(ConfigResult(parse_config(nlohmann::json::object())).config)["data"]
                    .contains("points"));
}
