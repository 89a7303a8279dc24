#include "cli/config_source.hpp"

#include <cstdio>

#include "cli/io.hpp"
#include "core/data/points_csv.hpp"

namespace lrlab::cli
{

void add_config_source(CLI::App* cmd, ConfigSource& source, const std::string& description)
{
    cmd->add_option("config", source.path, description)->required();
    cmd->add_option("--points", source.points,
                    "Your own data: a CSV file (header row, numeric columns, the last one the "
                    "target) that becomes data.points with data.dataset \"points\"");
}

namespace
{

std::string config_task(const nlohmann::json& config)
{
    if (config.contains("data") && config["data"].is_object() && config["data"].contains("task") &&
        config["data"]["task"].is_string() && is_points_task(config["data"]["task"]))
        return config["data"]["task"].get<std::string>();
    return "auto";
}

// --points FILE.csv: the file's rows become data.points (dataset "points"); what was inferred
// goes to stderr, since nothing of a file is guessed silently (issue 13). A file that cannot be
// read or checked gives errors naming its line and column (exit 2).
bool apply_points_file(const std::string& file, nlohmann::json& config,
                       std::vector<ConfigError>& errors)
{
    if (!config.is_object())
        return true;  // parse_config says what the config must be
    if (is_surface_json(config))
    {
        errors.push_back({"--points", "a surface config (it has \"function\") takes no data"});
        return false;
    }
    std::string text, error;
    if (!read_input(file, text, error))
    {
        errors.push_back({"--points", error});
        return false;
    }
    PointsCsv csv;
    std::vector<CsvIssue> issues;
    PointsSummary summary;
    const std::string task = config_task(config);
    if (read_points_csv(text, csv, issues))
        check_points_csv(csv, task, summary, issues);
    for (const CsvIssue& i : issues)
        errors.push_back({"--points", file + ": " + csv_issue_text(i, csv)});
    if (!issues.empty())
        return false;
    if (!config.contains("data") || !config["data"].is_object())
        config["data"] = nlohmann::json::object();
    nlohmann::json& data = config["data"];
    if (data.contains("dataset") && data["dataset"] != "points")
        std::fprintf(stderr, "lrlab: --points replaces data.dataset %s by \"points\"\n",
                     data["dataset"].dump().c_str());
    data["dataset"] = "points";
    data["points"] = csv.rows;
    std::fprintf(stderr, "lrlab: --points %s: %s; task %s: %s\n", file.c_str(),
                 describe_csv(csv).c_str(), task.c_str(), describe_points(summary).c_str());
    return true;
}

}  // namespace

bool read_config_text(const ConfigSource& source, std::string& text,
                      std::vector<ConfigError>& errors)
{
    std::string error;
    if (read_input(source.path, text, error))
        return true;
    errors.push_back({"", error});
    return false;
}

bool config_json_from_text(const ConfigSource& source, const std::string& text,
                           nlohmann::json& config, std::vector<ConfigError>& errors)
{
    ConfigError syntax;
    if (!parse_json_text(text, config, syntax))
    {
        errors.push_back(syntax);
        return false;
    }
    return source.points.empty() || apply_points_file(source.points, config, errors);
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
