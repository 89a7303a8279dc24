// Optimizer and clip objects: reading (keys and checks from the type's descriptor), writing back.
#include "core/config/json.hpp"
#include "core/config/keys.hpp"

namespace lrlab
{

using namespace config_detail;

std::vector<ConfigError> parse_optimizer(const nlohmann::json& j, const std::string& path,
                                         OptimizerConfig& out)
{
    Errors errors;
    const DefaultCtx ctx;
    const OptimizerDescriptor* d = read_typed(j, path, optimizer_descriptors(), "optimizer",
                                              nullptr, ctx, out, errors);
    if (d && d->check && errors.empty())
        d->check(out, path, errors);
    return errors;
}

std::vector<ConfigError> parse_clip(const nlohmann::json& j, const std::string& path,
                                    ClipConfig& out)
{
    Errors errors;
    const DefaultCtx ctx;
    read_typed(j, path, clip_descriptors(), "clip", "none", ctx, out, errors);
    return errors;
}

nlohmann::json to_json(const OptimizerConfig& c)
{
    return typed_json(c, find_optimizer_descriptor(c.type));
}

nlohmann::json to_json(const ClipConfig& c)
{
    return typed_json(c, find_clip_descriptor(c.type));
}

}  // namespace lrlab
