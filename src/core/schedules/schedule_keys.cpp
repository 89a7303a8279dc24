// Keys and checks shared by several schedule types (schedules/schedule_keys.hpp).
#include "core/schedules/schedule_keys.hpp"

namespace lrlab::schedule_keys
{

using namespace config_detail;
using S = ScheduleConfig;

ScheduleKey gamma(double d, Range r, const char* doc)
{
    return key<S>("gamma", Kind::number, LRLAB_FIELD(S, gamma), d, r, doc);
}

ScheduleKey eta_min()
{
    return key<S>("eta_min", Kind::number, LRLAB_FIELD(S, eta_min), 0.0, at_least(0),
                  "the lowest LR of the cosine");
}

ScheduleKey period(const char* name, Accessor<S> field, double lo, const char* doc)
{
    return key<S>(name, Kind::integer, field, 1, closed(lo, max_period), doc);
}

ScheduleKey momentum_key(const char* name, Accessor<S> field, double d, const char* doc)
{
    return key<S>(name, Kind::number, field, d, right_open(0, 1), doc);
}

ScheduleKey cycle_momentum()
{
    return key<S>("cycle_momentum", Kind::boolean, LRLAB_FIELD(S, cycle_momentum), false, any(),
                  "also cycle SGD's momentum or the Adam family's beta1 (inversely to the LR)");
}

void check_milestone_order(const ScheduleConfig& s, const std::string& path, bool strict,
                           std::vector<ConfigError>& errors)
{
    for (std::size_t i = 1; i < s.milestones.size(); ++i)
    {
        const std::int64_t before = s.milestones[i - 1];
        if (s.milestones[i] > before || (!strict && s.milestones[i] == before))
            continue;
        errors.push_back({index_path(join(path, "milestones"), i),
                          std::string("must be ") + (strict ? "> " : ">= ") +
                              "the milestone before (" + std::to_string(before) + "), got " +
                              std::to_string(s.milestones[i])});
    }
}

}  // namespace lrlab::schedule_keys
