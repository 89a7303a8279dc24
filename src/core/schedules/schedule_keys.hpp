// Keys and checks that several schedule types share (torch.optim.lr_scheduler's names). Ranges
// follow lr_scheduler.py's checks, tightened where PyTorch would divide by zero.
#pragma once

#include <algorithm>
#include <cstdint>

#include "core/schedules/descriptor.hpp"

namespace lrlab::schedule_keys
{

constexpr double max_period = 1e9;  // step counts; far beyond limits::max_steps, safe in int64

inline std::int64_t at_least_one(std::int64_t v) { return std::max<std::int64_t>(1, v); }

ScheduleKey gamma(double d, config_detail::Range r, const char* doc);
ScheduleKey eta_min();
// An integer count of steps in [lo, max_period], default 1 (usually computed from S).
ScheduleKey period(const char* name, config_detail::Accessor<ScheduleConfig> field, double lo,
                   const char* doc);
ScheduleKey momentum_key(const char* name, config_detail::Accessor<ScheduleConfig> field,
                         double d, const char* doc);
ScheduleKey cycle_momentum();

// Milestones in order: non-decreasing (multistep: PyTorch counts repeats) or strictly
// increasing (sequential).
void check_milestone_order(const ScheduleConfig& s, const std::string& path, bool strict,
                           std::vector<ConfigError>& errors);

}  // namespace lrlab::schedule_keys

namespace lrlab::config_detail
{
// Reads sequential's `schedules` (config/schedule.cpp): the children, recursively validated.
void parse_sequential_children(const json& v, const std::string& path, const DefaultCtx& ctx,
                               ScheduleConfig& out, Errors& errors);
}  // namespace lrlab::config_detail
