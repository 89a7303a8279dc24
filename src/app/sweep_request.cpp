// The page's sweep options (sweep_request.hpp). Sections: [Options] [Cells] [Rows]
#include "app/sweep_request.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

#include "core/config/json.hpp"
#include "core/optim/descriptor.hpp"
#include "core/tuning/base_run.hpp"
#include "core/tuning/sweep_cell.hpp"
#include "core/tuning/value_list.hpp"

namespace lrlab
{

using nlohmann::json;
using Errors = std::vector<ConfigError>;

namespace
{

// ---- [Options] -------------------------------------------------------------------------------

// "--lr-range" -> "lrRange", "--values (for --param x)" -> "values (for param x)": the CLI's
// messages, spelt as the option keys of the JS call.
std::string option_name(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if (text.compare(i, 2, "--") == 0 && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '('))
        {
            ++i;
            continue;
        }
        const bool word_dash = text[i] == '-' && i + 1 < text.size() && i > 0 &&
                               std::isalpha(static_cast<unsigned char>(text[i - 1])) &&
                               std::isalpha(static_cast<unsigned char>(text[i + 1]));
        if (word_dash)
            out += char(std::toupper(static_cast<unsigned char>(text[++i])));
        else
            out += text[i];
    }
    return out;
}

Errors as_option_names(Errors errors)
{
    for (ConfigError& e : errors)
    {
        if (e.path.compare(0, 2, "--") == 0)
            e.path = option_name(e.path);
        e.message = option_name(e.message);
    }
    return errors;
}

// 's' string, 'n' number, 'b' boolean, 'o' object, 'l' string or array (a list), 'a' array.
bool check_types(const json& opts, Errors& errors)
{
    static const std::map<std::string, char> allowed{
        {"config", 'o'},   {"run", 's'},    {"lrRange", 's'},    {"optimizers", 'l'},
        {"param", 's'},    {"values", 'l'}, {"params", 'a'},     {"targetLoss", 'n'},
        {"fair", 'b'}};
    if (!opts.is_object())
        return errors.push_back({"", "the options must be an object"}), false;
    for (auto it = opts.begin(); it != opts.end(); ++it)
    {
        const auto a = allowed.find(it.key());
        if (a == allowed.end())
        {
            errors.push_back({it.key(), "unknown option (known: config, run, lrRange, optimizers, "
                                        "param, values, params, targetLoss, fair)"});
            continue;
        }
        const json& v = it.value();
        const char k = a->second;
        const bool ok = (k == 's' && v.is_string()) || (k == 'n' && v.is_number()) ||
                        (k == 'b' && v.is_boolean()) || (k == 'o' && v.is_object()) ||
                        (k == 'a' && v.is_array()) ||
                        (k == 'l' && (v.is_string() || v.is_array()));
        if (!ok)
            errors.push_back({it.key(), std::string("must be ") +
                                            (k == 's' ? "a string" : k == 'n' ? "a number"
                                             : k == 'b' ? "true or false" : k == 'o' ? "an object"
                                             : k == 'a' ? "an array of {param, values}"
                                             : "a list text or an array")});
    }
    return errors.empty();
}

void read_optimizers(const json& v, SweepSpec& spec, Errors& errors)
{
    std::vector<std::string> names;
    if (v.is_string())
    {
        const std::string text = v.get<std::string>();
        for (std::size_t start = 0;;)
        {
            const std::size_t comma = text.find(',', start);
            names.push_back(text.substr(start, comma - start));
            if (comma == std::string::npos)
                break;
            start = comma + 1;
        }
    }
    for (std::size_t i = 0; v.is_array() && i < v.size(); ++i)
        v[i].is_string() ? names.push_back(v[i].get<std::string>())
                         : errors.push_back({"optimizers", "every entry must be a string"});
    for (const std::string& type : names)
    {
        if (find_optimizer_descriptor(type))
        {
            spec.optimizers.push_back(type);
            continue;
        }
        std::string known;
        for (const OptimizerDescriptor& d : optimizer_descriptors())
            known += (known.empty() ? "" : ", ") + std::string(d.type);
        errors.push_back({"optimizers", "unknown optimizer \"" + type + "\"; expected one of: " +
                                            known});
    }
}

