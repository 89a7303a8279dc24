// Gradient clipping links (make_clip), first in every chain, and the clip descriptors.
//
//   none         identity
//   value        torch.nn.utils.clip_grad_value_: clamp to [-clip_value, clip_value]
//   norm         torch.nn.utils.clip_grad_norm_ applied to each tensor on its own
//   global_norm  torch.nn.utils.clip_grad_norm_ over all tensors (the norm of the norms)
//   agc          adaptive gradient clipping, unit-wise (Brock et al. 2021, "High-Performance
//                Large-Scale Image Recognition Without Normalization"; Optax's
//                adaptive_grad_clip)
//
// Every link also fills ctx.report: the L2 norm of the whole gradient before and after.
// Norms are accumulated in double in index order (deterministic on every platform); where
// PyTorch holds a norm in a float32 tensor, so do we.
#include <cmath>
#include <string>
#include <utility>

#include "core/math/detmath.hpp"
#include "core/optim/clip.hpp"
#include "core/optim/optimizers.hpp"

namespace lrlab
{
namespace
{

// Accumulates a p-norm (p > 0, or +inf for max |x|) in double, in the order values arrive.
// NaN propagates, as torch.norm and torch.max do.
class PNorm
{
public:
    explicit PNorm(double p) : p_(p) {}

    void add(double x)
    {
        const double a = std::fabs(x);
        if (std::isinf(p_))
        {
            if (a > acc_ || std::isnan(a))
                acc_ = std::isnan(acc_) ? acc_ : a;
        }
        else if (p_ == 2.0)
            acc_ += a * a;
        else if (p_ == 1.0)
            acc_ += a;
        else
            acc_ += (a > 0.0 && std::isfinite(a)) ? detmath::pow(a, p_) : a;
    }

