#include "core/surface/momentum_map.hpp"

#include <cmath>

#include "core/config/json.hpp"
#include "core/surface/run.hpp"
#include "core/tuning/value_list.hpp"

namespace lrlab
{

std::vector<double> momentum_map_lrs(const MomentumMapSpec& spec)
{
    return log_spaced(spec.lr_min, spec.lr_max, spec.lr_count);
}

std::vector<double> momentum_map_momenta(const MomentumMapSpec& spec)
{
    return lin_spaced(0.0, spec.momentum_max, spec.momentum_count);
}

namespace
{

// One cell: a surface run of plain SGD with momentum (no schedule, no clip) on the quadratic.
MomentumMapCell run_cell(const MomentumMapSpec& spec, double lr, double momentum)
{
    // Read like any surface config, so every default is the one the `surface` verb applies.
    const nlohmann::json j = {
        {"function", "quadratic"},
        {"start", {spec.start[0], spec.start[1]}},
        {"steps", spec.max_steps},
        {"runs", {{{"name", "cell"}, {"optimizer", {{"type", "sgd"}, {"lr", lr},
                                                    {"momentum", momentum}}}}}}};
    const SurfaceConfig c = parse_surface_config(j).config;
    const std::vector<SurfaceRow> rows = surface_trajectory(c, 0);

    MomentumMapCell cell;
    cell.lr = lr;
    cell.momentum = momentum;
    const double start = rows.front().loss;
    for (const SurfaceRow& r : rows)
        if (r.loss <= spec.tolerance * start)
        {
            cell.steps = r.step;
            break;
        }
    const double last = rows.back().loss;
    cell.diverged = !std::isfinite(last) || last > start;
    return cell;
}

}  // namespace

std::vector<MomentumMapCell> momentum_map_row(const MomentumMapSpec& spec, int row)
{
    const double momentum = momentum_map_momenta(spec)[static_cast<std::size_t>(row)];
    std::vector<MomentumMapCell> cells;
    for (double lr : momentum_map_lrs(spec))
        cells.push_back(run_cell(spec, lr, momentum));
    return cells;
}

double heavy_ball_lr_limit(double momentum, double curvature)
{
    return 2.0 * (1.0 + momentum) / curvature;
}

}  // namespace lrlab
