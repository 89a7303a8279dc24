// merge: shards of one sweep give back the unsharded bytes for any shard count (more shards than
// cells included); missing, duplicate, foreign and malformed shards are refused, naming them.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/tuning/sweep_merge.hpp"

using namespace lrlab;

namespace
{
// A synthetic sweep: `lrs` x {sgd, adam} x train.l2 in {0, 0.5}; the numbers depend on the cell.
std::vector<SweepRow> grid(std::vector<double> lrs = {0.001, 0.01, 0.1})
{
    std::vector<SweepRow> rows;
    for (double lr : lrs)
        for (const char* opt : {"sgd", "adam"})
            for (const char* l2 : {"train.l2=0", "train.l2=0.5"})
            {
                SweepRow r;
                r.cell = static_cast<std::int64_t>(rows.size());
                r.optimizer = opt;
                r.lr = lr;
                r.params = l2;
                r.final_train_loss = r.final_test_loss = r.best_test_loss = 0.1 * double(r.cell);
                r.best_step = 10 * r.cell;
                r.diverged = r.cell % 5 == 4;
                rows.push_back(r);
            }
    return rows;
}

std::string csv(const std::vector<SweepRow>& rows, std::int64_t shard = 0, std::int64_t n = 1)
{
    std::string s = sweep_csv_header() + "\n";
    for (const SweepRow& r : rows)
        if (r.cell % n == shard)
            s += sweep_csv_line(r) + "\n";
    return s;
}

std::vector<ShardText> shards(const std::vector<SweepRow>& rows, std::int64_t n)
{
    std::vector<ShardText> out;
    for (std::int64_t i = 0; i < n; ++i)
        out.push_back({"s" + std::to_string(i) + ".csv", csv(rows, i, n)});
    return out;
}

std::string first_error(const std::vector<ShardText>& s)
{
    const MergeResult m = merge_sweep_shards(s);
    REQUIRE_FALSE(m.ok());
    return m.errors[0];
}
}  // namespace

TEST_CASE("shards merge into the unsharded bytes, in any order, with more shards than cells")
{
    const std::vector<SweepRow> rows = grid();
    for (std::int64_t n : {1, 2, 3, 5, 12, 13, 40})
    {
        CAPTURE(n);
        std::vector<ShardText> s = shards(rows, n);
        std::reverse(s.begin(), s.end());
        const MergeResult m = merge_sweep_shards(s);
        REQUIRE(m.ok());
        CHECK(m.csv == csv(rows));
        CHECK(m.rows.size() == rows.size());
    }
}

TEST_CASE("a missing shard is named by its cells")
{
    std::vector<ShardText> s = shards(grid(), 4);
    s.erase(s.begin() + 1);
    CHECK(first_error(s) == "missing cells 1, 5, 9 (3 of cells 0..11; is a shard missing?)");
    // The shard with the last cell only: no gap, but the grid is one cell short.
    s = shards(grid(), 12);
    s.pop_back();
    CHECK(first_error(s).find("the rows do not form one grid: 3 LRs x 2 optimizers x the --param "
                              "values make 12 cells, but 11 are present") == 0);
}

TEST_CASE("a shard given twice is refused, naming the cells and files")
{
    std::vector<ShardText> s = shards(grid(), 3);
    s.push_back(s[1]);
    CHECK(first_error(s) == "duplicate cell 1 (s1.csv line 2 and s1.csv line 2)");
}

TEST_CASE("a shard of another sweep does not fit the grid")
{
    // Same shard count, another LR range: cells 1, 4, 7, 10 hold settings of another grid.
    std::vector<ShardText> s = shards(grid(), 3);
    s[1] = shards(grid({0.002, 0.02, 0.2}), 3)[1];
    CHECK(first_error(s).find("the rows do not form one grid") == 0);
    // Same values, another order of the optimizers: each cell's settings are checked.
    std::vector<SweepRow> swapped = grid();
    for (SweepRow& r : swapped)
        r.optimizer = r.optimizer == "sgd" ? "adam" : "sgd";
    s = shards(grid(), 2);
    s[1] = shards(swapped, 2)[1];
    CHECK(first_error(s).find("does not hold the settings its index has") != std::string::npos);
    // Another --param.
    std::vector<SweepRow> other = grid();
    for (SweepRow& r : other)
        r.params = "train.l1" + r.params.substr(8);
    s = shards(grid(), 2);
    s[0] = shards(other, 2)[0];
    CHECK(first_error(s).find("the shards come from different sweeps") != std::string::npos);
}

TEST_CASE("files that are not sweep CSVs, and shards without any cell, are refused")
{
    CHECK(first_error({{"a.csv", ""}}) == "a.csv: empty, not a sweep CSV");
    CHECK(first_error({{"run.csv", "run,step\n"}}).find("run.csv line 1: not a sweep CSV") == 0);
    CHECK(first_error({{"a.csv", sweep_csv_header() + "\n0,sgd,zero,,1,1,1,0,,,0\n"}}) ==
          "a.csv line 2: column lr: not a valid value");
    const std::vector<ShardText> all = shards(grid(), 40);
    CHECK(first_error({all.begin() + 20, all.end()}).find("no cells in the shards") == 0);
}
