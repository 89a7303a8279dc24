#include "core/tuning/suggestions.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/math/detmath.hpp"
#include "core/tuning/smoothing.hpp"

namespace lrlab
{
namespace
{

std::string lr_text(double lr)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", lr);
    return buffer;
}

// Robust standard deviation of the raw losses' noise: successive differences remove a slow
// trend, the median ignores the few steps where the loss moves fast.
double raw_noise(const std::vector<double>& raw)
{
    std::vector<double> d;
    for (std::size_t i = 1; i < raw.size(); ++i)
        d.push_back(std::fabs(raw[i] - raw[i - 1]));
    if (d.empty())
        return 0.0;
    std::sort(d.begin(), d.end());
    const std::size_t h = d.size() / 2;
    const double median = d.size() % 2 ? d[h] : 0.5 * (d[h - 1] + d[h]);
    return median / (0.6744897501960817 * 1.4142135623730951);
}

template <typename T>
std::vector<T> slice(const std::vector<T>& v, std::size_t a, std::size_t b)
{
    return std::vector<T>(v.begin() + static_cast<std::ptrdiff_t>(a),
                          v.begin() + static_cast<std::ptrdiff_t>(b));
}

// Why the window shows no usable descent, or "" when it does.
std::string no_descent(const std::vector<double>& raw, const std::vector<double>& s,
                       std::size_t offset, double beta)
{
    const std::size_t lo = static_cast<std::size_t>(std::min_element(s.begin(), s.end()) -
                                                    s.begin());
    const std::size_t hi = static_cast<std::size_t>(
        std::max_element(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(lo) + 1) -
        s.begin());
    const double descent = s[hi] - s[lo];
    if (!(descent > 0.0))
        return "the smoothed loss never falls";
    if (descent < 0.02 * std::fabs(s[hi]))
        return "the smoothed loss falls by only " + lr_text(100.0 * descent / std::fabs(s[hi])) +
               "% (a flat curve)";
    const double sigma = raw_noise(raw);
    const double fa = ema_noise_factor(beta, offset + hi), fb = ema_noise_factor(beta, offset + lo);
    const double noise = sigma * std::sqrt(fa * fa + fb * fb);
    if (descent < 3.0 * noise)
        return "the smoothed loss falls by " + lr_text(descent) + ", within the noise (3 x " +
               lr_text(noise) +
               "; more iterations, a larger batch or the test loss give a clearer curve)";
    return "";
}

}  // namespace

std::optional<std::size_t> steepest_index(const std::vector<double>& lrs,
                                          const std::vector<double>& loss)
{
    const std::size_t n = loss.size();
    if (n < 2)
        return std::nullopt;
    std::vector<double> x(n);
    for (std::size_t i = 0; i < n; ++i)
        x[i] = detmath::log(lrs[i]);
    // Up to the minimum only: after it the loss blows up, and its swings are no descent.
    const std::size_t last =
        static_cast<std::size_t>(std::min_element(loss.begin(), loss.end()) - loss.begin());
    // Central differences over +-h points (one-sided at the ends; h = 1 is numpy.gradient on
    // an even grid): h = 5% of the points, so that the debiased EMA's jitter over its first
    // points is not taken for the steepest descent.
    const std::size_t h = std::max<std::size_t>(1, n / 20);
    std::optional<std::size_t> best;
    double best_g = 0.0;
    for (std::size_t i = 0; i <= last; ++i)
    {
        const std::size_t l = i - std::min(h, i), r = std::min(n - 1, i + h);
        const double g = (loss[r] - loss[l]) / (x[r] - x[l]);
        if (g < best_g)
        {
            best_g = g;
            best = i;
        }
    }
    return best;
}

std::optional<std::size_t> valley_index(const std::vector<double>& loss)
{
    const std::size_t n = loss.size();
    if (n < 2)
        return std::nullopt;
    // lds[i]: the longest strictly decreasing subsequence ending at i (fastai's `valley`).
    std::vector<std::size_t> lds(n, 1);
    std::size_t max_end = 0;
    for (std::size_t i = 1; i < n; ++i)
    {
        for (std::size_t j = 0; j < i; ++j)
            if (loss[i] < loss[j] && lds[i] < lds[j] + 1)
                lds[i] = lds[j] + 1;
        if (lds[max_end] < lds[i])
            max_end = i;
    }
    const std::size_t length = lds[max_end];
    if (length < 2)
        return std::nullopt;
    // fastai: max_start = max_end - lds[max_end], sections = (max_end - max_start) / 3,
    // idx = max_start + int(sections) + int(sections / 2).
    const long start = static_cast<long>(max_end) - static_cast<long>(length);
    const double sections = static_cast<double>(length) / 3.0;
    const long idx = start + static_cast<long>(sections) + static_cast<long>(sections / 2.0);
    return static_cast<std::size_t>(std::max(0L, idx));
}

Suggestions suggest_lrs(const std::vector<double>& lrs, const std::vector<double>& raw,
                        const std::vector<double>& smoothed, const SuggestionOptions& o)
{
    Suggestions out;
    const std::size_t n = smoothed.size();
    const std::size_t a = std::min(o.skip_start, n);
    const std::size_t b = n - std::min(o.skip_end, n - a);
    const std::string window = "iterations " + std::to_string(a) + " to " +
                               std::to_string(b == 0 ? 0 : b - 1) + " (the first " +
                               std::to_string(o.skip_start) + " and last " +
                               std::to_string(o.skip_end) + " points skipped)";
    if (b - a < min_suggestion_points)
    {
        out.note = "no suggestion: " + std::to_string(b - a) + " points in " + window +
                   ", fewer than " + std::to_string(min_suggestion_points) +
                   " (raise --num-iter or --diverge-th)";
        return out;
    }
    const std::vector<double> x = slice(lrs, a, b), r = slice(raw, a, b), s = slice(smoothed, a, b);
    const std::string why = no_descent(r, s, a, o.beta);
    if (!why.empty())
    {
        out.note = "no suggestion: " + why + " over " + window;
        return out;
    }
    out.note = "from " + window;
    if (const auto i = steepest_index(x, s))
        out.steepest = x[*i];
    else
        out.note += "; steepest: no falling slope";
    const std::size_t lo =
        static_cast<std::size_t>(std::min_element(s.begin(), s.end()) - s.begin());
    out.minimum = x[lo] / 10.0;
    if (lo + 1 == s.size())
        out.note += "; minimum: the loss still falls at the last point, a larger --end-lr may "
                    "find a lower minimum";
    if (const auto i = valley_index(s))
        out.valley = x[*i];
    else
        out.note += "; valley: no descending stretch";
    return out;
}

}  // namespace lrlab