    double result() const
    {
        if (std::isinf(p_) || p_ == 1.0)
            return acc_;
        if (p_ == 2.0)
            return std::sqrt(acc_);
        return (acc_ > 0.0 && std::isfinite(acc_)) ? detmath::pow(acc_, 1.0 / p_) : acc_;
    }

private:
    double p_;
    double acc_ = 0.0;
};

// The norm of one tensor as torch.norm returns it: a float32.
float tensor_norm(const float* g, std::size_t n, double p)
{
    PNorm norm(p);
    for (std::size_t i = 0; i < n; ++i)
        norm.add(g[i]);
    return static_cast<float>(norm.result());
}

// clip_grad_norm_'s coefficient in float32 tensor arithmetic:
// clamp(max_norm / (total_norm + 1e-6), max=1), where `float / tensor` is
// tensor.reciprocal() * float (torch/_tensor.py __rdiv__). A NaN norm gives a NaN coefficient.
float clip_coefficient(float total_norm, double max_norm)
{
    const float denom = total_norm + 1e-6f;
    const float coef = (1.0f / denom) * static_cast<float>(max_norm);
    return coef > 1.0f ? 1.0f : coef;
}

void scale(float* g, std::size_t n, float coef)
{
    for (std::size_t i = 0; i < n; ++i)
        g[i] = g[i] * coef;
}

void clip_value(ParamSet& grads, double clip_value)
{
    // clamp_(min=-c, max=c): NaN stays NaN, as in torch.
    const float hi = static_cast<float>(clip_value);
    const float lo = static_cast<float>(-clip_value);
    float* g = grads.data();
    for (std::size_t i = 0; i < grads.size(); ++i)
    {
        float v = g[i];
        if (v < lo)
            v = lo;
        if (v > hi)
            v = hi;
        g[i] = v;
    }
}

void clip_each_norm(ParamSet& grads, double max_norm, double norm_type)
{
    for (std::size_t t = 0; t < grads.tensors.size(); ++t)
    {
        const std::size_t n = grads.tensors[t].size();
        const float norm = tensor_norm(grads.data(t), n, norm_type);
        scale(grads.data(t), n, clip_coefficient(norm, max_norm));
    }
}

void clip_global_norm(ParamSet& grads, double max_norm, double norm_type)
{
    // torch.norm(torch.stack([torch.norm(g, p) for g in grads]), p), or the max of the maxima.
    PNorm total(norm_type);
    for (std::size_t t = 0; t < grads.tensors.size(); ++t)
        total.add(tensor_norm(grads.data(t), grads.tensors[t].size(), norm_type));
    const float coef = clip_coefficient(static_cast<float>(total.result()), max_norm);
    scale(grads.data(), grads.size(), coef);
}

// One AGC unit: `count` values `stride` apart in g (gradient) and p (parameters).
// Optax: max_norm = clipping * max(|p|, eps); g *= max_norm / max(|g|, 1e-6) where |g| > max_norm.
void agc_unit(float* g, const float* p, std::size_t count, std::size_t stride, float clipping,
              float eps)
{
    double g_sum = 0.0;
    double p_sum = 0.0;
    for (std::size_t k = 0; k < count; ++k)
    {
        const double gv = g[k * stride];
        const double pv = p[k * stride];
        g_sum += gv * gv;
        p_sum += pv * pv;
    }
    const float g_norm = static_cast<float>(std::sqrt(g_sum));
    const float p_norm = static_cast<float>(std::sqrt(p_sum));
    const float max_norm = (p_norm > eps ? p_norm : eps) * clipping;
    if (!(g_norm > max_norm))
        return;
    const float coef = max_norm / (g_norm > 1e-6f ? g_norm : 1e-6f);
    for (std::size_t k = 0; k < count; ++k)
        g[k * stride] = g[k * stride] * coef;
}

// Units: for a weight (n_in, n_out) an output column (its n_in fan-in rows); for a bias
// (1, n_out) and a point every element. (Optax takes a whole 1-D vector as one unit; a bias
// element belongs to one output unit, so we keep it with its unit's own scale instead.)
void clip_agc(ParamSet& grads, const ParamSet& params, double clipping, double eps)
{
    const float clip_f = static_cast<float>(clipping);
    const float eps_f = static_cast<float>(eps);
    for (std::size_t t = 0; t < grads.tensors.size(); ++t)
    {
        const TensorInfo& info = grads.tensors[t];
        float* g = grads.data(t);
        const float* p = params.data(t);
        if (info.kind == TensorKind::weight)
        {
            for (std::size_t j = 0; j < info.cols; ++j)
                agc_unit(g + j, p + j, info.rows, info.cols, clip_f, eps_f);
        }
        else
        {
            for (std::size_t i = 0; i < info.size(); ++i)
                agc_unit(g + i, p + i, 1, 1, clip_f, eps_f);
        }
    }
}

using namespace config_detail;
using C = ClipConfig;

ClipDescriptor clip_type(const char* type, const char* label, const char* doc,
                         std::vector<Key<C>> keys, ClipFn clip, const char* torch_call = nullptr,
                         bool torch_per_tensor = false, const char* torch_source = nullptr)
{
    ClipDescriptor d;
    d.type = type;
    d.label = label;
    d.doc = doc;
    d.keys = std::move(keys);
    d.clip = clip;
    d.torch_call = torch_call;
    d.torch_per_tensor = torch_per_tensor;
    d.torch_source = torch_source;
    return d;
}

// AGC is not in torch: the exported script defines it, with clip_agc's units (a weight's rows
// in torch's (n_out, n_in) layout are lrlab's columns) and its float32 arithmetic.
const char* const agc_torch_source = R"py(@torch.no_grad()
def adaptive_clip_grad_(parameters, clipping=0.01, eps=1e-3):
    """Adaptive gradient clipping (Brock et al. 2021, "High-Performance Large-Scale Image
    Recognition Without Normalization"), unit-wise as lrlab does it. A unit is one output's
    fan-in (a row of a weight; dims 1.. of a conv kernel) or one element of a 1-D tensor (a
    bias). Where |g| > clipping * max(|p|, eps), the unit's gradient is scaled to that norm."""
    for p in parameters:
        if p.grad is None:
            continue
        g = p.grad
        if p.dim() > 1:
            dims = tuple(range(1, p.dim()))
            p_norm = p.norm(dim=dims, keepdim=True)
            g_norm = g.norm(dim=dims, keepdim=True)
        else:
            p_norm, g_norm = p.abs(), g.abs()
        max_norm = p_norm.clamp(min=eps) * clipping
        coef = max_norm / g_norm.clamp(min=1e-6)
        g.mul_(torch.where(g_norm > max_norm, coef, torch.ones_like(coef)))
)py";

Key<C> max_norm()
{
    return key<C>("max_norm", Kind::number, LRLAB_FIELD(C, max_norm), 1.0, above(0),
                  "largest allowed gradient norm")
        .log();
}
Key<C> norm_type()
{
    return key<C>("norm_type", Kind::norm_type, LRLAB_FIELD(C, norm_type), 2.0, above(0),
                  "p of the p-norm, or \"inf\" for the max norm");
}

std::vector<ClipDescriptor> make_descriptors()
{
    return {
        clip_type("none", "none", "no clipping", {}, nullptr),
        clip_type("value", "value (clip_grad_value_)",
                  "torch.nn.utils.clip_grad_value_ on every gradient entry",
                  {key<C>("clip_value", Kind::number, LRLAB_FIELD(C, clip_value), 1.0, above(0),
                          "entries are clamped to [-clip_value, clip_value]")
                       .log()},
                  [](const C& c, ParamSet& g, const ParamSet&) { clip_value(g, c.clip_value); },
                  "torch.nn.utils.clip_grad_value_"),
        clip_type("norm", "norm, per tensor",
                  "torch.nn.utils.clip_grad_norm_ on each tensor separately",
                  {max_norm(), norm_type()}, [](const C& c, ParamSet& g, const ParamSet&)
                  { clip_each_norm(g, c.max_norm, c.norm_type); },
                  "torch.nn.utils.clip_grad_norm_", true),
        clip_type("global_norm", "global norm (clip_grad_norm_)",
                  "torch.nn.utils.clip_grad_norm_ over all gradients together",
                  {max_norm(), norm_type()}, [](const C& c, ParamSet& g, const ParamSet&)
                  { clip_global_norm(g, c.max_norm, c.norm_type); },
                  "torch.nn.utils.clip_grad_norm_"),
        clip_type("agc", "adaptive (AGC)", "adaptive unit-wise clipping (Brock et al. 2021)",
                  {key<C>("clipping", Kind::number, LRLAB_FIELD(C, clipping), 0.01, above(0),
                          "largest ratio of gradient norm to weight norm per unit")
                       .log(),
                   key<C>("eps", Kind::number, LRLAB_FIELD(C, eps), 1e-3, above(0),
                          "floor of the weight norm")
                       .log()},
                  [](const C& c, ParamSet& g, const ParamSet& p)
                  { clip_agc(g, p, c.clipping, c.eps); },
                  "adaptive_clip_grad_", false, agc_torch_source),
    };
}

}  // namespace

