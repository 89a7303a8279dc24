// `lrlab validate CONFIG.json`: check a config, print what is wrong (exit 2) or a summary.
// `lrlab reference`: the config reference (every key, default and range) in Markdown.
#include <memory>

#include "cli/commands.hpp"
#include "core/config/json.hpp"
#include "cli/config_source.hpp"
#include "cli/io.hpp"

namespace lrlab::cli
{
namespace
{

int validate_command(const ConfigSource& source)
{
    // A file that cannot be read is a usage error (stderr); what is wrong inside it is the
    // verb's output (stdout).
    std::string text;
    std::vector<ConfigError> errors;
    if (!read_config_text(source, text, errors))
        return report_errors(errors);
    nlohmann::json j;
    ConfigResult parsed;
    if (config_json_from_text(source, text, j, errors))
        parsed = parse_config(j);
    else
        parsed.errors = errors;
    if (!parsed.ok())
    {
        for (const ConfigError& e : parsed.errors)
            std::printf("%s\n", error_line(e).c_str());
        return exit_usage;
    }
    std::printf("ok: %zu run(s), %lld steps\n", parsed.config.runs.size(),
                static_cast<long long>(parsed.config.train.steps));
    return exit_ok;
}

}  // namespace

void add_validate_command(CLI::App& app, Action& action)
{
    auto source = std::make_shared<ConfigSource>();
    CLI::App* cmd = app.add_subcommand("validate", "Check a config and print what is wrong");
    add_config_source(cmd, *source);
    cmd->callback([source, &action] { action = [source] { return validate_command(*source); }; });
}

void add_reference_command(CLI::App& app, Action& action)
{
    CLI::App* cmd =
        app.add_subcommand("reference", "Print the config reference (Markdown): every key, "
                                        "its default and range");
    cmd->callback([&action] {
        action = [] {
            std::fputs(config_reference_markdown().c_str(), stdout);
            return exit_ok;
        };
    });
}

}  // namespace lrlab::cli
