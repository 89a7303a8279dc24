// The three suggestions of the LR range test (DESIGN.md, "Choosing the LR": `lr-find`), each an
// LR or nothing, never a number pulled from noise:
//   steepest - the LR of the most negative slope of the smoothed loss against ln(LR), among the
//              points up to the smoothed minimum. pytorch-lr-finder's plot(suggest_lr=True)
//              takes np.gradient of the loss against the iteration index (central differences;
//              the same as against ln(LR) on its exponential grid); we take central differences
//              over +-h points, h = max(1, 5% of the points), and stop at the minimum: on real
//              curves single-point slopes picked the EMA's early jitter or the blow-up's swings.
//   minimum  - the LR of the smallest smoothed loss, divided by 10 (fastai's `minimum`).
//   valley   - fastai's `valley` (from ESRI's suggester): the longest strictly decreasing
//              subsequence of the smoothed loss, ending at `end`, of length L; start = end - L;
//              the LR at start + floor(L/3) + floor(L/6), i.e. about halfway into the descent
//              (fastai's docs say "roughly 2/3"; its code, which we follow, gives 1/2). fastai
//              lets that index be -1 for a two-point descent from the first point, which Python
//              reads as the last point: here it is clamped to the first.
// The rules see the points from `skip_start` to n - `skip_end` (fastai's lr_find and
// pytorch-lr-finder's plot both drop the first num_iter/10 and the last 5: the start where the
// average is still settling and the blow-up). Before any rule runs, the window must show a real
// descent: from the highest smoothed point before the minimum down to the minimum, at least 2%
// of that point's loss and at least 3 standard deviations of the smoothed noise there, the
// batch noise estimated from the raw losses' successive differences (median absolute
// difference / (0.6745 sqrt 2), robust to the descent itself). Otherwise every rule is null.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace lrlab
{

struct SuggestionOptions
{
    std::size_t skip_start = 0;
    std::size_t skip_end = 0;
    double beta = 0.0;  // the smoothing of `smoothed` (for the noise it leaves)
};

struct Suggestions
{
    std::optional<double> steepest, minimum, valley;
    std::string note;  // why a rule gave nothing, and caveats of the ones that gave an LR
};

// Fewer points than this in the window: no suggestion.
constexpr std::size_t min_suggestion_points = 5;

// lrs ascending and > 0; raw and smoothed finite, all three of the same length.
Suggestions suggest_lrs(const std::vector<double>& lrs, const std::vector<double>& raw,
                        const std::vector<double>& smoothed, const SuggestionOptions& o);

// The rules alone, on a window (exposed for tests): index into the given vectors or nullopt.
std::optional<std::size_t> steepest_index(const std::vector<double>& lrs,
                                          const std::vector<double>& loss);
std::optional<std::size_t> valley_index(const std::vector<double>& loss);

}  // namespace lrlab
