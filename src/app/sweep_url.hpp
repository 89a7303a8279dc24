// The sweep in the page's URL, so that a shared link reopens the same sweep: hash pairs whose
// keys start with "sweep." hold lrlab.sweep's options (sweep.lrRange=1e-4:10:21&
// sweep.optimizers=sgd,adam&sweep.param=runs[0].train.batch_size&sweep.values=8,32&
// sweep.targetLoss=0.1&sweep.run=NAME&sweep.fair=true), after the config's pairs. They are
// taken out before the config's codec reads the hash (core/config/url_codec.hpp knows nothing
// of them), so config URLs and the codec's round trip are unchanged. A sweep given its own
// config (opts.config) is not in the URL: the URL holds the page's config only.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/config.hpp"

namespace lrlab
{

struct AppState;
struct SweepForm;

// Removes the sweep.* pairs of `hash` (without '#'), returning the rest for the config codec.
// When there were any, they become the panel's options and the sweep runs once the page is
// ready; a key that is no option is reported in `errors` (path "sweep.KEY").
std::string read_sweep_hash(AppState& app, const std::string& hash,
                            std::vector<ConfigError>& errors);

// `hash` (the config's pairs) followed by the shown sweep's pairs, if any.
std::string with_sweep_hash(const AppState& app, const std::string& hash);

// The sweep's options as the panel's form (for a sweep from the URL or lrlab.sweep), and back.
void form_from_options(const nlohmann::json& options, SweepForm& form);
nlohmann::json options_from_form(const SweepForm& form);

}  // namespace lrlab
