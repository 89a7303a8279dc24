// `lrlab export-torch CONFIG [--run NAME] [--out FILE]`: a run as a self-contained PyTorch
// script (core/export/torch_script.hpp). What PyTorch cannot do as lrlab does is refused with
// exit 2 and a message naming the key.
#include <memory>

#include "cli/commands.hpp"
#include "cli/config_source.hpp"
#include "cli/io.hpp"
#include "core/config/json.hpp"
#include "core/export/torch_script.hpp"

namespace lrlab::cli
{
namespace
{

struct ExportTorchOptions
{
    ConfigSource source;
    std::string run;  // empty: the first run
    std::string out;
};

// The index of the run named `name` (empty: 0), or an error naming --run.
bool find_run(const Config& c, const std::string& name, std::size_t& index,
              std::vector<ConfigError>& errors)
{
    std::string names;
    for (std::size_t i = 0; i < c.runs.size(); ++i)
    {
        if (name.empty() || c.runs[i].name == name)
        {
            index = i;
            return true;
        }
        names += (i ? ", " : "") + nlohmann::json(c.runs[i].name).dump();
    }
    errors.push_back({"--run", "no run named " + nlohmann::json(name).dump() + " (the runs: " +
                                   names + ")"});
    return false;
}

int export_torch_command(const ExportTorchOptions& o)
{
    const ConfigResult parsed = load_config(o.source);
    if (!parsed.ok())
        return report_errors(parsed.errors);
    std::vector<ConfigError> errors;
    std::size_t run = 0;
    if (!find_run(parsed.config, o.run, run, errors))
        return report_errors(errors);
    const TorchScript script = torch_script(parsed.config, run);
    if (!script.ok())
        return report_errors(script.errors);
    std::string error;
    Output out;
    if (!out.open(o.out, error))
        return report_errors({{"--out", error}});
    std::fputs(script.text.c_str(), out.file());
    return exit_ok;
}

}  // namespace

void add_export_torch_command(CLI::App& app, Action& action)
{
    auto o = std::make_shared<ExportTorchOptions>();
    CLI::App* cmd = app.add_subcommand(
        "export-torch", "Print a run as a PyTorch script (optimizer, schedule, clipping)");
    add_config_source(cmd, o->source);
    cmd->add_option("--run", o->run, "The run to export, by name (default: the first)");
    cmd->add_option("--out", o->out, "Write to FILE instead of standard output");
    cmd->callback([o, &action] { action = [o] { return export_torch_command(*o); }; });
}

}  // namespace lrlab::cli
