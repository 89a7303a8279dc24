// torch.optim.Adam and AdamW (1.13, _single_tensor_adam / _single_tensor_adamw; Kingma & Ba 2015,
// AMSGrad: Reddi et al. 2018). The two differ only in weight decay, which the chain does
// (coupled for adam, decoupled for adamw), so one rule serves both:
//   step += 1
//   m = m * b1 + (1 - b1) * g                                   (exp_avg)
//   v = v * b2 + ((1 - b2) * g) * g                             (exp_avg_sq)
//   bc1 = 1 - b1^step;  bc2 = 1 - b2^step;  step_size = lr / bc1       (Python doubles)
//   amsgrad: v_max = maximum(v_max, v);  denom = sqrt(v_max) / sqrt(bc2) + eps
//   else:    denom = sqrt(v) / sqrt(bc2) + eps
//   p = p + ((-step_size) * m) / denom                          (addcdiv_)
// Descriptors: adam (coupled decay) and adamw (decoupled, default 1e-2).
// State: slots[0] = exp_avg, slots[1] = exp_avg_sq, slots[2] = max_exp_avg_sq (always, so that
// amsgrad can be switched on mid-run); count = step.
#include <cmath>
#include <utility>

#include "core/math/detmath.hpp"
#include "core/math/simd.hpp"
#include "core/optim/optimizer_keys.hpp"
#include "core/optim/rule_state.hpp"

namespace lrlab
{
namespace
{

// torch.maximum: NaN if either operand is NaN.
float nan_maximum(float a, float b)
{
    if (std::isnan(a) || std::isnan(b))
        return a + b;
    return a > b ? a : b;
}

// The float32 factors of one step, computed once (in double, as Python floats) per step.
struct AdamFactors
{
    float b1, one_minus_b1, b2, one_minus_b2, neg_step_size, bc2_sqrt, eps;
};

// The recurrence above for elements [0, n), each on its own: a loop the compiler vectorizes
// (this file is built with -fno-math-errno, so sqrt is an instruction; sqrt and / are correctly
// rounded on every target), which gives the scalar bits at every vector width.
template <bool Amsgrad>
inline __attribute__((always_inline)) void
adam_elements(const AdamFactors& f, const float* __restrict g, float* __restrict p,
              float* __restrict m, float* __restrict v, float* __restrict v_max, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
    {
        m[i] = m[i] * f.b1 + f.one_minus_b1 * g[i];
        v[i] = v[i] * f.b2 + (f.one_minus_b2 * g[i]) * g[i];
        float second = v[i];
        if (Amsgrad)
        {
            v_max[i] = nan_maximum(v_max[i], v[i]);
            second = v_max[i];
        }
        const float denom = std::sqrt(second) / f.bc2_sqrt + f.eps;
        p[i] = p[i] + (f.neg_step_size * m[i]) / denom;
    }
}

using AdamElements = void (*)(const AdamFactors&, const float*, float*, float*, float*, float*,
                              std::size_t, bool);

void adam_elements_base(const AdamFactors& f, const float* g, float* p, float* m, float* v,
                        float* v_max, std::size_t n, bool amsgrad)
{
    if (amsgrad)
        adam_elements<true>(f, g, p, m, v, v_max, n);
    else
        adam_elements<false>(f, g, p, m, v, v_max, n);
}

#if LRLAB_HAVE_AVX2_PATH
// The same loop vectorized for AVX2 (math/simd.hpp): 8 lanes, still no FMA.
LRLAB_TARGET_AVX2 void adam_elements_avx2(const AdamFactors& f, const float* g, float* p,
                                          float* m, float* v, float* v_max, std::size_t n,
                                          bool amsgrad)
{
    if (amsgrad)
        adam_elements<true>(f, g, p, m, v, v_max, n);
    else
        adam_elements<false>(f, g, p, m, v, v_max, n);
}
#endif

AdamElements adam_elements_path()
{
#if LRLAB_HAVE_AVX2_PATH
    if (simd_level() != SimdLevel::sse2)  // AVX2's loop also at the avx512 level
        return adam_elements_avx2;
#endif
    return adam_elements_base;
}

void adam_step(const OptimizerConfig& c, ParamSet& grads, TransformState& s, ParamSet& params,
               const StepContext& ctx)
{
    ++s.count;
    const double step = static_cast<double>(s.count);
    const double beta1 = scheduled_momentum(c.betas[0], ctx);
    const double beta2 = c.betas[1];
    const double bias_correction1 = 1.0 - detmath::pow(beta1, step);
    const double bias_correction2 = 1.0 - detmath::pow(beta2, step);
    AdamFactors f;
    f.neg_step_size = static_cast<float>(-(ctx.lr / bias_correction1));
    f.bc2_sqrt = static_cast<float>(std::sqrt(bias_correction2));
    f.b1 = static_cast<float>(beta1);
    f.one_minus_b1 = static_cast<float>(1.0 - beta1);
    f.b2 = static_cast<float>(beta2);
    f.one_minus_b2 = static_cast<float>(1.0 - beta2);
    f.eps = static_cast<float>(c.eps);
    adam_elements_path()(f, grads.data(), params.data(), s.slots[0].data(), s.slots[1].data(),
                         s.slots[2].data(), params.size(), c.amsgrad);
}

// adam and adamw: one rule, the chain's weight decay differs.
OptimizerDescriptor adam_family(const char* type, const char* label, const char* doc,
                                OptimizerKey weight_decay, DecayStyle decay)
{
    using namespace optimizer_keys;
    OptimizerDescriptor d;
    d.type = type;
    d.label = label;
    d.doc = doc;
    d.keys = {lr(1e-3), betas(0.9, 0.999), eps(1e-8), std::move(weight_decay), amsgrad()};
    d.momentum = MomentumSlot::beta1;
    d.decay = decay;
    d.state.slots = 3;
    d.step = adam_step;
    d.torch_class = doc;  // "torch.optim.Adam", "torch.optim.AdamW"
    return d;
}

}  // namespace

OptimizerDescriptor adam_descriptor()
{
    return adam_family("adam", "Adam", "torch.optim.Adam", optimizer_keys::coupled_weight_decay(),
                       DecayStyle::coupled);
}

OptimizerDescriptor adamw_descriptor()
{
    return adam_family("adamw", "AdamW", "torch.optim.AdamW",
                       optimizer_keys::decoupled_weight_decay(1e-2), DecayStyle::decoupled);
}

}  // namespace lrlab
