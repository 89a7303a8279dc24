// libFuzzer target: the `surface` config (issue 14, "Parsers, fuzzed"). Any bytes go in;
// nothing may crash, and a config that validates must
//   - read back the same from its JSON (each part written by the same to_json the experiment
//     config uses);
//   - run (when small enough to run per input): every run gives rows 0..steps, finite or not,
//     with the step numbers in order, under the sanitizers.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/config/json.hpp"
#include "core/surface/run.hpp"
#include "fuzz_check.hpp"
#include "../core/config_equal.hpp"

using lrlab::fuzz::require;

namespace
{

// Per input, at most this many optimizer steps over all runs are simulated (the fuzzer must
// stay fast); larger configs are only parsed.
constexpr std::int64_t max_simulated_steps = 4000;

// Written part by part here (not core's surface_json), so that the oracle checks the reader
// against the experiment config's own writers.
nlohmann::json parts_json(const lrlab::SurfaceConfig& c)
{
    nlohmann::json runs = nlohmann::json::array();
    for (const lrlab::SurfaceRunConfig& r : c.runs)
        runs.push_back({{"name", r.name}, {"optimizer", lrlab::to_json(r.optimizer)},
                        {"schedule", lrlab::to_json(r.schedule)},
                        {"clip", lrlab::to_json(r.clip)}});
    return {{"function", c.function}, {"start", {c.start[0], c.start[1]}}, {"steps", c.steps},
            {"runs", runs}};
}

bool same(const lrlab::SurfaceConfig& a, const lrlab::SurfaceConfig& b)
{
    if (a.function != b.function || a.start != b.start || a.steps != b.steps ||
        a.runs.size() != b.runs.size())
        return false;
    for (std::size_t i = 0; i < a.runs.size(); ++i)
    {
        const lrlab::SurfaceRunConfig &r = a.runs[i], &s = b.runs[i];
        if (!(r.name == s.name && r.optimizer == s.optimizer && r.schedule == s.schedule &&
              r.clip == s.clip))
            return false;
    }
    return true;
}

void check_runs(const lrlab::SurfaceConfig& c, const std::string& input)
{
    if (c.steps * static_cast<std::int64_t>(c.runs.size()) > max_simulated_steps)
        return;
    for (std::size_t i = 0; i < c.runs.size(); ++i)
    {
        const std::vector<lrlab::SurfaceRow> rows = lrlab::surface_trajectory(c, i);
        require(rows.size() == static_cast<std::size_t>(c.steps + 1),
                "a surface run does not give rows 0..steps", input);
        for (std::size_t s = 0; s < rows.size(); ++s)
            require(rows[s].step == static_cast<std::int64_t>(s), "surface rows out of order",
                    input);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string input(reinterpret_cast<const char*>(data), size);
    nlohmann::json j;
    lrlab::ConfigError error;
    if (!lrlab::parse_json_text(input, j, error))
    {
        require(!error.message.empty(), "a JSON error without a message", input);
        return 0;
    }
    const lrlab::SurfaceConfigResult r = lrlab::parse_surface_config(j);
    if (!r.ok())
    {
        for (const lrlab::ConfigError& e : r.errors)
            require(!e.message.empty(), "an error without a message", input);
        return 0;
    }
    const lrlab::SurfaceConfigResult again = lrlab::parse_surface_config(parts_json(r.config));
    require(again.ok(), "the JSON of a valid surface config is refused", input);
    require(same(again.config, r.config), "surface config -> JSON -> config changes it", input);
    check_runs(r.config, input);
    return 0;
}
