// The history budget (core/config/budget.hpp).
#include "core/config/budget.hpp"

#include <string>

namespace lrlab
{

namespace
{

// 1234567 -> "1,234,567": row counts are read by people.
std::string grouped(std::int64_t v)
{
    std::string digits = std::to_string(v);
    for (int at = int(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(std::size_t(at), ",");
    return digits;
}

}  // namespace

std::int64_t evaluation_count(std::int64_t steps, std::int64_t eval_every)
{
    if (steps <= 0 || eval_every <= 0)
        return 1;
    return steps / eval_every + 1 + (steps % eval_every != 0 ? 1 : 0);
}

void check_history_budget(const Config& c, std::vector<ConfigError>& errors)
{
    const std::int64_t runs = std::int64_t(c.runs.size());
    const std::int64_t steps = c.train.steps;
    if (runs == 0 || steps <= 0 || c.train.eval_every <= 0)
        return;
    const std::int64_t rows = runs * evaluation_count(steps, c.train.eval_every);
    if (rows <= limits::max_history_rows)
        return;
    // The smallest eval_every whose rows fit: evaluation_count falls as eval_every grows.
    std::int64_t lo = c.train.eval_every, hi = steps;
    while (lo < hi)
    {
        const std::int64_t mid = lo + (hi - lo) / 2;
        if (runs * evaluation_count(steps, mid) <= limits::max_history_rows)
            hi = mid;
        else
            lo = mid + 1;
    }
    const std::string held = grouped(runs) + (runs == 1 ? " run × " : " runs × ") +
                             grouped(evaluation_count(steps, c.train.eval_every));
    errors.push_back({"train.eval_every",
                      "the history would hold " + held +
                          " evaluations = " + grouped(rows) + " rows; the limit is " +
                          grouped(limits::max_history_rows) +
                          " (raise train.eval_every to at least " + grouped(lo) +
                          " or lower train.steps)"});
}

}  // namespace lrlab
