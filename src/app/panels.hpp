// The panels of the page: one function each, one file each (STYLE.md rule 14). Each edits the
// config only through AppState (pending edits -> commit_edits, or set_config).
#pragma once

#include "app/app_state.hpp"

namespace lrlab
{

void panel_header(AppState& app);             // title, share, embed, export, import
void panel_notices(AppState& app);            // URL problems, edit errors, last action
void panel_transport(AppState& app);          // play / pause / step / reset, speed, timings
void panel_transport_compact(AppState& app);  // play / pause / step / reset and the step (embed)
void panel_lessons(AppState& app);            // one-click presets and the active caption
void panel_lesson_caption(AppState& app);     // the active lesson's caption alone (embed)
void panel_experiment(AppState& app);         // data, model, training settings
void panel_runs(AppState& app);               // the runs table, add / duplicate / remove
void panel_run_editor(AppState& app);         // the selected run's optimizer, schedule, clip
void panel_boundaries(AppState& app);         // decision-boundary small multiples
void panel_charts(AppState& app);             // loss, accuracy, LR, gradient norm
void panel_schedule_preview(AppState& app);   // every run's LR over the planned steps
void panel_lr_finder(AppState& app);          // the LR range test of the selected run
void panel_cross_validation(AppState& app);   // K-fold CV of a key of the selected run
void panel_sweep(AppState& app);              // LR x optimizer sweeps in Web Workers
void panel_momentum_map(AppState& app);       // heavy ball on the quadratic: steps per (lr, momentum)

}  // namespace lrlab
