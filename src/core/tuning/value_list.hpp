// The values a tuning verb tries (DESIGN.md, "Choosing the LR"): `--values a,b,c`,
// `log:MIN:MAX:N` (geometric), `lin:MIN:MAX:N` (evenly spaced), and sweep's `--lr-range MIN:MAX:N`
// (geometric). Both ends are included exactly; the points between come from detmath, so the
// native CLI, node and the page try the very same values.
#pragma once

#include <string>
#include <vector>

namespace lrlab
{

struct ValueListResult
{
    std::vector<double> values;
    std::string error;  // empty when ok; says what is wrong with the text, not which flag
    bool ok() const { return error.empty(); }
};

// Lists longer than this are refused (a value list sizes a grid of trainings).
constexpr int max_list_values = 10000;

ValueListResult parse_value_list(const std::string& text);  // a,b,c | log:.. | lin:..
ValueListResult parse_log_range(const std::string& text);   // MIN:MAX:N, geometric

// n values from lo to hi, both ends exact (n == 1: {lo}). log_spaced needs 0 < lo.
std::vector<double> log_spaced(double lo, double hi, int n);
std::vector<double> lin_spaced(double lo, double hi, int n);

}  // namespace lrlab
