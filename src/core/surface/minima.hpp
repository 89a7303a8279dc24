// The minima of a 2-D test function inside a window, for the landscape view's markers: the
// registry names one global minimum (functions.hpp); the local ones (six_hump_camel's six,
// styblinski_tang's four, rastrigin's grid) are found here, numerically.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace lrlab
{

struct SurfaceMinimum
{
    double x = 0.0, y = 0.0;
    double value = 0.0;   // f there (float32, as the engine evaluates it)
    bool global = false;  // within 1e-4 (relative to the window's range) of the global value
};

// Local minima strictly inside the window: grid points (res x res) lower than their eight
// neighbours, each refined by gradient descent and then damped Newton, kept only where Newton
// converges with a positive definite Hessian (a true local minimum, not a point of a valley
// floor such as Rosenbrock's), duplicates merged; the registry's global minimum is always included when it lies in the window. At most
// `max_count`, lowest first.
std::vector<SurfaceMinimum> surface_minima(const std::string& function,
                                           const std::array<double, 2>& view_x,
                                           const std::array<double, 2>& view_y, int res = 96,
                                           std::size_t max_count = 128);

}  // namespace lrlab