ValueListResult read_values(const json& v)
{
    if (v.is_string())
        return parse_value_list(v.get<std::string>());
    ValueListResult r;
    if (!v.is_array() || v.empty())
        return r.error = "must be a list text like \"log:1e-3:1:7\" or an array of numbers", r;
    for (const json& x : v)
    {
        if (!x.is_number() || !std::isfinite(x.get<double>()))
            return r.error = "every value must be a finite number", r;
        r.values.push_back(x.get<double>());
    }
    if (r.values.size() > std::size_t(max_list_values))
        r.error = "more than " + std::to_string(max_list_values) + " values";
    return r;
}

// The --param/--values pairs: `param`/`values`, then each of `params`.
void read_axes(const json& opts, const json& user, SweepSpec& spec, Errors& errors)
{
    std::vector<std::pair<json, json>> pairs;
    if (opts.contains("param") != opts.contains("values"))
        errors.push_back({opts.contains("param") ? "values" : "param",
                          "param and values come in pairs"});
    else if (opts.contains("param"))
        pairs.emplace_back(opts["param"], opts["values"]);
    const json none = json::array();
    const json& list = opts.contains("params") ? opts["params"] : none;
    for (const json& p : list)
        pairs.emplace_back(p.is_object() && p.contains("param") ? p["param"] : json(),
                           p.is_object() && p.contains("values") ? p["values"] : json());
    for (const auto& [param, values] : pairs)
    {
        if (!param.is_string())
        {
            errors.push_back({"params", "every entry must be {param: PATH, values: LIST}"});
            continue;
        }
        SweepAxis axis;
        std::string error;
        if (!resolve_param_path(user, param.get<std::string>(), axis.path, error))
            errors.push_back({"param", param.get<std::string>() + ": " + error});
        const ValueListResult v = read_values(values);
        if (!v.ok())
            errors.push_back({"values (for param " + param.get<std::string>() + ")", v.error});
        axis.values = v.values;
        spec.axes.push_back(axis);
    }
}

// ---- [Cells] ---------------------------------------------------------------------------------

Errors check_every_cell(const SweepRequest& r)
{
    Errors errors;
    int bad = 0;
    for (std::int64_t i = 0; i < r.cells; ++i)
    {
        const ConfigResult c = sweep_cell_config(r.user, r.base, r.spec,
                                                 sweep_cell(r.spec, r.base_run, i));
        if (!c.ok() && ++bad <= 5)
            errors.insert(errors.end(), c.errors.begin(), c.errors.end());
    }
    if (bad > 5)
        errors.push_back({"", std::to_string(bad) + " cells are invalid in all"});
    return errors;
}

}  // namespace

Errors read_sweep_request(const json& opts, const json& page_config, bool check_cells,
                          SweepRequest& out)
{
    Errors errors;
    if (!check_types(opts, errors))
        return errors;
    out.user = opts.contains("config") ? opts["config"] : page_config;
    const ConfigResult parsed = parse_config(out.user);
    if (!parsed.ok())
        return parsed.errors;
    if (opts.contains("lrRange"))
    {
        const ValueListResult v = parse_log_range(opts["lrRange"].get<std::string>());
        v.ok() ? void(out.spec.lrs = v.values) : errors.push_back({"lrRange", v.error});
    }
    if (opts.contains("optimizers"))
        read_optimizers(opts["optimizers"], out.spec, errors);
    read_axes(opts, out.user, out.spec, errors);
    if (opts.contains("targetLoss"))
    {
        const double x = opts["targetLoss"].get<double>();
        std::isfinite(x) ? void(out.target = x)
                         : errors.push_back({"targetLoss", "must be a finite number"});
    }
    out.fair = opts.value("fair", false);
    ConfigError run_error;
    const std::string run = opts.contains("run") ? opts["run"].get<std::string>() : "";
    if (!find_base_run(parsed.config, run, out.base, run_error))
        errors.push_back(run_error);
    if (errors.empty())
        errors = check_sweep_spec(out.spec, out.base);
    if (!errors.empty())
        return as_option_names(errors);
    out.base_run = parsed.config.runs[out.base];
    out.cells = sweep_cell_count(out.spec);
    return check_cells ? check_every_cell(out) : Errors{};
}

