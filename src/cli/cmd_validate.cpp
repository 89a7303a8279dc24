// `lrlab validate CONFIG.json`: check a config, print what is wrong (exit 2) or a summary.
// `lrlab reference`: the config reference (every key, default and range) in Markdown.
#include <memory>

#include "cli/commands.hpp"
#include "core/config/json.hpp"
#include "cli/io.hpp"

namespace lrlab::cli
{
namespace
{

int validate_command(const std::string& path)
{
    std::string text, error;
    if (!read_input(path, text, error))
        return report_errors({{"", error}});
    const ConfigResult parsed = parse_config_text(text);
    if (!parsed.ok())
    {
        for (const ConfigError& e : parsed.errors)
            std::printf("%s\n", to_string(e).c_str());
        return exit_usage;
    }
    std::printf("ok: %zu run(s), %lld steps\n", parsed.config.runs.size(),
                static_cast<long long>(parsed.config.train.steps));
    return exit_ok;
}

}  // namespace

void add_validate_command(CLI::App& app, Action& action)
{
    auto path = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand("validate", "Check a config and print what is wrong");
    cmd->add_option("config", *path, "Experiment config (JSON file, or - for stdin)")->required();
    cmd->callback([path, &action] { action = [path] { return validate_command(*path); }; });
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
