// The step-size x momentum map of the landscape view: for a grid of (lr, momentum), how fast
// SGD with momentum (PyTorch's heavy ball, v = momentum * v + g, p -= lr * v) converges on the
// ill-conditioned quadratic 0.5 (x^2 + 10 y^2). Distill's "Why Momentum Really Works" (Goh 2017)
// draws this from a formula; here every cell is a real run of the engine's optimizer (the same
// surface_trajectory as the `surface` verb), and the formula is drawn on top to compare.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace lrlab
{

struct MomentumMapSpec
{
    std::array<double, 2> start{-2.0, 1.5};  // the quadratic's parity start point
    double lr_min = 1e-3, lr_max = 1.0;      // log-spaced, both ends included
    int lr_count = 41;
    double momentum_max = 0.99;              // linear from 0, both ends included
    int momentum_count = 34;
    std::int64_t max_steps = 1000;
    double tolerance = 1e-6;                 // converged: loss <= tolerance * start loss
};

struct MomentumMapCell
{
    double lr = 0.0;
    double momentum = 0.0;
    std::int64_t steps = -1;  // first step with loss <= tolerance * start loss; -1 if none
    bool diverged = false;    // non-finite, or a last loss above the start loss
};

// The LR and momentum values of the grid's columns and rows.
std::vector<double> momentum_map_lrs(const MomentumMapSpec& spec);
std::vector<double> momentum_map_momenta(const MomentumMapSpec& spec);

// One row of the map (momentum_map_momenta(spec)[row], every LR), so that the page can compute
// it a row per frame.
std::vector<MomentumMapCell> momentum_map_row(const MomentumMapSpec& spec, int row);

// Heavy ball on a quadratic with largest curvature L converges iff 0 <= momentum < 1 and
// 0 < lr < 2 (1 + momentum) / L (Polyak 1964; the roots of r^2 - (1 + m - lr L) r + m).
double heavy_ball_lr_limit(double momentum, double curvature);

// The quadratic's largest curvature (its Hessian is diag(1, 10)).
constexpr double momentum_map_curvature = 10.0;

}  // namespace lrlab
