#include "core/surface/run.hpp"

#include <cmath>

#include "core/surface/functions.hpp"

namespace lrlab
{
namespace
{
ParamSet start_point(const SurfaceConfig& c)
{
    ParamSet params;
    add_tensor(params, "xy", TensorKind::point, 1, 2);
    params.data()[0] = static_cast<float>(c.start[0]);
    params.data()[1] = static_cast<float>(c.start[1]);
    return params;
}
}  // namespace

SurfaceRunner::SurfaceRunner(const SurfaceConfig& c, std::size_t run)
    : function_(c.function),
      params_(start_point(c)),
      grads_(zeros_like(params_)),
      opt_(make_optimizer(c.runs[run].optimizer, c.runs[run].clip)),
      state_(init(opt_, params_)),
      schedule_(make_schedule(c.runs[run].schedule, c.runs[run].optimizer, c.steps + 1))
{
}

void SurfaceRunner::step()
{
    if (!frozen_)
    {
        float gx = 0.0f, gy = 0.0f;
        surface_grad(function_, params_.data()[0], params_.data()[1], gx, gy);
        grads_.data()[0] = gx;
        grads_.data()[1] = gy;
        StepContext ctx;
        ctx.step = step_;
        ctx.lr = schedule_.lr(step_);
        ctx.has_momentum = schedule_.has_momentum();
        ctx.momentum = ctx.has_momentum ? schedule_.momentum(step_) : 0.0;
        update(opt_, grads_, state_, params_, ctx);
        frozen_ = !all_finite(params_);
    }
    ++step_;
}

SurfaceRow SurfaceRunner::row() const
{
    const float x = params_.data()[0], y = params_.data()[1];
    float gx = 0.0f, gy = 0.0f;
    surface_grad(function_, x, y, gx, gy);
    SurfaceRow row;
    row.step = step_;
    row.x = x;
    row.y = y;
    row.loss = surface_value(function_, x, y);
    row.lr = schedule_.lr(step_);
    row.grad_norm = std::sqrt(double(gx) * gx + double(gy) * gy);
    return row;
}

std::vector<SurfaceRow> surface_trajectory(const SurfaceConfig& c, std::size_t run)
{
    SurfaceRunner runner(c, run);
    std::vector<SurfaceRow> rows;
    rows.reserve(static_cast<std::size_t>(c.steps) + 1);
    rows.push_back(runner.row());
    for (std::int64_t k = 0; k < c.steps; ++k)
    {
        runner.step();
        rows.push_back(runner.row());
    }
    return rows;
}

}  // namespace lrlab
