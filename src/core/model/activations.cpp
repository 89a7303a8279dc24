// Activation functions: forward and derivative over arrays, PyTorch's conventions at the kinks
// (relu'(0) = 0, leaky_relu'(0) = slope) and its backward formulas (tanh: d * (1 - y*y),
// sigmoid: d * (1 - y) * y, exact GELU: d * (Phi(x) + x * phi(x))).
#include "core/model/activations.hpp"

#include "core/math/detmath.hpp"

namespace lrlab
{

const std::vector<ActivationInfo>& activation_registry()
{
    static const std::vector<ActivationInfo> registry = {
        {"relu", "ReLU", Activation::relu, true},
        {"tanh", "Tanh", Activation::tanh, false},
        {"sigmoid", "Sigmoid", Activation::sigmoid, false},
        {"linear", "Linear", Activation::linear, false},
        {"leaky_relu", "Leaky ReLU", Activation::leaky_relu, true},
        {"gelu", "GELU", Activation::gelu, true},
    };
    return registry;
}

const ActivationInfo* find_activation(const std::string& name)
{
    for (const ActivationInfo& a : activation_registry())
        if (name == a.name)
            return &a;
    return nullptr;
}

namespace
{
constexpr float sqrt1_2 = 0.70710678118654752440f;  // 1/sqrt(2)
// 1/sqrt(2*pi), torch's kAlpha = M_2_SQRTPI * M_SQRT1_2 * 0.5
constexpr float inv_sqrt_2pi = 0.39894228040143267794f;

float gelu(float x) { return x * 0.5f * (1.0f + detmath::erff(x * sqrt1_2)); }

float gelu_derivative(float x)
{
    const float cdf = 0.5f * (1.0f + detmath::erff(x * sqrt1_2));
    const float pdf = inv_sqrt_2pi * detmath::expf(-0.5f * x * x);
    return cdf + x * pdf;
}
}  // namespace

void activation_forward(Activation f, float leaky_slope, const float* z, float* a, std::size_t n)
{
    switch (f)
    {
    case Activation::relu:
        for (std::size_t i = 0; i < n; ++i)
            a[i] = z[i] > 0.0f ? z[i] : 0.0f;
        return;
    case Activation::tanh:
        detmath::tanhf_array(z, a, n);
        return;
    case Activation::sigmoid:
        for (std::size_t i = 0; i < n; ++i)
            a[i] = detmath::sigmoidf(z[i]);
        return;
    case Activation::linear:
        for (std::size_t i = 0; i < n; ++i)
            a[i] = z[i];
        return;
    case Activation::leaky_relu:
        for (std::size_t i = 0; i < n; ++i)
            a[i] = z[i] > 0.0f ? z[i] : z[i] * leaky_slope;
        return;
    case Activation::gelu:
        for (std::size_t i = 0; i < n; ++i)
            a[i] = gelu(z[i]);
        return;
    }
}

void activation_backward(Activation f, float leaky_slope, const float* z, const float* a, float* d,
                         std::size_t n)
{
    switch (f)
    {
    case Activation::relu:
        for (std::size_t i = 0; i < n; ++i)
            d[i] = a[i] > 0.0f ? d[i] : 0.0f;
        return;
    case Activation::tanh:
        for (std::size_t i = 0; i < n; ++i)
            d[i] = d[i] * (1.0f - a[i] * a[i]);
        return;
    case Activation::sigmoid:
        for (std::size_t i = 0; i < n; ++i)
            d[i] = d[i] * (1.0f - a[i]) * a[i];
        return;
    case Activation::linear:
        return;
    case Activation::leaky_relu:
        for (std::size_t i = 0; i < n; ++i)
            d[i] = z[i] > 0.0f ? d[i] : d[i] * leaky_slope;
        return;
    case Activation::gelu:
        for (std::size_t i = 0; i < n; ++i)
            d[i] = d[i] * gelu_derivative(z[i]);
        return;
    }
}

}  // namespace lrlab
