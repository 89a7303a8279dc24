#include "cli/config_source.hpp"

#include "cli/io.hpp"

namespace lrlab::cli
{

void add_config_source(CLI::App* cmd, ConfigSource& source, const std::string& description)
{
    cmd->add_option("config", source.path, description)->required();
}

bool read_config_text(const ConfigSource& source, std::string& text,
                      std::vector<ConfigError>& errors)
{
    std::string error;
    if (read_input(source.path, text, error))
        return true;
    errors.push_back({"", error});
    return false;
}

bool config_json_from_text(const ConfigSource&, const std::string& text, nlohmann::json& config,
                           std::vector<ConfigError>& errors)
{
    ConfigError syntax;
    if (parse_json_text(text, config, syntax))
        return true;
    errors.push_back(syntax);
    return false;
}

bool read_config_json(const ConfigSource& source, nlohmann::json& config,
                      std::vector<ConfigError>& errors)
{
    std::string text;
    return read_config_text(source, text, errors) &&
           config_json_from_text(source, text, config, errors);
}

ConfigResult load_config(const ConfigSource& source)
{
    nlohmann::json j;
    ConfigResult result;
    if (!read_config_json(source, j, result.errors))
        return result;
    return parse_config(j);
}

}  // namespace lrlab::cli
