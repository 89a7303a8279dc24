// The schedule part of an exported script (export/torch_script.hpp): the body of
// make_scheduler(optimizer), derived from the schedule descriptors' torch facts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/config/config.hpp"
#include "core/optim/descriptor.hpp"

namespace lrlab
{

struct TorchScheduler
{
    std::string body;                  // make_scheduler's lines (indented 4), ending in `return`
    std::vector<std::string> sources;  // Python definitions it needs (InverseTimeLR), once each
    bool lrlab_cos = false;            // its LRs go through cos / float ** float (torch_math.hpp)
    bool lrlab_pow = false;
    bool plateau = false;              // ReduceLROnPlateau: scheduler.step(val_loss)
    bool cycles_momentum = false;      // drives the optimizer's momentum (or beta1)
    // Rows from which lrlab holds the LR (one_cycle past total_steps, where torch raises): the
    // script steps the scheduler only below it. -1: never.
    std::int64_t hold_from = -1;
};

// `path` names the schedule in errors ("runs[0].schedule"); what torch cannot do as lrlab does
// is added to `errors`, naming its key.
TorchScheduler torch_scheduler(const ScheduleConfig& s, const OptimizerDescriptor& opt,
                               const std::string& path, std::vector<ConfigError>& errors);

}  // namespace lrlab
