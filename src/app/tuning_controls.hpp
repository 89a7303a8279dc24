// The row both tuning panels share: Run (disabled while any job runs), Cancel (of whatever job
// runs: the panel's, the other panel's or a script's), a progress bar, the last job's status
// and the reasons a Run was refused. Widgets are published as PREFIX-run, PREFIX-cancel,
// PREFIX-progress and the texts PREFIX-status, PREFIX-error.
#pragma once

#include "app/app_state.hpp"

namespace lrlab
{

// True when Run was pressed this frame.
bool tuning_controls(AppState& app, TuningOwner owner, const char* prefix);

}  // namespace lrlab
