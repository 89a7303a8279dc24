// Apply rules of the tuning panels (lr_apply.hpp).
#include "app/lr_apply.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/config/json.hpp"

namespace lrlab
{

std::vector<LrEdit> lr_edits(const RunConfig& run, double lr)
{
    if (run.schedule.type == "one_cycle")
        return {{"schedule.max_lr", lr}};
    if (run.schedule.type == "cyclic")
        return {{"schedule.base_lr", lr / 4.0}, {"schedule.max_lr", lr}};
    return {{"optimizer.lr", lr}};
}

std::vector<LrEdit> cyclic_range_edits(double lo, double hi)
{
    return {{"schedule.base_lr", lo}, {"schedule.max_lr", hi}};
}

std::optional<LrRange> descending_range(const LrFinderResult& r, int num_iter)
{
    const Suggestions& s = r.suggestions;
    if (!s.steepest && !s.minimum && !s.valley)
        return std::nullopt;
    const std::size_t n = r.points.size();
    const std::size_t a = std::min(n, std::size_t(std::max(0, num_iter / 10)));
    const std::size_t b = n - std::min<std::size_t>(5, n - a);
    if (b < a + 2)
        return std::nullopt;
    std::size_t lo = a;
    for (std::size_t i = a; i < b; ++i)
        if (r.points[i].smoothed_loss < r.points[lo].smoothed_loss)
            lo = i;
    std::size_t hi = a;
    for (std::size_t i = a; i <= lo; ++i)
        if (r.points[i].smoothed_loss > r.points[hi].smoothed_loss)
            hi = i;
    const double top = r.points[hi].smoothed_loss, drop = top - r.points[lo].smoothed_loss;
    if (!(drop > 0))
        return std::nullopt;
    std::size_t start = hi;
    while (start < lo && r.points[start].smoothed_loss > top - 0.1 * drop)
        ++start;
    if (start >= lo)
        return std::nullopt;
    return LrRange{r.points[start].lr, r.points[lo].lr};
}

double run_value(const RunConfig& run, const std::string& rel)
{
    const nlohmann::json j = {{"optimizer", to_json(run.optimizer)},
                              {"schedule", to_json(run.schedule)},
                              {"clip", to_json(run.clip)},
                              {"train", {{"batch_size", run.train.batch_size},
                                         {"l1", run.train.l1},
                                         {"l2", run.train.l2}}}};
    const std::size_t dot = rel.find('.');
    if (dot == std::string::npos)
        return std::numeric_limits<double>::quiet_NaN();
    const std::string section = rel.substr(0, dot), key = rel.substr(dot + 1);
    if (!j.contains(section) || !j[section].is_object() || !j[section].contains(key) ||
        !j[section][key].is_number())
        return std::numeric_limits<double>::quiet_NaN();
    return j[section][key].get<double>();
}

std::string lr_edits_text(const std::string& run_name, const RunConfig& before,
                          const std::vector<LrEdit>& edits)
{
    std::string out = run_name + ":";
    for (std::size_t k = 0; k < edits.size(); ++k)
    {
        char buf[96];
        std::snprintf(buf, sizeof buf, "%s %s %.4g -> %.4g", k ? "," : "", edits[k].rel.c_str(),
                      run_value(before, edits[k].rel), edits[k].value);
        out += buf;
    }
    return out;
}

}  // namespace lrlab
