// Overlays that explain the next update at each run's current point (landscape_view.hpp), read
// from the optimizer's state (core/surface/run.hpp, SurfaceRunner::state, read-only):
// - the negative gradient, -g (where plain gradient descent goes);
// - the momentum / first moment: SGD's momentum_buffer, RMSprop's momentum_buffer, the Adam
//   family's and Lion's exp_avg m, drawn as -m (the direction the update takes from it);
// - for adaptive optimizers the effective per-coordinate step lr / (sqrt(v) + eps), with v the
//   second moment (Adam family: exp_avg_sq, bias-corrected by 1 - beta2^t as torch does;
//   RMSprop: square_avg; Adagrad: state_sum; Adadelta's step has its own scale and is left
//   out), drawn as an ellipse whose half-axes are that LR times |g| along each coordinate: the
//   step this gradient would get on each axis.
// Arrow lengths are in pixels, a fraction of the map (directions matter; sizes vary by
// orders of magnitude): the gradient's is fixed, the momentum's scales by |m| / |g|.
#include <algorithm>
#include <cmath>
#include <cstring>

#include <imgui.h>

#include "app/colors.hpp"
#include "app/landscape_state.hpp"
#include "app/landscape_view.hpp"
#include "app/tuning_controls.hpp"
#include "app/widgets.hpp"
#include "core/surface/functions.hpp"

