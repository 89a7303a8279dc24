// The grid of a sweep (tuning/sweep_grid.hpp): cell indices, their settings and their configs.
#include "core/tuning/sweep_grid.hpp"

#include <algorithm>

#include "core/config/json.hpp"

namespace lrlab
{
namespace
{

std::int64_t axis_length(std::size_t n) { return n == 0 ? 1 : static_cast<std::int64_t>(n); }

// The axis lengths, outermost first: LR, optimizer, then each --param axis.
std::vector<std::int64_t> radices(const SweepSpec& spec)
{
    std::vector<std::int64_t> r{axis_length(spec.lrs.size()), axis_length(spec.optimizers.size())};
    for (const SweepAxis& a : spec.axes)
        r.push_back(axis_length(a.values.size()));
    return r;
}

// Does the path go through runs[i]? Then i, else -1.
long run_index_of(const ParamPath& p)
{
    return p.parts.size() >= 2 && p.parts[0].key == "runs" && p.parts[1].key.empty()
               ? p.parts[1].index
               : -1;
}

template <typename T>
bool has_repeat(std::vector<T> v)
{
    std::sort(v.begin(), v.end());
    return std::adjacent_find(v.begin(), v.end()) != v.end();
}

std::string cell_label(const SweepSpec& spec, const SweepCell& cell)
{
    std::string s = "cell " + std::to_string(cell.index) + " (" + cell.optimizer + ", lr=" +
                    format_double(cell.lr);
    const std::string params = sweep_params_text(spec, cell);
    return s + (params.empty() ? "" : ", " + params) + ")";
}

}  // namespace

std::int64_t sweep_cell_count(const SweepSpec& spec)
{
    std::int64_t n = 1;
    for (std::int64_t r : radices(spec))
    {
        if (n > max_sweep_cells)
            break;  // already too large: stop before the product could overflow
        n *= r;
    }
    return n;
}

SweepCell sweep_cell(const SweepSpec& spec, const RunConfig& base, std::int64_t index)
{
    // Mixed radix, the last axis the fastest: cell i is the i-th combination in nesting order.
    const std::vector<std::int64_t> r = radices(spec);
    std::vector<std::int64_t> digit(r.size());
    std::int64_t rest = index;
    for (std::size_t k = r.size(); k-- > 0;)
    {
        digit[k] = rest % r[k];
        rest /= r[k];
    }
    SweepCell cell;
    cell.index = index;
    cell.lr = spec.lrs.empty() ? base.optimizer.lr : spec.lrs[digit[0]];
    cell.optimizer = spec.optimizers.empty() ? base.optimizer.type : spec.optimizers[digit[1]];
    for (std::size_t a = 0; a < spec.axes.size(); ++a)
        cell.values.push_back(spec.axes[a].values[digit[a + 2]]);
    return cell;
}

std::string sweep_params_text(const SweepSpec& spec, const SweepCell& cell)
{
    std::string s;
    for (std::size_t a = 0; a < spec.axes.size(); ++a)
        s += (a ? ";" : "") + spec.axes[a].path.text + "=" + format_double(cell.values[a]);
    return s;
}

ConfigResult sweep_cell_config(const nlohmann::json& user, std::size_t base_run,
                               const SweepSpec& spec, const SweepCell& cell)
{
    nlohmann::json j = user;
    nlohmann::json run = j["runs"][base_run];
    if (!spec.optimizers.empty())
        run["optimizer"] = {{"type", cell.optimizer}, {"lr", cell.lr}};
    else if (!spec.lrs.empty())
        run["optimizer"]["lr"] = cell.lr;
    j["runs"] = nlohmann::json::array({run});
    for (std::size_t a = 0; a < spec.axes.size(); ++a)
    {
        ParamPath p = spec.axes[a].path;
        if (run_index_of(p) >= 0)
            p.parts[1].index = 0;  // the base run is the cell's only run
        set_param(j, p, cell.values[a]);
    }
    ConfigResult parsed = parse_config(j);
    for (ConfigError& e : parsed.errors)
        e.message = cell_label(spec, cell) + ": " + e.message;
    return parsed;
}

std::vector<ConfigError> check_sweep_spec(const SweepSpec& spec, std::size_t base_run)
{
    std::vector<ConfigError> errors;
    if (has_repeat(spec.lrs))
        errors.push_back({"--lr-range", "gives the same LR twice (MIN < MAX when N > 1)"});
    if (has_repeat(spec.optimizers))
        errors.push_back({"--optimizers", "names an optimizer twice"});
    for (std::size_t a = 0; a < spec.axes.size(); ++a)
    {
        const SweepAxis& axis = spec.axes[a];
        const std::string flag = "--values (for --param " + axis.path.text + ")";
        if (has_repeat(axis.values))
            errors.push_back({flag, "gives the same value twice"});
        const long run = run_index_of(axis.path);
        if (run >= 0 && run != static_cast<long>(base_run))
            errors.push_back({"--param " + axis.path.text,
                              "names runs[" + std::to_string(run) + "], but the base run is runs[" +
                                  std::to_string(base_run) + "] (--run picks it)"});
        const std::vector<PathPart>& parts = axis.path.parts;
        if (run >= 0 && parts.size() == 4 && parts[2].key == "optimizer" && parts[3].key == "lr")
            errors.push_back({"--param " + axis.path.text,
                              "the LR is the grid's own axis: give it with --lr-range"});
        for (std::size_t b = 0; b < a; ++b)
            if (spec.axes[b].path.text == axis.path.text)
                errors.push_back({"--param " + axis.path.text, "is given twice"});
    }
    const std::int64_t n = sweep_cell_count(spec);
    if (n > max_sweep_cells)
        errors.push_back({"", "the grid has more than " + std::to_string(max_sweep_cells) +
                                  " cells; narrow --lr-range, --optimizers or --values"});
    return errors;
}

}  // namespace lrlab
