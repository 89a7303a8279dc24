// One descriptor per schedule type, beside its stepper (schedules/decay.cpp, cosine.cpp,
// cyclic.cpp, sequential.cpp, plateau.cpp): name, label, doc, keys, capabilities and factory.
// Derived from the list (schedules/schedule_list.hpp): the validator's tables and checks,
// make_schedule, schedule_registry(), the page's descriptions, the README's reference and the
// coverage tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/config/key.hpp"
#include "core/schedules/schedule_list.hpp"
#include "core/schedules/steppers.hpp"

namespace lrlab
{

using ScheduleKey = config_detail::Key<ScheduleConfig>;

struct ScheduleDescriptor : config_detail::TypeDescriptor<ScheduleConfig>
{
    // The torch scheduler, not yet constructed. Sequential builds (and constructs) its children
    // on `g` first, as a torch user would; the others ignore `g`.
    sched::StepperPtr (*make)(const ScheduleConfig& c, sched::Group& g) = nullptr;
    // Takes cycle_momentum: the validator then asks the optimizer for a MomentumSlot.
    bool cycles_momentum = false;
    // Its LR comes from observing a metric (reduce_on_plateau), not from a table.
    bool observes_metric = false;
    // May be a child of sequential.
    bool nestable = true;
    // Checks that involve several keys, run on a config whose keys are each valid.
    void (*check)(const ScheduleConfig& c, const std::string& path,
                  std::vector<ConfigError>& errors) = nullptr;
    // The type in PyTorch, for `lrlab export-torch` (core/export/torch_script.hpp); the keys
    // are the scheduler's argument names but those in torch_renamed (key, argument).
    // torch_class is what the script constructs ("lr_scheduler.StepLR"). An lrlab-only type
    // (inverse_time) is a LambdaLR defined by torch_source whose lr_lambda, Python source with
    // the keys as literals, is torch_lambda(c) (it then takes no key as an argument).
    const char* torch_class = "";
    const char* torch_source = nullptr;
    std::string (*torch_lambda)(const ScheduleConfig& c) = nullptr;
    std::vector<std::pair<std::string, std::string>> torch_renamed;
    // The elementary function its LRs go through, "cos" or "pow" (a float ** float), which
    // lrlab computes with its own code (math/detmath.hpp) and Python with libm; nullptr: none.
    const char* torch_math = nullptr;
};

#define LRLAB_DECLARE_SCHEDULE(name) ScheduleDescriptor name##_schedule_descriptor();
LRLAB_SCHEDULES(LRLAB_DECLARE_SCHEDULE)
#undef LRLAB_DECLARE_SCHEDULE

// Every schedule type, in the order of schedules/schedule_list.hpp.
const std::vector<ScheduleDescriptor>& schedule_descriptors();
const ScheduleDescriptor* find_schedule_descriptor(const std::string& type);

// Equal types and equal values of every key the type takes (compared typed, from the key list,
// so a new key is never missed; keys the type does not take are ignored, as in to_json).
bool same_settings(const ScheduleConfig& a, const ScheduleConfig& b);
bool same_settings(const std::vector<ScheduleConfig>& a, const std::vector<ScheduleConfig>& b);

}  // namespace lrlab