bool train_sweep_request_cell(const SweepRequest& r, std::int64_t cell, SweepRow& row,
                              Errors& errors)
{
    const SweepCell c = sweep_cell(r.spec, r.base_run, cell);
    const ConfigResult config = sweep_cell_config(r.user, r.base, r.spec, c);
    if (!config.ok())
        return errors = config.errors, false;
    row = SweepRow{};
    row.cell = c.index;
    row.optimizer = c.optimizer;
    row.lr = c.lr;
    row.params = sweep_params_text(r.spec, c);
    train_sweep_cell(config.config, r.target, row);
    return true;
}

// ---- [Rows] ----------------------------------------------------------------------------------

namespace
{

json real_or_null(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

template <typename T>
json optional_json(const std::optional<T>& v)
{
    return v && std::isfinite(double(*v)) ? json(*v) : json(nullptr);
}

double real_of(const json& j, const char* key)
{
    return j.contains(key) && j[key].is_number() ? j[key].get<double>()
                                                 : std::numeric_limits<double>::quiet_NaN();
}

template <typename T>
std::optional<T> optional_of(const json& j, const char* key)
{
    if (!j.contains(key) || !j[key].is_number())
        return std::nullopt;
    return j[key].get<T>();
}

}  // namespace

json sweep_row_json(const SweepRow& r)
{
    return {{"cell", r.cell},
            {"optimizer", r.optimizer},
            {"lr", real_or_null(r.lr)},
            {"params", r.params},
            {"final_train_loss", real_or_null(r.final_train_loss)},
            {"final_test_loss", real_or_null(r.final_test_loss)},
            {"best_test_loss", real_or_null(r.best_test_loss)},
            {"best_step", optional_json(r.best_step)},
            {"final_test_acc", optional_json(r.final_test_acc)},
            {"steps_to_target", optional_json(r.steps_to_target)},
            {"diverged", r.diverged}};
}

bool sweep_row_from_json(const json& j, SweepRow& r)
{
    if (!j.is_object() || !j.contains("cell") || !j["cell"].is_number_integer() ||
        !j.contains("optimizer") || !j["optimizer"].is_string())
        return false;
    r.cell = j["cell"].get<std::int64_t>();
    r.optimizer = j["optimizer"].get<std::string>();
    r.lr = real_of(j, "lr");
    r.params = j.contains("params") && j["params"].is_string() ? j["params"].get<std::string>()
                                                                : "";
    r.final_train_loss = real_of(j, "final_train_loss");
    r.final_test_loss = real_of(j, "final_test_loss");
    r.best_test_loss = real_of(j, "best_test_loss");
    r.best_step = optional_of<std::int64_t>(j, "best_step");
    r.final_test_acc = optional_of<double>(j, "final_test_acc");
    r.steps_to_target = optional_of<std::int64_t>(j, "steps_to_target");
    r.diverged = j.contains("diverged") && j["diverged"].is_boolean() && j["diverged"].get<bool>();
    return true;
}

json sweep_cell_as_run(const SweepRequest& r, const SweepRow& row, std::vector<std::string>& skipped)
{
    const SweepCell c = sweep_cell(r.spec, r.base_run, row.cell);
    json run = r.user["runs"][r.base];
    if (!r.spec.optimizers.empty())
        run["optimizer"] = {{"type", c.optimizer}, {"lr", c.lr}};
    else
        run["optimizer"]["lr"] = c.lr;
    for (std::size_t a = 0; a < r.spec.axes.size(); ++a)
    {
        ParamPath p = r.spec.axes[a].path;
        const bool in_run = p.parts.size() > 2 && p.parts[0].key == "runs";
        const bool overridable = p.parts.size() == 2 && p.parts[0].key == "train" &&
                                 (p.parts[1].key == "batch_size" || p.parts[1].key == "l1" ||
                                  p.parts[1].key == "l2");
        if (in_run)
            p.parts.erase(p.parts.begin(), p.parts.begin() + 2);
        if (in_run || overridable)
            set_param(run, p, c.values[a]);
        else
            skipped.push_back(p.text);
    }
    char lr[32];
    std::snprintf(lr, sizeof lr, "%.4g", c.lr);  // a name to read; the run holds the exact LR
    std::string name = c.optimizer + " " + lr;
    if (!row.params.empty())
        name += " " + row.params;
    run["name"] = name;
    return run;
}

}  // namespace lrlab
