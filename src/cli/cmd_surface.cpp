// `lrlab surface CONFIG.json [--out FILE]`: optimizer trajectories on a 2-D test function.
#include <memory>

#include "cli/commands.hpp"
#include "core/surface/run.hpp"
#include "core/train/csv.hpp"
#include "cli/config_source.hpp"
#include "cli/io.hpp"

namespace lrlab::cli
{
namespace
{

struct SurfaceOptions
{
    ConfigSource config;
    std::string out;
};

int surface_command(const SurfaceOptions& o)
{
    nlohmann::json j;
    std::vector<ConfigError> errors;
    if (!read_config_json(o.config, j, errors))
        return report_errors(errors);
    const SurfaceConfigResult parsed = parse_surface_config(j);
    if (!parsed.ok())
        return report_errors(parsed.errors);
    std::string error;
    Output out;
    if (!out.open(o.out, error))
        return report_errors({{"", error}});

    std::fputs("run,step,x,y,loss,lr,grad_norm\n", out.file());
    for (std::size_t i = 0; i < parsed.config.runs.size(); ++i)
    {
        const std::string name = csv_field(parsed.config.runs[i].name);
        for (const SurfaceRow& r : surface_trajectory(parsed.config, i))
        {
            // x, y and the loss are float32 values: printed in float32's shortest form.
            const std::string row = name + "," + std::to_string(r.step) + "," +
                                    format_float32(float(r.x)) + "," + format_float32(float(r.y)) +
                                    "," + format_float32(float(r.loss)) + "," +
                                    format_number(r.lr) + "," + format_number(r.grad_norm) + "\n";
            std::fputs(row.c_str(), out.file());
        }
    }
    return exit_ok;
}

}  // namespace

void add_surface_command(CLI::App& app, Action& action)
{
    auto o = std::make_shared<SurfaceOptions>();
    CLI::App* cmd = app.add_subcommand("surface", "Optimizer trajectories on a 2-D test function");
    add_config_source(cmd, o->config, "Surface config (JSON file, or - for stdin)");
    cmd->add_option("--out", o->out, "Write to FILE instead of standard output");
    cmd->callback([o, &action] { action = [o] { return surface_command(*o); }; });
}

}  // namespace lrlab::cli
