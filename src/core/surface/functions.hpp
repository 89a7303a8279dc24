// 2-D test functions for the loss-landscape view, with analytic gradients, evaluated in
// float32 like training.
#pragma once

#include <string>
#include <vector>

namespace lrlab
{

struct SurfaceInfo
{
    const char* name;
    const char* formula;                 // for the UI and docs
    double xmin, xmax, ymin, ymax;       // a good viewing window
    double min_x, min_y;                 // a global minimum
    double min_value = 0.0;              // f there (what log-scaled contours subtract)
};

const std::vector<SurfaceInfo>& surface_registry();
const SurfaceInfo* find_surface(const std::string& name);

// f(x, y) and its gradient. name must be in the registry.
float surface_value(const std::string& name, float x, float y);
void surface_grad(const std::string& name, float x, float y, float& gx, float& gy);

}  // namespace lrlab
