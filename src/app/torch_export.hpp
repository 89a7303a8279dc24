// "Copy as PyTorch" (the run editor) and window.lrlab.exportTorch(runName): the script that
// `lrlab export-torch CONFIG --run NAME` prints for the page's config (core/export/).
#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "app/app_state.hpp"

namespace lrlab
{

// The script of the run named `run` (null: the selected run), or false with `error` naming
// the run or the keys PyTorch cannot take.
bool torch_script_for(const AppState& app, const nlohmann::json& run, std::string& script,
                      std::string& error);

// Copies the script of run `index` to the clipboard and says so in a toast (or why not).
void copy_run_as_torch(AppState& app, std::size_t index);

}  // namespace lrlab
