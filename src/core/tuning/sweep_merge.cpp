// Joining the shards of a sweep (tuning/sweep_merge.hpp).
#include "core/tuning/sweep_merge.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

#include "core/config/json.hpp"

namespace lrlab
{
namespace
{

struct Located
{
    SweepRow row;
    std::string line;   // as written: merge copies it, so the bytes are the shard's own
    std::string where;  // "FILE line N"
};

// The `params` column split at ';': "PATH=VALUE" items.
std::vector<std::string> param_items(const std::string& params)
{
    std::vector<std::string> items;
    std::size_t start = 0;
    while (!params.empty())
    {
        const std::size_t semi = params.find(';', start);
        items.push_back(params.substr(start, semi - start));
        if (semi == std::string::npos)
            break;
        start = semi + 1;
    }
    return items;
}

std::string item_path(const std::string& item) { return item.substr(0, item.rfind('=')); }

void read_shard(const ShardText& s, std::map<std::int64_t, Located>& cells,
                std::vector<std::string>& errors)
{
    std::size_t start = 0, number = 0;
    while (start < s.text.size())
    {
        std::size_t end = s.text.find('\n', start);
        end = end == std::string::npos ? s.text.size() : end;
        const std::string line = s.text.substr(start, end - start);
        const std::string where = s.name + " line " + std::to_string(++number);
        start = end + 1;
        if (number == 1)
        {
            if (line != sweep_csv_header())
                return errors.push_back(where + ": not a sweep CSV (the header must be " +
                                        sweep_csv_header() + ")");
            continue;
        }
        Located l{{}, line, where};
        std::string error;
        if (!parse_sweep_csv_line(line, l.row, error))
        {
            errors.push_back(where + ": " + error);
            continue;
        }
        const auto [it, fresh] = cells.emplace(l.row.cell, l);
        if (!fresh)
            errors.push_back("duplicate cell " + std::to_string(l.row.cell) + " (" +
                             it->second.where + " and " + where + ")");
    }
    if (number == 0)
        errors.push_back(s.name + ": empty, not a sweep CSV");
}

std::string missing_cells(const std::map<std::int64_t, Located>& cells, std::int64_t max)
{
    std::string list;
    int shown = 0;
    std::int64_t count = 0;
    for (std::int64_t c = 0; c <= max; ++c)
        if (cells.find(c) == cells.end() && ++count && shown < 20)
            list += (shown++ ? ", " : "") + std::to_string(c);
    if (count == 0)
        return "";
    return "missing cells " + list + (count > shown ? ", ..." : "") + " (" +
           std::to_string(count) + " of cells 0.." + std::to_string(max) +
           "; is a shard missing?)";
}

// One axis of the grid: its distinct values in the order the cells first reach them.
struct Axis
{
    std::vector<std::string> values;
    std::size_t index_of(const std::string& v)
    {
        const auto it = std::find(values.begin(), values.end(), v);
        if (it != values.end())
            return static_cast<std::size_t>(it - values.begin());
        values.push_back(v);
        return values.size() - 1;
    }
};

// A cell's coordinates as text: lr, optimizer, then each params item.
std::vector<std::string> coordinates(const Located& l)
{
    std::vector<std::string> c{format_double(l.row.lr), l.row.optimizer};
    for (const std::string& item : param_items(l.row.params))
        c.push_back(item);
    return c;
}

void check_grid(const std::map<std::int64_t, Located>& cells, std::vector<std::string>& errors)
{
    const Located& first = cells.begin()->second;
    const std::vector<std::string> first_coords = coordinates(first);
    std::vector<Axis> axes(first_coords.size());
    for (const auto& [cell, l] : cells)
    {
        const std::vector<std::string> c = coordinates(l);
        bool same_paths = c.size() == first_coords.size();
        for (std::size_t k = 2; same_paths && k < c.size(); ++k)
            same_paths = item_path(c[k]) == item_path(first_coords[k]);
        if (!same_paths)
            return errors.push_back("cell " + std::to_string(cell) + " (" + l.where +
                                    ") has params \"" + l.row.params + "\", cell " +
                                    std::to_string(first.row.cell) + " \"" + first.row.params +
                                    "\": the shards come from different sweeps");
        for (std::size_t k = 0; k < c.size(); ++k)
            axes[k].index_of(c[k]);
    }
    std::int64_t product = 1;
    for (const Axis& a : axes)
        product *= static_cast<std::int64_t>(a.values.size());
    const std::int64_t count = static_cast<std::int64_t>(cells.size());
    if (product != count)
        return errors.push_back(
            "the rows do not form one grid: " + std::to_string(axes[0].values.size()) +
            " LRs x " + std::to_string(axes[1].values.size()) + " optimizers" +
            (axes.size() > 2 ? " x the --param values" : "") + " make " +
            std::to_string(product) + " cells, but " + std::to_string(count) +
            " are present (cells missing at the end, or a shard of another sweep)");
    for (const auto& [cell, l] : cells)
    {
        std::int64_t rest = cell;
        const std::vector<std::string> c = coordinates(l);
        for (std::size_t k = axes.size(); k-- > 0;)
        {
            const std::int64_t n = static_cast<std::int64_t>(axes[k].values.size());
            if (axes[k].values[static_cast<std::size_t>(rest % n)] != c[k])
                return errors.push_back("cell " + std::to_string(cell) + " (" + l.where +
                                        ") does not hold the settings its index has in the "
                                        "grid of the other cells (a shard of another sweep?)");
            rest /= n;
        }
    }
}

}  // namespace

MergeResult merge_sweep_shards(const std::vector<ShardText>& shards)
{
    MergeResult result;
    std::map<std::int64_t, Located> cells;
    for (const ShardText& s : shards)
        read_shard(s, cells, result.errors);
    if (!result.ok())
        return result;
    if (cells.empty())
    {
        result.errors.push_back("no cells in the shards (every shard holds only the header)");
        return result;
    }
    const std::string missing = missing_cells(cells, cells.rbegin()->first);
    if (!missing.empty())
        result.errors.push_back(missing);
    else
        check_grid(cells, result.errors);
    if (!result.ok())
        return result;
    result.csv = sweep_csv_header() + "\n";
    for (const auto& [cell, l] : cells)
    {
        result.csv += l.line + "\n";
        result.rows.push_back(l.row);
    }
    return result;
}

}  // namespace lrlab