const std::vector<ClipDescriptor>& clip_descriptors()
{
    static const std::vector<ClipDescriptor> list = make_descriptors();
    return list;
}

const ClipDescriptor* find_clip_descriptor(const std::string& type)
{
    return find_by_name(clip_descriptors(), &ClipDescriptor::type, type);
}

const std::vector<ClipInfo>& clip_registry()
{
    static const std::vector<ClipInfo> infos = []
    {
        std::vector<ClipInfo> out;
        for (const ClipDescriptor& d : clip_descriptors())
            out.push_back({d.type, d.label});
        return out;
    }();
    return infos;
}

const ClipInfo* find_clip(const std::string& type)
{
    return find_by_name(clip_registry(), &ClipInfo::type, type);
}

GradientTransform make_clip(const ClipConfig& c)
{
    GradientTransform t;
    t.name = "clip_" + c.type;
    // No clip keeps state, so switching the clip type mid-run keeps the chain's state layout.
    t.init = [](const ParamSet&) { return TransformState{}; };
    const ClipDescriptor* d = find_clip_descriptor(c.type);
    const ClipFn clip = d ? d->clip : nullptr;
    t.update = [c, clip](ParamSet& grads, TransformState&, ParamSet& params,
                         const StepContext& ctx)
    {
        const double before = ctx.report ? global_norm(grads) : 0.0;
        if (clip)
            clip(c, grads, params);
        if (ctx.report)
        {
            ctx.report->grad_norm = before;
            ctx.report->clipped_grad_norm = clip ? global_norm(grads) : before;
        }
    };
    return t;
}

}  // namespace lrlab
