// `--run NAME` of the tuning verbs (DESIGN.md, "Choosing the LR"): the run of CONFIG that is the
// base of the range test, the CV or the sweep; the first when no name is given.
#pragma once

#include <cstddef>
#include <string>

#include "core/config/config.hpp"

namespace lrlab
{

// False with an error naming --run (and the runs there are) when no run has that name.
bool find_base_run(const Config& c, const std::string& name, std::size_t& index,
                   ConfigError& error);

}  // namespace lrlab
