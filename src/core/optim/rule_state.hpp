// Small helpers shared by the update rules in optim/*.cpp (not a public interface).
#pragma once

#include "core/optim/transform.hpp"

namespace lrlab
{

// A rule's state: `slots` zero-filled (or `fill`) ParamSets shaped like params and `scalars`
// doubles. Rules allocate every slot they may ever use, whatever their options (optim/transform.hpp).
inline TransformState rule_state(const ParamSet& params, std::size_t slots,
                                 std::size_t scalars = 0, float fill = 0.0f)
{
    TransformState s;
    for (std::size_t i = 0; i < slots; ++i)
        s.slots.push_back(zeros_like(params, fill));
    s.scalars.assign(scalars, 0.0);
    return s;
}

// SGD's/RMSprop's momentum or the Adam family's beta1: a cyclic/one_cycle schedule with
// cycle_momentum overrides the configured value (torch writes it into the param group).
inline double scheduled_momentum(double configured, const StepContext& ctx)
{
    return ctx.has_momentum ? ctx.momentum : configured;
}

}  // namespace lrlab
