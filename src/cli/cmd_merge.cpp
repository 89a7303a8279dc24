// `lrlab merge SHARD.csv... [--out FILE] [--fair --best-json FILE]`: the shards of a sweep
// (`lrlab sweep --shard I/N`) joined into exactly the bytes the unsharded sweep prints, or exit 2
// naming the missing, duplicate or mismatched cells (core/tuning/sweep_merge.hpp says what can and
// cannot be detected). `-` reads a shard from standard input.
#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "core/tuning/sweep_fair.hpp"
#include "core/tuning/sweep_merge.hpp"

namespace lrlab::cli
{
namespace
{

struct MergeOptions
{
    std::vector<std::string> shards;
    std::string out, best_json;
    bool fair = false;
};

int merge_command(const MergeOptions& o)
{
    if (o.fair != !o.best_json.empty())
        return report_errors({{o.fair ? "--fair" : "--best-json",
                               "--fair and --best-json FILE go together"}});
    std::vector<ShardText> texts;
    std::vector<ConfigError> errors;
    for (const std::string& path : o.shards)
    {
        ShardText s{path, ""};
        std::string error;
        if (!read_input(path, s.text, error))
            errors.push_back({"", error});
        texts.push_back(std::move(s));
    }
    if (!errors.empty())
        return report_errors(errors);
    const MergeResult merged = merge_sweep_shards(texts);
    for (const std::string& e : merged.errors)
        errors.push_back({"merge", e});
    if (!errors.empty())
        return report_errors(errors);
    std::string error;
    Output out;
    if (!out.open(o.out, error))
        return report_errors({{"--out", error}});
    std::fwrite(merged.csv.data(), 1, merged.csv.size(), out.file());
    if (std::ferror(out.file()))
        return exit_internal;
    if (o.fair)
    {
        Output best;
        if (!best.open(o.best_json, error))
            return report_errors({{"--best-json", error}});
        const std::string json = fair_best_json(fair_best(merged.rows));
        std::fwrite(json.data(), 1, json.size(), best.file());
    }
    return exit_ok;
}

}  // namespace

void add_merge_command(CLI::App& app, Action& action)
{
    auto o = std::make_shared<MergeOptions>();
    CLI::App* cmd = app.add_subcommand(
        "merge", "Join the shards of a sweep (sweep --shard I/N) into the unsharded CSV");
    cmd->add_option("shards", o->shards, "Shard CSV files (- for standard input)")->required();
    cmd->add_option("--out", o->out, "Write to FILE instead of standard output");
    cmd->add_flag("--fair", o->fair, "Also write each optimizer's best LR (--best-json)");
    cmd->add_option("--best-json", o->best_json, "Where --fair writes its JSON");
    cmd->callback([o, &action] { action = [o] { return merge_command(*o); }; });
}

}  // namespace lrlab::cli