namespace lrlab
{

namespace
{

const TransformState* rule_state(const SurfaceRunner& r, const std::string& type)
{
    const Optimizer& opt = r.optimizer();
    for (std::size_t i = 0; i < opt.chain.size() && i < r.state().links.size(); ++i)
        if (opt.chain[i].name == type)
            return &r.state().links[i];
    return nullptr;
}

bool is_adam_family(const std::string& t)
{
    return t == "adam" || t == "adamw" || t == "nadam" || t == "radam" || t == "adamax";
}

// The first moment / momentum slot of the update rule, or -1.
int momentum_slot(const std::string& t)
{
    if (t == "sgd" || t == "lion" || is_adam_family(t))
        return 0;
    if (t == "rmsprop")
        return 2;
    return -1;
}

// v per coordinate, or false when the optimizer has no second moment to show.
bool second_moment(const SurfaceRunner& r, const OptimizerConfig& o, double v[2])
{
    const TransformState* s = rule_state(r, o.type);
    if (!s || s->count == 0)
        return false;
    int slot = -1;
    double correction = 1.0;
    if (o.type == "adam" || o.type == "adamw" || o.type == "nadam" || o.type == "radam")
    {
        slot = 1;
        correction = 1.0 - std::pow(o.betas[1], double(s->count));
    }
    else if (o.type == "rmsprop" || o.type == "adagrad")
        slot = 0;
    if (slot < 0 || std::size_t(slot) >= s->slots.size())
        return false;
    for (int k = 0; k < 2; ++k)
        v[k] = double(s->slots[std::size_t(slot)].data()[k]) / correction;
    return true;
}

void arrow(ImVec2 from, ImVec2 dir, float length, ImU32 color, float thickness)
{
    const float n = std::hypot(dir.x, dir.y);
    if (!(n > 0.0f) || !std::isfinite(n) || !(length > 1.0f))
        return;
    const ImVec2 u{dir.x / n, dir.y / n};
    const ImVec2 to{from.x + u.x * length, from.y + u.y * length};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine(from, to, IM_COL32(0, 0, 0, 200), thickness + 2);
    dl->AddLine(from, to, color, thickness);
    const float head = std::min(length * 0.4f, 9.0f);
    const ImVec2 l{to.x - u.x * head - u.y * head * 0.6f, to.y - u.y * head + u.x * head * 0.6f};
    const ImVec2 r{to.x - u.x * head + u.y * head * 0.6f, to.y - u.y * head - u.x * head * 0.6f};
    dl->AddTriangleFilled(to, l, r, color);
}

// World direction (dx, dy) -> screen direction (y grows downwards on screen).
ImVec2 screen_dir(const MapFrame& f, double dx, double dy)
{
    return {float(dx / (f.x1 - f.x0) * (f.p1.x - f.p0.x)),
            float(-dy / (f.y1 - f.y0) * (f.p1.y - f.p0.y))};
}

void overlay_run(AppState& app, const MapFrame& f, std::size_t i)
{
    const LandscapeState& s = app.landscape;
    const SurfaceRunner& r = s.runners[i];
    if (r.frozen())
        return;
    const OptimizerConfig& o = s.config.runs[i].optimizer;
    float gx = 0, gy = 0;
    surface_grad(s.config.function, r.x(), r.y(), gx, gy);
    const ImVec2 at = f.to_screen(r.x(), r.y());
    const float base = std::min(f.p1.x - f.p0.x, f.p1.y - f.p0.y) * 0.12f;
    const double g = std::hypot(double(gx), double(gy));
    if (s.show_gradient)
        arrow(at, screen_dir(f, -gx, -gy), base, IM_COL32(255, 255, 255, 255), 2.0f);
    const int slot = momentum_slot(o.type);
    const TransformState* st = rule_state(r, o.type);
    if (s.show_momentum && slot >= 0 && st && std::size_t(slot) < st->slots.size())
    {
        const float* m = st->slots[std::size_t(slot)].data();
        const double mn = std::hypot(double(m[0]), double(m[1]));
        const float len = g > 0 ? float(std::clamp(mn / g, 0.25, 2.5)) * base : base;
        if (mn > 0)
            arrow(at, screen_dir(f, -m[0], -m[1]), len, run_color(i), 3.0f);
    }
    double v[2];
    if (s.show_step && second_moment(r, o, v))
    {
        const double lr = r.schedule().lr(r.steps_done());
        const double ex = lr / (std::sqrt(v[0]) + o.eps), ey = lr / (std::sqrt(v[1]) + o.eps);
        const ImVec2 axes = screen_dir(f, ex * std::abs(gx), ey * std::abs(gy));
        const float ax = std::clamp(std::abs(axes.x), 1.0f, base * 3), ay =
                         std::clamp(std::abs(axes.y), 1.0f, base * 3);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const int n = 40;
        ImVec2 pts[n];
        for (int k = 0; k < n; ++k)
        {
            const float t = 6.2831853f * float(k) / n;
            pts[k] = {at.x + ax * std::cos(t), at.y + ay * std::sin(t)};
        }
        dl->AddPolyline(pts, n, IM_COL32(0, 0, 0, 200), ImDrawFlags_Closed, 3.5f);
        dl->AddPolyline(pts, n, run_color(i), ImDrawFlags_Closed, 1.5f);
    }
}

}  // namespace

void landscape_overlays(AppState& app, const MapFrame& f)
{
    for (std::size_t i = 0; i < app.landscape.runners.size(); ++i)
        overlay_run(app, f, i);
}

void landscape_overlay_toggles(AppState& app)
{
    LandscapeState& s = app.landscape;
    ImGui::Checkbox("-gradient (white)", &s.show_gradient);
    publish_item(app, "landscape-show-gradient");
    tooltip("The negative gradient at each run's current point: where plain gradient descent "
            "would go.");
    const float box = ImGui::GetFrameHeight();  // the rows wrap on a phone
    same_line_if_room("momentum / first moment", box);
    ImGui::Checkbox("momentum / first moment", &s.show_momentum);
    publish_item(app, "landscape-show-momentum");
    tooltip("-m: SGD's and RMSprop's momentum buffer, the Adam family's and Lion's exp_avg "
            "(length relative to the gradient's).");
    same_line_if_room("effective step (ellipse)", box);
    ImGui::Checkbox("effective step (ellipse)", &s.show_step);
    publish_item(app, "landscape-show-step");
    tooltip("Adaptive optimizers: lr / (sqrt(v) + eps) per coordinate times |g|, the step this "
            "gradient gets along x and along y (Adam's v bias-corrected).");
}

}  // namespace lrlab
