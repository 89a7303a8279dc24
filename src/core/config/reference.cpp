// The Markdown config reference (README), generated from the key tables and the optimizer,
// schedule and clip descriptors the validator reads, so that the documented types, defaults and
// ranges are the enforced ones.
#include <sstream>

#include "core/config/json.hpp"
#include "core/config/keys.hpp"

namespace lrlab
{

using namespace config_detail;

namespace
{

const char* kind_text(Kind k)
{
    switch (k)
    {
    case Kind::number: return "number";
    case Kind::integer: return "integer";
    case Kind::boolean: return "boolean";
    case Kind::choice: return "string";
    case Kind::pair: return "[number, number]";
    case Kind::norm_type: return "number or \"inf\"";
    case Kind::int_list: return "list of integers";
    case Kind::name_list: return "list of strings";
    case Kind::schedules: return "list of schedules";
    }
    return "";
}

std::string value_text(const json& v)
{
    if (v.is_number_float())
        return format_double(v.get<double>());
    if (v.is_array())
    {
        std::string out = "[";
        for (std::size_t i = 0; i < v.size(); ++i)
            out += (i ? ", " : "") + value_text(v[i]);
        return out + "]";
    }
    return v.dump();
}

template <class Cfg>
std::string range_cell(const Key<Cfg>& k)
{
    switch (k.kind)
    {
    case Kind::boolean:
    case Kind::schedules: return "";
    case Kind::choice:
    case Kind::name_list: return "one of: " + join_names(k.choices());
    case Kind::norm_type: return range_text(k.range) + " or \"inf\"";
    case Kind::int_list:
        return "each " + range_text(k.range) +
               (k.max_count ? "; at most " + std::to_string(k.max_count) : std::string());
    case Kind::pair: return "each " + range_text(k.range);
    default: return range_text(k.range);
    }
}

std::string row(const std::string& key, const std::string& type, const std::string& dflt,
                const std::string& range, const std::string& doc)
{
    std::string cells = "| `" + key + "` | " + type + " | " + dflt + " | " + range + " | ";
    for (const char ch : doc)
        cells += ch == '|' ? std::string("\\|") : std::string(1, ch);  // |w| inside a table
    return cells + " |\n";
}

const char* header = "| key | type | default | range | meaning |\n|---|---|---|---|---|\n";

template <class Cfg>
std::string table(const std::string& prefix, const std::vector<Key<Cfg>>& keys)
{
    std::string out = header;
    for (const Key<Cfg>& k : keys)
    {
        const std::string dflt = k.default_doc ? k.default_doc : value_text(k.default_value);
        out += row(prefix + k.name, kind_text(k.kind), dflt, range_cell(k), k.doc);
    }
    return out;
}

template <class Desc>
std::string typed_tables(const std::string& prefix, const std::vector<Desc>& list)
{
    std::string out;
    for (const Desc& t : list)
    {
        out += "\n#### `" + std::string(t.type) + "`: " + t.doc + "\n\n";
        out += t.keys.empty() ? "No other keys.\n" : table(prefix, t.keys);
    }
    return out;
}

}  // namespace

std::string config_reference_markdown()
{
    std::ostringstream md;
    md << "## Config reference\n\n"
          "Every key is optional except `runs[].optimizer.type` (when `optimizer` is given). "
          "Unknown keys are errors. S = `train.steps`, L = the run's `optimizer.lr`; S/3 etc. "
          "are integer divisions. Errors name the key by its JSON path, e.g. "
          "`runs[1].optimizer.lr: must be > 0, got -1`.\n\n"
          "### Top level\n\n"
       << header << table("", top_keys()).substr(std::string(header).size())
       << row("data", "object", "", "", "the data set (below)")
       << row("model", "object", "", "", "the network (below)")
       << row("train", "object", "", "", "shared training settings (below)")
       << row("runs", "list of runs", "[{\"optimizer\": {\"type\": \"sgd\"}}]",
              "1 to " + std::to_string(limits::max_runs), "the runs compared side by side")
       << "\n### data\n\n" << table("data.", data_keys())
       << row("data.points", "list of rows", "(required for points)", "4 to 20000 rows of 2 to 65",
              "dataset points only: each row the inputs, then the target; all finite")
       << row("data.task", "string", "\"auto\"", "auto, binary, multiclass, regression",
              "dataset points only: auto = integer targets 0..7 are classes, else regression")
       << "\nThe train/test split takes round(samples * train_fraction) train samples (points: "
          "round(rows * train_fraction)). `samples` and `noise` do not apply to points; "
          "`features` applies to points with exactly 2 inputs.\n"
       << "\n### model\n\n" << table("model.", model_keys())
       << "\n### train\n\n" << table("train.", train_keys())
       << "\n### runs[]\n\n" << header
       << row("name", "string", "\"run 1\", \"run 2\", ...", "unique", "the run's name")
       << row("optimizer", "object", "{\"type\": \"sgd\"}", "", "`type` and its keys (below)")
       << row("schedule", "object", "{\"type\": \"constant\"}", "", "`type` and its keys (below)")
       << row("clip", "object", "{\"type\": \"none\"}", "", "`type` and its keys (below)")
       << row("train", "object", "the top-level train values", "",
              "only batch_size, l1, l2")
       << row("changes", "list", "[]", "at most " + std::to_string(limits::max_changes),
              "hyperparameters changed mid-run (below)")
       << "\n### runs[].train\n\n" << table("train.", run_train_keys())
       << "\n### runs[].changes[]\n\n"
       << "A change is applied before step `at`; `path` is relative to the run and names a key "
          "of the run's optimizer, schedule or clip type, or `train.batch_size`, `train.l1`, "
          "`train.l2`. The run with the change applied must be valid.\n\n"
       << header << row("at", "integer", "(required)", "in [0, S]", "the step it applies from")
       << row("path", "string", "(required)", "", "e.g. `optimizer.lr`")
       << row("value", "any", "(required)", "", "the new value")
       << "\n### runs[].optimizer (PyTorch 1.13's names and semantics)\n"
       << typed_tables("", optimizer_descriptors())
       << "\n### runs[].schedule (torch.optim.lr_scheduler)\n"
       << typed_tables("", schedule_descriptors())
       << "\n### runs[].clip\n" << typed_tables("", clip_descriptors())
       << "\n### The `surface` verb's config\n\n" << table("", surface_keys())
       << row("runs", "list of runs", "[{\"optimizer\": {\"type\": \"sgd\"}}]",
              "1 to " + std::to_string(limits::max_runs),
              "each with `name`, `optimizer`, `schedule`, `clip` (schedule S = `steps`)")
       << row("view", "{x: [MIN, MAX], y: [MIN, MAX]}", "the function's window",
              "-1e6 <= MIN < MAX <= 1e6", "what the page's landscape map shows");
    return md.str();
}

}  // namespace lrlab
