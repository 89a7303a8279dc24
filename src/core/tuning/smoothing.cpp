#include "core/tuning/smoothing.hpp"

#include <cmath>

namespace lrlab
{

double ema_noise_factor(double beta, std::size_t i)
{
    // sum_j w_j^2 = (1-b)^2 (1 - b^(2(i+1))) / ((1 - b^2) (1 - b^(i+1))^2), summed term by
    // term (no pow: the same bits everywhere).
    double bpow = 1.0, sum = 0.0;
    for (std::size_t j = 0; j <= i; ++j)
    {
        sum += bpow * bpow;
        bpow *= beta;
    }
    const double norm = 1.0 - bpow;  // 1 - beta^(i+1)
    if (norm <= 0.0)
        return 1.0;
    return (1.0 - beta) * std::sqrt(sum) / norm;
}

}  // namespace lrlab
