// The run editor's widgets, chosen from the key's description (core/config/describe.hpp) rather
// than from its JSON value: a log slider beside the text of log-scaled numbers (LRs, eps), step
// buttons for integers, a checkbox for booleans, a combo for choices and types; every key's doc,
// range and default as its tooltip; a typed value the validator refuses is shown in red with the
// validator's message and is never applied; a valid one says what applying it will do.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/app_state.hpp"
#include "core/config/describe.hpp"

namespace lrlab
{

// Where a run key lives: its JSON path in the config ("runs[0].optimizer.lr") and, for
// edit_effect, the run and the path inside it ("optimizer.lr").
struct RunKey
{
    std::string path;
    std::size_t run = 0;
    std::string rel;
};

// One key of an optimizer, schedule or clip, with its current value.
void edit_param(AppState& app, const ParamDescription& d, const RunKey& key,
                const nlohmann::json& current);

// A key without a description (the run's batch_size, l1, l2): a number or an integer field with
// a hand-written tooltip, validated and explained like edit_param.
void edit_run_number(AppState& app, const char* label, const RunKey& key, double current,
                     bool integer, const std::string& doc);

// The optimizer/schedule/clip type of a run: a combo of the types' labels, wide enough for the
// longest, each item's doc as its tooltip. A new type starts from its defaults.
void edit_type(AppState& app, const char* label, const std::string& path,
               const std::string& current, const std::vector<TypeDescription>& types);

// The tooltip text of a key: "T_mult: doc" / "range: ..." / "default: ...".
std::string param_help(const ParamDescription& d);

}  // namespace lrlab
