// `lrlab merge SHARD.csv...`: shards of one sweep joined into exactly the bytes the unsharded
// sweep prints (DESIGN.md, "Choosing the LR"), or refused, naming what is wrong.
//
// A shard is a sweep CSV like any other (the contract allows no extra columns or comments), so
// merge judges the rows themselves:
//   - every file starts with the sweep header; every row reads back as a sweep row;
//   - no cell index appears twice (a shard given twice, or overlapping shards);
//   - cells 0..max are all present (a missing shard leaves a gap);
//   - the rows form one grid in the sweep's nesting order: with the LRs, optimizers and --param
//     values taken in the order the cells first reach them, their product is the number of
//     cells and every cell holds the settings its index decodes to (a shard of a sweep with
//     another --lr-range, --optimizers or --values does not fit).
// What it cannot see: a shard of the same grid over another CONFIG or --target-loss (same
// settings per cell, other numbers), and missing cells at the very end when a whole value of
// the outermost axis is absent (for example the last LR when every shard that held it is
// missing). Give merge all N shards of one sweep command.
#pragma once

#include <string>
#include <vector>

#include "core/tuning/sweep_row.hpp"

namespace lrlab
{

struct ShardText
{
    std::string name;  // for messages (the file name)
    std::string text;
};

struct MergeResult
{
    std::string csv;                // the merged CSV (valid when ok())
    std::vector<SweepRow> rows;     // in cell order
    std::vector<std::string> errors;
    bool ok() const { return errors.empty(); }
};

MergeResult merge_sweep_shards(const std::vector<ShardText>& shards);

}  // namespace lrlab
