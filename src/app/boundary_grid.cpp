// Decision-boundary grids (boundary_grid.hpp).
#include "app/boundary_grid.hpp"

#include <algorithm>
#include <cmath>

#include "core/data/features.hpp"
#include "core/model/losses.hpp"

namespace lrlab
{

namespace
{

// The plane shown: a whole number just covering every point (the 2-D sets live on [-6, 6]^2).
double extent_of(const Dataset& d)
{
    double m = 1.0;
    for (const Tensor* t : {&d.train_x, &d.test_x})
        for (float v : *t)
            if (std::isfinite(v))
                m = std::max(m, double(std::fabs(v)));
    return std::ceil(m * 1.05);
}

// A range just covering the values (a little wider, never empty): the fit tiles' axes.
void value_range(const Vector& a, const Vector& b, double& lo, double& hi)
{
    lo = INFINITY;
    hi = -INFINITY;
    for (const Vector* v : {&a, &b})
        for (float x : *v)
            if (std::isfinite(x))
            {
                lo = std::min(lo, double(x));
                hi = std::max(hi, double(x));
            }
    if (!(lo <= hi))
        lo = hi = 0.0;
    const double pad = std::max(1e-6, (hi - lo) * 0.05);
    lo -= pad;
    hi += pad;
}

void build_inputs(BoundaryGrids& g, const Experiment& e)
{
    const Dataset& d = e.dataset();
    g.planar = d.raw_dims == 2;
    g.raw_inputs = d.raw_dims;
    g.view = g.planar ? GridView::plane
             : d.task == TaskKind::regression ? GridView::fit : GridView::confusion;
    g.extent = !g.planar ? 1.0 : g.fixed_extent > 0 ? g.fixed_extent : extent_of(d);
    g.value_scale = 1.0;
    if (d.task == TaskKind::regression)
    {
        double m = 1e-6;
        for (float v : d.train_y)
            m = std::max(m, double(std::fabs(v)));
        g.value_scale = m;
        value_range(d.train_y, d.test_y, g.fit_lo, g.fit_hi);
    }
    const std::size_t n = std::size_t(g.res) * std::size_t(g.res);
    std::size_t capacity = n;
    if (g.planar)
    {
        Tensor raw = Tensor::from_shape({n, 2});
        for (int r = 0; r < g.res; ++r)
            for (int c = 0; c < g.res; ++c)
            {
                // Cell centres, row 0 at the bottom.
                raw(std::size_t(r * g.res + c), 0) = float(g.extent * ((c + 0.5) / g.res * 2 - 1));
                raw(std::size_t(r * g.res + c), 1) = float(g.extent * ((r + 0.5) / g.res * 2 - 1));
            }
        g.inputs = Tensor::from_shape({n, e.config().data.features.size()});
        apply_features_into(raw, e.config().data.features, g.inputs);
    }
    else
        capacity = std::max<std::size_t>(1, e.data().test_x.shape(0));
    g.ws = e.model().make_workspace(capacity);
    g.scratch.assign(capacity * std::size_t(e.model().outputs()), 0.0f);
}

void plane_values(BoundaryGrids& g, const Experiment& e, const Run& run, RunGrid& out)
{
    const std::size_t n = g.inputs.shape(0);
    const std::size_t k = std::size_t(e.model().outputs());
    const float* y = e.model().forward(run.params(), g.inputs.data(), n, g.ws);
    std::copy(y, y + n * k, g.scratch.begin());
    outputs_to_predictions(e.model().task(), g.scratch.data(), n, k);
    out.values.assign(n * 2, 0.0f);
    out.finite = true;
    for (std::size_t i = 0; i < n; ++i)
    {
        const float* p = g.scratch.data() + i * k;
        std::size_t best = 0;
        for (std::size_t j = 1; j < k; ++j)
            best = p[j] > p[best] ? j : best;
        out.finite = out.finite && std::isfinite(p[best]);
        out.values[2 * i] = k == 1 ? p[0] : float(best);
        out.values[2 * i + 1] = k == 1 ? 0.0f : p[best];
    }
}

// Binary models have one logit (class 1 when it is > 0, as count_correct says), multiclass
// one output per class (the largest wins).
void confusion_counts(BoundaryGrids& g, const Experiment& e, const Run& run, RunGrid& out)
{
    const TrainingData& d = e.data();
    const std::size_t n = d.test_x.shape(0);
    const std::size_t outs = std::size_t(e.model().outputs());
    const std::size_t k = outs == 1 ? 2 : outs;
    const float* y = e.model().forward(run.params(), d.test_x.data(), n, g.ws);
    out.confusion.assign(k * k, 0);
    out.finite = true;
    for (std::size_t i = 0; i < n; ++i)
    {
        const float* row = y + i * outs;
        std::size_t best = 0;
        if (outs == 1)
            best = row[0] > 0.0f ? 1 : 0;
        else
            for (std::size_t j = 1; j < outs; ++j)
                best = row[j] > row[best] ? j : best;
        out.finite = out.finite && std::isfinite(outs == 1 ? row[0] : row[best]);
        const std::size_t truth = std::min(k - 1, std::size_t(d.test_y(i)));
        ++out.confusion[truth * k + best];
    }
}

// At most this many test points per fit tile: a tile is small, and drawing 10,000 points per
// tile every frame would cost more than the training.
constexpr std::size_t max_fit_points = 1500;

void fit_pairs(BoundaryGrids& g, const Experiment& e, const Run& run, RunGrid& out)
{
    const TrainingData& d = e.data();
    const std::size_t n = d.test_x.shape(0);
    const float* y = e.model().forward(run.params(), d.test_x.data(), n, g.ws);
    const std::size_t stride = (n + max_fit_points - 1) / max_fit_points;
    out.fit.clear();
    out.finite = true;
    for (std::size_t i = 0; i < n; ++i)
    {
        out.finite = out.finite && std::isfinite(y[i]);
        if (i % std::max<std::size_t>(1, stride) != 0)
            continue;
        out.fit.push_back(d.test_y(i));
        out.fit.push_back(y[i]);
    }
}

}  // namespace

void update_grids(BoundaryGrids& g, const Experiment& e, std::uint64_t version,
                  std::size_t max_runs)
{
    if (g.version != version)
    {
        build_inputs(g, e);
        g.version = version;
    }
    g.runs.resize(e.size());
    std::size_t done = 0;
    for (std::size_t k = 0; k < e.size() && done < max_runs; ++k)
    {
        const std::size_t i = (g.cursor + k) % e.size();
        const Run& run = e.run(i);
        RunGrid& out = g.runs[i];
        if (out.version == version && out.step == run.steps_done())
            continue;
        out.version = version;
        out.step = run.steps_done();
        ++g.updates;
        ++done;
        g.cursor = i + 1;
        if (run.diverged() || (g.on_gpu && g.planar))
            continue;  // the panel says so instead of drawing, or the GPU computes it
        if (g.view == GridView::plane)
            plane_values(g, e, run, out);
        else if (g.view == GridView::fit)
            fit_pairs(g, e, run, out);
        else
            confusion_counts(g, e, run, out);
    }
}

}  // namespace lrlab
