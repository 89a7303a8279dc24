// Optimizer and clip objects: reading, the checks that involve several keys, writing back.
#include "core/config/json.hpp"
#include "core/config/keys.hpp"
#include "core/optim/optimizers.hpp"

namespace lrlab
{

using namespace config_detail;

namespace
{

bool registered_optimizer(const std::string& type) { return find_optimizer(type) != nullptr; }

// torch.optim.SGD: "Nesterov momentum requires a momentum and zero dampening".
void check_optimizer(const OptimizerConfig& o, const std::string& path, Errors& errors)
{
    if (o.type == "sgd" && o.nesterov && (o.momentum <= 0 || o.dampening != 0))
    {
        errors.push_back({join(path, "nesterov"),
                          "nesterov requires momentum > 0 and dampening 0, got momentum " +
                              format_double(o.momentum) + ", dampening " +
                              format_double(o.dampening)});
    }
}

}  // namespace

std::vector<ConfigError> parse_optimizer(const nlohmann::json& j, const std::string& path,
                                         OptimizerConfig& out)
{
    Errors errors;
    const DefaultCtx ctx;
    if (read_typed(j, path, optimizer_tables(), "optimizer", nullptr, registered_optimizer, ctx,
                   out, errors) &&
        errors.empty())
        check_optimizer(out, path, errors);
    return errors;
}

std::vector<ConfigError> parse_clip(const nlohmann::json& j, const std::string& path,
                                    ClipConfig& out)
{
    Errors errors;
    const DefaultCtx ctx;
    read_typed(j, path, clip_tables(), "clip", "none", nullptr, ctx, out, errors);
    return errors;
}

nlohmann::json to_json(const OptimizerConfig& c)
{
    json out{{"type", c.type}};
    if (const TypeTable<OptimizerConfig>* t = find_table(optimizer_tables(), c.type))
        write_keys(t->keys, c, out);
    return out;
}

nlohmann::json to_json(const ClipConfig& c)
{
    json out{{"type", c.type}};
    if (const TypeTable<ClipConfig>* t = find_table(clip_tables(), c.type))
        write_keys(t->keys, c, out);
    return out;
}

}  // namespace lrlab
