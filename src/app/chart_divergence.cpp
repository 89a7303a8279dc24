// Divergence markers and the last steps before it (chart_divergence.hpp).
#include "app/chart_divergence.hpp"

#include <string>

#include "app/colors.hpp"

namespace lrlab
{

namespace
{

// The batch loss is at the weights after `step` steps (row `step`); the gradient norm belongs to
// the step it was taken in, which the rows report one step later (grad_norm of row k is the
// step from k-1 to k).
bool recent_loss(const void* data, int i, double& x, double& y)
{
    const StepSample& s = (*static_cast<const RecentSteps*>(data))[std::size_t(i)];
    x = double(s.step);
    y = s.batch_loss;
    return true;
}

bool recent_grad(const void* data, int i, double& x, double& y)
{
    const StepSample& s = (*static_cast<const RecentSteps*>(data))[std::size_t(i)];
    x = double(s.step + 1);
    y = s.grad_norm;
    return true;
}

}  // namespace

std::vector<ChartMarker> divergence_markers(const Experiment& e)
{
    std::vector<ChartMarker> out;
    for (std::size_t i = 0; i < e.size(); ++i)
    {
        const Run& run = e.run(i);
        if (!run.diverged())
            continue;
        out.push_back({double(run.diverged_at()), run_color(i),
                       e.config().runs[i].name + " diverged at step " +
                           std::to_string(run.diverged_at())});
    }
    return out;
}

std::vector<ChartSeries> divergence_series(const Experiment& e, bool grad_norm)
{
    std::vector<ChartSeries> out;
    for (std::size_t i = 0; i < e.size(); ++i)
    {
        const Run& run = e.run(i);
        if (!run.diverged() || run.recent_steps().size() == 0)
            continue;
        ChartSeries s;
        s.label = e.config().runs[i].name +
                  (grad_norm ? " gradient norm, last steps" : " batch loss, last steps");
        s.color = run_color(i);
        s.dots = true;
        s.sets_range = false;
        s.data = &run.recent_steps();
        s.count = int(run.recent_steps().size());
        s.get = grad_norm ? &recent_grad : &recent_loss;
        out.push_back(s);
    }
    return out;
}

}  // namespace lrlab
