// Internal to datasets*.cpp and data/digits8x8.cpp: the generators behind make_dataset().
#pragma once

#include <vector>

#include "core/data/datasets.hpp"
#include "core/math/rng.hpp"

namespace lrlab::datagen
{

// Raw samples before the split: x is (n, dims) row-major, y holds n labels or targets.
struct Samples
{
    std::vector<double> x;
    std::vector<double> y;
};

// The planar sets live on [-6, 6]^2 (TensorFlow Playground's square); points are clamped to it.
constexpr double extent = 6.0;

// pos draws positions and classes (Stream::data), noise the perturbations (Stream::noise).
// noise is in [0, 1]; classes only matters for blobs.
using Generator = Samples (*)(int n, double noise, int classes, Rng& pos, Rng& noise_rng);

Samples circle(int n, double noise, int classes, Rng& pos, Rng& noise_rng);
Samples exclusive_or(int n, double noise, int classes, Rng& pos, Rng& noise_rng);
Samples gauss(int n, double noise, int classes, Rng& pos, Rng& noise_rng);
Samples spiral(int n, double noise, int classes, Rng& pos, Rng& noise_rng);
Samples moons(int n, double noise, int classes, Rng& pos, Rng& noise_rng);
Samples checkerboard(int n, double noise, int classes, Rng& pos, Rng& noise_rng);
Samples blobs(int n, double noise, int classes, Rng& pos, Rng& noise_rng);
Samples reg_plane(int n, double noise, int classes, Rng& pos, Rng& noise_rng);
Samples reg_gauss(int n, double noise, int classes, Rng& pos, Rng& noise_rng);
Samples digits8x8(int n, double noise, int classes, Rng& pos, Rng& noise_rng);

// The train/test split of every dataset: a permutation shuffled by Stream::split of `seed`, the
// first n_train = floor(n * train_fraction + 0.5) (at least 1 each side) train, the rest test.
void split_into(const Samples& s, int dims, std::uint64_t seed, double train_fraction,
                Dataset& d);

}  // namespace lrlab::datagen
