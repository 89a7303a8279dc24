// What an edit of a run's key does, and the run's recorded changes (DESIGN.md "Changes while
// training"). The semantics, which the editor states before anything is applied:
// - at step 0, or once training is finished, an edit sets the run's own setting from step 0
//   (a finished experiment restarts at step 0, paused, so Play/Replay trains with it); recorded
//   changes of the same key are dropped, since they would override the new value later on;
// - mid-run, an edit is a change at the current step: applied from the next step, recorded in
//   the run's `changes`, listed in the editor, replayed by Reset and the URL, removable.
// No edit is lost or reverts without the page saying so.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/app_state.hpp"

namespace lrlab
{

// Commits ui.pending like AppState::commit_edits, but with the "from step 0" rule above for
// edits of run keys at step 0 or once finished.
void commit_run_edits(AppState& app);

// One line saying what an edit of `rel` ("optimizer.lr") of run `run` will do now.
std::string edit_effect(const AppState& app, std::size_t run, const std::string& rel);

// Removes change `k` of run `run` from the config; the experiment restarts at step 0 (the
// change may have shaped the steps already taken). Sets ui.status / ui.errors.
void remove_change(AppState& app, std::size_t run, std::size_t k);

// The validator's errors for the pending value of `path` (empty when none is pending or it is
// valid): what the field shows in red while the value is typed.
std::vector<ConfigError> pending_errors(const AppState& app, const std::string& path);

// ui.errors of the last failed commit that name `path` (or a key inside it).
std::vector<ConfigError> committed_errors(const AppState& app, const std::string& path);

}  // namespace lrlab
