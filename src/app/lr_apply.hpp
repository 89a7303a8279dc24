// What "Apply" of the LR finder and cross-validation panels writes into a run: the key(s) a
// suggested LR belongs to, by the run's schedule (issue 9), as the Python finders' users apply it.
// - most schedules scale optimizer.lr (constant, step, cosine, ...): the suggestion is the LR;
// - one_cycle peaks at schedule.max_lr (Smith & Topin 2018 pick it from the range test; fastai's
//   fit_one_cycle takes lr_find's suggestion as lr_max): the suggestion is max_lr;
// - cyclic runs between schedule.base_lr and schedule.max_lr and ignores optimizer.lr (PyTorch's
//   CyclicLR): Smith 2017, section 3.3, sets them from the range test. A suggestion s sets
//   max_lr = s and base_lr = s / 4 (his rule of thumb: "set base_lr to 1/3 or 1/4 of max_lr");
//   the test's descending range (descending_range) sets base_lr and max_lr to its two ends (his
//   first rule: the LR where the loss starts to fall, and where it stops falling).
// Pure (no ImGui): tested natively in tests/app/test_lr_apply.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/config/config.hpp"
#include "core/tuning/lr_finder.hpp"

namespace lrlab
{

struct LrEdit
{
    std::string rel;  // the key relative to the run: "optimizer.lr", "schedule.max_lr", ...
    double value = 0.0;
};

// The edits that make `run` use the suggested `lr`.
std::vector<LrEdit> lr_edits(const RunConfig& run, double lr);
// The edits of cyclic's range from the test's descending range [lo, hi].
std::vector<LrEdit> cyclic_range_edits(double lo, double hi);

struct LrRange
{
    double lo = 0.0, hi = 0.0;
};

// The descending range of a finished range test, on the points the suggestions look at (the
// first num_iter/10 and the last 5 skipped, lr_finder.cpp): from the highest smoothed loss
// before the minimum to the minimum; lo = the LR where the loss has fallen by a tenth of that
// descent (where it "starts to fall": the flat start is noise), hi = the LR of the minimum
// (where it stops falling). None when the test made no suggestion (no real descent).
std::optional<LrRange> descending_range(const LrFinderResult& r, int num_iter);

// "sgd 0.1: optimizer.lr 0.1 -> 0.0316" (ImGui's Latin-1 font has no arrow).
std::string lr_edits_text(const std::string& run_name, const RunConfig& before,
                          const std::vector<LrEdit>& edits);
// The current value of `rel` in the run (for the message), NaN when it is no such key.
double run_value(const RunConfig& run, const std::string& rel);

}  // namespace lrlab
