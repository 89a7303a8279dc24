// The row both tuning panels share: Run (disabled while any job runs), Cancel (of whatever job
// runs: the panel's, the other panel's or a script's), a progress bar, the last job's status
// and the reasons a Run was refused. Widgets are published as PREFIX-run, PREFIX-cancel,
// PREFIX-progress and the texts PREFIX-status, PREFIX-error.
#pragma once

#include "app/app_state.hpp"

namespace lrlab
{

// SameLine() when the next item (an input `item_w` wide with `label` beside it) fits on this
// line, else a new line: the options rows wrap on a phone.
void same_line_if_room(const char* label, float item_w);

// True when Run was pressed this frame.
bool tuning_controls(AppState& app, TuningOwner owner, const char* prefix);

}  // namespace lrlab
