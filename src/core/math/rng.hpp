// Rng: a seeded, portable random generator (xoshiro256**, seeded by splitmix64), with our own
// uniform and normal sampling. std::*_distribution and std::shuffle are never used: their
// output differs between libstdc++ and libc++ (DESIGN.md, Determinism).
#pragma once

#include <cstddef>
#include <cstdint>

namespace lrlab
{

// One independent stream per purpose, so that e.g. adding a run changes nothing for the others.
enum class Stream : std::uint64_t
{
    data = 1,         // sample generation
    split = 2,        // train/test split
    batch_order = 3,  // per-epoch shuffles (combined with the epoch index)
    init = 4,         // initial weights
    noise = 5         // label/pixel noise
};

class Rng
{
public:
    explicit Rng(std::uint64_t seed);
    // A generator for (seed, stream, index): independent of every other triple.
    static Rng stream(std::uint64_t seed, Stream s, std::uint64_t index = 0);

    std::uint64_t next_u64();
    double uniform();                        // [0, 1), 53 random bits
    double uniform(double lo, double hi);    // [lo, hi)
    double normal();                         // N(0, 1), Box-Muller with detmath
    std::uint64_t below(std::uint64_t n);    // uniform integer in [0, n), unbiased (n > 0)
    // Fisher-Yates shuffle of idx[0..n), using below().
    void shuffle(std::uint32_t* idx, std::size_t n);

private:
    std::uint64_t s_[4];
    bool has_spare_ = false;
    double spare_ = 0.0;
};

}  // namespace lrlab
