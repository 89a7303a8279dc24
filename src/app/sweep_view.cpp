// The sweep's grid as the views draw it (sweep_view.hpp).
#include "app/sweep_view.hpp"

#include <cmath>
#include <limits>

namespace lrlab
{

SweepGrid sweep_grid(const SweepRequest& r)
{
    SweepGrid g;
    g.lrs = r.spec.lrs.empty() ? std::vector<double>{r.base_run.optimizer.lr} : r.spec.lrs;
    const std::int64_t groups = r.cells / std::int64_t(g.lrs.size());
    for (std::int64_t k = 0; k < groups; ++k)  // cells 0..groups-1: the first LR's column
    {
        const SweepCell c = sweep_cell(r.spec, r.base_run, k);
        const std::string params = sweep_params_text(r.spec, c);
        g.groups.push_back(c.optimizer + (params.empty() ? "" : " " + params));
        g.group_optimizer.push_back(c.optimizer);
    }
    return g;
}

double shown_loss(const SweepRow& row, bool best)
{
    const double v = best ? row.best_test_loss : row.final_test_loss;
    return std::isfinite(v) ? v : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace lrlab
