#include "core/surface/run.hpp"

#include <cmath>

#include "core/optim/optimizers.hpp"
#include "core/schedules/schedule.hpp"
#include "core/surface/functions.hpp"

namespace lrlab
{
namespace
{
SurfaceRow row_at(const std::string& f, std::int64_t step, const ParamSet& p,
                  const Schedule& schedule)
{
    const float x = p.data()[0], y = p.data()[1];
    float gx = 0.0f, gy = 0.0f;
    surface_grad(f, x, y, gx, gy);
    SurfaceRow row;
    row.step = step;
    row.x = x;
    row.y = y;
    row.loss = surface_value(f, x, y);
    row.lr = schedule.lr(step);
    row.grad_norm = std::sqrt(double(gx) * gx + double(gy) * gy);
    return row;
}
}  // namespace

std::vector<SurfaceRow> surface_trajectory(const SurfaceConfig& c, std::size_t run)
{
    const SurfaceRunConfig& r = c.runs[run];
    ParamSet params;
    add_tensor(params, "xy", TensorKind::point, 1, 2);
    params.data()[0] = static_cast<float>(c.start[0]);
    params.data()[1] = static_cast<float>(c.start[1]);
    ParamSet grads = zeros_like(params);
    const Optimizer opt = make_optimizer(r.optimizer, r.clip);
    OptimizerState state = init(opt, params);
    const Schedule schedule = make_schedule(r.schedule, r.optimizer, c.steps + 1);

    std::vector<SurfaceRow> rows;
    rows.reserve(static_cast<std::size_t>(c.steps) + 1);
    rows.push_back(row_at(c.function, 0, params, schedule));
    bool frozen = false;
    for (std::int64_t k = 0; k < c.steps; ++k)
    {
        if (!frozen)
        {
            float gx = 0.0f, gy = 0.0f;
            surface_grad(c.function, params.data()[0], params.data()[1], gx, gy);
            grads.data()[0] = gx;
            grads.data()[1] = gy;
            StepContext ctx;
            ctx.step = k;
            ctx.lr = schedule.lr(k);
            ctx.has_momentum = schedule.has_momentum();
            ctx.momentum = ctx.has_momentum ? schedule.momentum(k) : 0.0;
            update(opt, grads, state, params, ctx);
            frozen = !all_finite(params);
        }
        rows.push_back(row_at(c.function, k + 1, params, schedule));
    }
    return rows;
}

}  // namespace lrlab
