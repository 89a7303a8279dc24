// The debiased exponential moving average of the LR range test (fastai's AvgSmoothLoss, the
// `smooth` of `lrlab lr-find`): avg = beta * avg + (1 - beta) * loss, reported as
// avg / (1 - beta^(i+1)) so that the first points are not pulled towards 0 (Adam's bias
// correction, Kingma & Ba 2015, section 3). beta = 0 reports the raw loss.
#pragma once

#include <cstddef>

namespace lrlab
{

class DebiasedEma
{
public:
    explicit DebiasedEma(double beta) : beta_(beta) {}
    // Adds the next loss; returns the smoothed value after it.
    double add(double loss)
    {
        avg_ = beta_ * avg_ + (1.0 - beta_) * loss;
        beta_pow_ *= beta_;
        return avg_ / (1.0 - beta_pow_);
    }

private:
    double beta_;
    double avg_ = 0.0;
    double beta_pow_ = 1.0;  // beta^(i+1) after the i-th add
};

// The standard deviation of the smoothed value after the i-th add (0-based) when the losses are
// independent with standard deviation 1: sqrt(sum of the squared weights), where the weights
// (1 - beta) beta^(i-j) / (1 - beta^(i+1)) sum to 1. What the suggestion rules compare a
// descent with, so that a dip of the noise is not taken for one.
double ema_noise_factor(double beta, std::size_t i);

}  // namespace lrlab
