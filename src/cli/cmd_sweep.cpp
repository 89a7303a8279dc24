// `lrlab sweep CONFIG [--lr-range MIN:MAX:N] [--optimizers LIST] [--param PATH --values LIST]...
//  [--target-loss X] [--shard I/N | auto/N] [--run NAME] [--fair --best-json FILE]`: the grid of
// DESIGN.md "Choosing the LR", one CSV row per cell (core/tuning/sweep_grid.hpp for the grid).
//
// Every argument and every cell's config is checked before the first cell trains: a bad flag or
// a cell the validator refuses is exit 2, naming the flag or the cell and JSON path.
#include <cmath>
#include <cstdlib>
#include <memory>
#include <optional>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include "cli/commands.hpp"
#include "cli/config_source.hpp"
#include "cli/io.hpp"
#include "core/config/json.hpp"
#include "core/optim/descriptor.hpp"
#include "core/tuning/sweep_fair.hpp"
#include "core/tuning/sweep_cell.hpp"
#include "core/tuning/sweep_grid.hpp"
#include "core/tuning/value_list.hpp"

namespace lrlab::cli
{
namespace
{

struct SweepOptions
{
    ConfigSource config;
    std::string run, lr_range, optimizers, shard, target_loss, out, best_json;
    std::vector<std::string> params, values;
    bool fair = false;
};

struct Shard
{
    std::int64_t index = 0, count = 1;
};

// An environment variable; under node Emscripten's getenv sees only its own defaults, so ask
// node's process.env.
std::optional<std::string> env_var(const std::string& name)
{
#ifdef __EMSCRIPTEN__
    const std::string script = "(function(){var v=process.env['" + name +
                               "'];return v===undefined?'\\u0001':String(v);})()";
    const std::string v = emscripten_run_script_string(script.c_str());
    return v == "\x01" ? std::nullopt : std::optional<std::string>(v);
#else
    const char* v = std::getenv(name.c_str());
    return v ? std::optional<std::string>(v) : std::nullopt;
#endif
}

bool read_index(const std::string& s, std::int64_t& out)
{
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos)
        return false;
    out = std::strtoll(s.c_str(), nullptr, 10);
    return true;
}

// "I/N" or "auto/N" (I from SLURM_ARRAY_TASK_ID, else JOB_COMPLETION_INDEX).
void parse_shard(const std::string& text, Shard& shard, std::vector<ConfigError>& errors)
{
    const std::size_t slash = text.find('/');
    const std::string i = text.substr(0, slash);
    const std::string n = slash == std::string::npos ? "" : text.substr(slash + 1);
    const std::string got = ", got \"" + text + "\"";
    if (!read_index(n, shard.count) || shard.count < 1)
        return errors.push_back({"--shard", "expected I/N or auto/N with N >= 1" + got});
    if (i == "auto")
    {
        const char* from = "SLURM_ARRAY_TASK_ID";
        std::optional<std::string> v = env_var(from);
        if (!v)
            v = env_var(from = "JOB_COMPLETION_INDEX");
        if (!v)
            return errors.push_back({"--shard", "auto/N needs SLURM_ARRAY_TASK_ID (Slurm array) or "
                                                "JOB_COMPLETION_INDEX (Kubernetes Indexed Job)"});
        if (!read_index(*v, shard.index))
            return errors.push_back(
                {"--shard", std::string(from) + " is not a shard index: \"" + *v + "\""});
    }
    else if (!read_index(i, shard.index))
        return errors.push_back({"--shard", "expected I/N or auto/N" + got});
    if (shard.index >= shard.count)
        errors.push_back({"--shard", "I must be in 0..N-1, got " + std::to_string(shard.index) +
                                         "/" + std::to_string(shard.count)});
}

void parse_optimizers(const std::string& text, SweepSpec& spec, std::vector<ConfigError>& errors)
{
    std::size_t start = 0;
    while (true)
    {
        const std::size_t comma = text.find(',', start);
        const std::string type = text.substr(start, comma - start);
        if (find_optimizer_descriptor(type))
            spec.optimizers.push_back(type);
        else
        {
            std::string known;
            for (const OptimizerDescriptor& d : optimizer_descriptors())
                known += (known.empty() ? "" : ", ") + std::string(d.type);
            errors.push_back({"--optimizers",
                              "unknown optimizer \"" + type + "\"; expected one of: " + known});
        }
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
}

// The flags that do not need the config.
void parse_flags(const SweepOptions& o, SweepSpec& spec, Shard& shard,
                 std::optional<double>& target, std::vector<ConfigError>& errors)
{
    if (!o.lr_range.empty())
    {
        const ValueListResult r = parse_log_range(o.lr_range);
        r.ok() ? void(spec.lrs = r.values) : errors.push_back({"--lr-range", r.error});
    }
    if (!o.optimizers.empty())
        parse_optimizers(o.optimizers, spec, errors);
    if (o.params.size() != o.values.size())
        errors.push_back({"--param", "--param and --values come in pairs: got " +
                                         std::to_string(o.params.size()) + " --param and " +
                                         std::to_string(o.values.size()) + " --values"});
    if (!o.shard.empty())
        parse_shard(o.shard, shard, errors);
    if (!o.target_loss.empty())
    {
        char* end = nullptr;
        const double x = std::strtod(o.target_loss.c_str(), &end);
        if (end != o.target_loss.c_str() + o.target_loss.size() || !std::isfinite(x))
            errors.push_back({"--target-loss",
                              "expected a finite number, got \"" + o.target_loss + "\""});
        target = x;
    }
    if (o.fair != !o.best_json.empty())
        errors.push_back(
            {o.fair ? "--fair" : "--best-json", "--fair and --best-json FILE go together"});
    if (o.fair && !o.shard.empty())
        errors.push_back({"--fair", "needs the whole grid: run it on the merged shards "
                                    "(lrlab merge ... --best-json FILE)"});
}

// The base run (--run NAME, default the first) and the --param axes, against the user's JSON.
bool resolve_base(const SweepOptions& o, const nlohmann::json& user, const Config& parsed,
                  std::size_t& base, SweepSpec& spec, std::vector<ConfigError>& errors)
{
    base = 0;
    if (!o.run.empty())
    {
        std::string names;
        base = parsed.runs.size();
        for (std::size_t i = 0; i < parsed.runs.size(); ++i)
        {
            names += (i ? ", " : "") + parsed.runs[i].name;
            if (parsed.runs[i].name == o.run)
                base = i;
        }
        if (base == parsed.runs.size())
            errors.push_back({"--run", "no run named \"" + o.run + "\" (runs: " + names + ")"});
    }
    for (std::size_t a = 0; a < o.params.size() && a < o.values.size(); ++a)
    {
        SweepAxis axis;
        std::string error;
        const ValueListResult v = parse_value_list(o.values[a]);
        if (!resolve_param_path(user, o.params[a], axis.path, error))
            errors.push_back({"--param", error});
        if (!v.ok())
            errors.push_back({"--values (for --param " + o.params[a] + ")", v.error});
        axis.values = v.values;
        spec.axes.push_back(axis);
    }
    if (errors.empty())
    {
        const std::vector<ConfigError> more = check_sweep_spec(spec, base);
        errors.insert(errors.end(), more.begin(), more.end());
    }
    return errors.empty();
}

// Every cell's config, validated; at most a few cells' errors are listed.
bool cell_configs(const nlohmann::json& user, std::size_t base, const SweepSpec& spec,
                  const RunConfig& base_run, std::vector<Config>& configs,
                  std::vector<SweepCell>& cells, std::vector<ConfigError>& errors)
{
    const std::int64_t n = sweep_cell_count(spec);
    int bad = 0;
    for (std::int64_t i = 0; i < n; ++i)
    {
        cells.push_back(sweep_cell(spec, base_run, i));
        ConfigResult c = sweep_cell_config(user, base, spec, cells.back());
        if (!c.ok() && ++bad <= 5)
            errors.insert(errors.end(), c.errors.begin(), c.errors.end());
        configs.push_back(std::move(c.config));
    }
    if (bad > 5)
        errors.push_back({"", std::to_string(bad) + " cells are invalid in all"});
    return bad == 0;
}

bool write_text(const std::string& path, const std::string& text, std::string& error)
{
    Output out;
    return out.open(path, error) && out.write(text);
}

int train_cells(const SweepOptions& o, const SweepSpec& spec, const Shard& shard,
                std::optional<double> target, const std::vector<Config>& configs,
                const std::vector<SweepCell>& cells)
{
    std::string error;
    Output out;
    if (!out.open(o.out, error))
        return report_errors({{"--out", error}});
    std::fprintf(out.file(), "%s\n", sweep_csv_header().c_str());
    std::vector<SweepRow> rows;
    for (std::size_t i = static_cast<std::size_t>(shard.index); i < cells.size();
         i += static_cast<std::size_t>(shard.count))
    {
        SweepRow row;
        row.cell = cells[i].index;
        row.optimizer = cells[i].optimizer;
        row.lr = cells[i].lr;
        row.params = sweep_params_text(spec, cells[i]);
        train_sweep_cell(configs[i], target, row);
        std::fprintf(out.file(), "%s\n", sweep_csv_line(row).c_str());
        std::fflush(out.file());  // a row is written as soon as its cell is done
        rows.push_back(row);
    }
    if (std::ferror(out.file()))
        return exit_internal;
    if (o.fair && !write_text(o.best_json, fair_best_json(fair_best(rows)), error))
        return report_errors({{"--best-json", error}});
    return exit_ok;
}

int sweep_command(const SweepOptions& o)
{
    SweepSpec spec;
    Shard shard;
    std::optional<double> target;
    std::vector<ConfigError> errors;
    parse_flags(o, spec, shard, target, errors);
    nlohmann::json user;
    if (!read_config_json(o.config, user, errors))
        return report_errors(errors);
    const ConfigResult parsed = parse_config(user);
    if (!parsed.ok())
        errors.insert(errors.end(), parsed.errors.begin(), parsed.errors.end());
    if (!errors.empty())
        return report_errors(errors);
    std::size_t base = 0;
    if (!resolve_base(o, user, parsed.config, base, spec, errors))
        return report_errors(errors);
    std::vector<Config> configs;
    std::vector<SweepCell> cells;
    if (!cell_configs(user, base, spec, parsed.config.runs[base], configs, cells, errors))
        return report_errors(errors);
    return train_cells(o, spec, shard, target, configs, cells);
}

}  // namespace

void add_sweep_command(CLI::App& app, Action& action)
{
    auto o = std::make_shared<SweepOptions>();
    CLI::App* cmd = app.add_subcommand(
        "sweep", "Train the base run over a grid of LRs x optimizers x --param values; one CSV "
                 "row per cell");
    add_config_source(cmd, o->config);
    cmd->add_option("--run", o->run, "The base run (default: the first)");
    cmd->add_option("--lr-range", o->lr_range, "MIN:MAX:N, log-spaced, both ends included "
                                               "(default: the base run's LR)");
    cmd->add_option("--optimizers", o->optimizers, "sgd,adam,...: each with its PyTorch defaults "
                                                   "but the LR (default: the base run's)");
    cmd->add_option("--param", o->params, "A JSON path of the config to vary (with --values)")
        ->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    cmd->add_option("--values", o->values, "a,b,c | log:MIN:MAX:N | lin:MIN:MAX:N for the "
                                           "--param before it")
        ->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    cmd->add_option("--target-loss", o->target_loss,
                    "steps_to_target = first evaluated step with test loss <= X");
    cmd->add_option("--shard", o->shard, "I/N: only the cells with cell % N == I; auto/N takes I "
                                         "from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX");
    cmd->add_flag("--fair", o->fair, "Also write each optimizer's best LR and its metrics "
                                     "(--best-json)");
    cmd->add_option("--best-json", o->best_json, "Where --fair writes its JSON");
    cmd->add_option("--out", o->out, "Write to FILE instead of standard output");
    cmd->callback([o, &action] { action = [o] { return sweep_command(*o); }; });
}

}  // namespace lrlab::cli
