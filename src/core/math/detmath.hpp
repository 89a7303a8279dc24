// Deterministic elementary functions for every path whose results feed training.
//
// glibc's libm and Emscripten's musl round differently in the last bits, and the determinism
// contract (DESIGN.md) requires the native and WebAssembly builds to agree bit for bit. These
// functions use only IEEE-754 +, -, *, / and sqrt (correctly rounded everywhere) in a fixed
// order; the build sets -ffp-contract=off so that no compiler fuses them into FMAs.
// Accuracy targets: float versions within 2 ulp, double versions within 2 ulp of the true value
// over their documented ranges (tests/core/test_detmath.cpp measures it against libm).
#pragma once

#include <cstddef>
#include <cstdint>

namespace lrlab::detmath
{

// float32, for activations and losses
float expf(float x);
float logf(float x);       // x > 0; log(0) = -inf, log(<0) = nan
float log1pf(float x);
float tanhf(float x);
float sigmoidf(float x);   // 1 / (1 + exp(-x)), stable for large |x|
float erff(float x);       // for the exact GELU (PyTorch's default approximate='none')
// out[i] = expf(x[i]) for i < n, bit for bit, by lanes (softmax rows), on the 128-bit path only.
void expf_array(const float* x, float* out, std::size_t n);
// out[i] = tanhf(x[i]) for i < n, bit for bit, by lanes (the hidden layers' hot loop).
void tanhf_array(const float* x, float* out, std::size_t n);
// torch.binary_cross_entropy_with_logits of one logit x and target y, its stable form:
// max(-x, 0) + (1 - y) x + log(exp(-max) + exp(-x - max)).
float bce_with_logitsf(float x, float y);
// out[i] = bce_with_logitsf(x[i], y[i]) for i < n, bit for bit, by lanes (the binary loss pass).
void bce_with_logitsf_array(const float* x, const float* y, float* out, std::size_t n);

// double, for data generation, schedules and surfaces
double exp(double x);
double log(double x);
double sin(double x);
double cos(double x);
double pow(double x, double y);  // x > 0 (or x == 0 with y > 0); integral y for x < 0
double atan2(double y, double x);

}  // namespace lrlab::detmath
