// Activation functions as {forward, derivative} pairs over arrays (TensorFlow Playground's
// records), in float32 with detmath so that native and wasm agree bit for bit.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace lrlab
{

enum class Activation
{
    relu,
    tanh,
    sigmoid,
    linear,
    leaky_relu,
    gelu  // exact: x * Phi(x), PyTorch's GELU(approximate='none')
};

struct ActivationInfo
{
    const char* name;
    const char* label;
    Activation id;
    bool relu_family;  // init "auto" picks he_uniform for these, xavier_uniform otherwise
};

const std::vector<ActivationInfo>& activation_registry();
const ActivationInfo* find_activation(const std::string& name);

// a[i] = f(z[i]) for i < n.
void activation_forward(Activation f, float leaky_slope, const float* z, float* a, std::size_t n);
// d[i] *= f'(z[i]) (a = f(z) is given because tanh and sigmoid derive from it).
void activation_backward(Activation f, float leaky_slope, const float* z, const float* a, float* d,
                         std::size_t n);

}  // namespace lrlab
