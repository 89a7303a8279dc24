// make_optimizer and clip_gradients of an exported script, from the optimizer and clip
// descriptors: the keys are torch's argument names; the optimizer gets lr and every key that
// is not at its default (which is torch's default too, but sgd's lr, which torch requires),
// the clip every key.
#include <algorithm>

#include "core/export/python_text.hpp"
#include "core/export/torch_parts.hpp"
#include "core/optim/clip.hpp"
#include "core/optim/descriptor.hpp"

namespace lrlab::torch_parts
{
namespace
{

using config_detail::join;

void add_source(std::vector<std::string>& sources, const char* source)
{
    if (source && std::find(sources.begin(), sources.end(), source) == sources.end())
        sources.push_back(source);
}

}  // namespace

std::string make_optimizer(const OptimizerConfig& o, const std::string& path,
                           std::vector<std::string>& sources, std::vector<ConfigError>& errors)
{
    const OptimizerDescriptor* d = find_optimizer_descriptor(o.type);
    if (!d)
    {
        errors.push_back({join(path, "type"), "unknown optimizer type \"" + o.type + "\""});
        return "";
    }
    add_source(sources, d->torch_source);
    const OptimizerConfig defaults = optimizer_defaults(o.type);
    std::vector<py::Argument> args{{"", "params", ""}};
    for (const OptimizerKey& k : d->keys)
    {
        const bool is_lr = std::string(k.name) == "lr";
        if (!is_lr && k.field.equal(o, defaults))
            continue;
        args.push_back({k.name, py::literal(k.kind, k.field.get(o)),
                        join(path, k.name) + ": " + k.doc});
    }
    std::string out = "def make_optimizer(params):\n";
    out += "    \"\"\"" + path + ": " + d->label + " (" + d->doc + "); the keys not given are at "
           "torch's defaults.\"\"\"\n";
    out += "    return " + py::call(d->torch_class, args, 4).substr(4);
    return out;
}

std::string clip_gradients(const ClipConfig& c, const std::string& path,
                           std::vector<std::string>& sources, std::vector<ConfigError>& errors)
{
    const ClipDescriptor* d = find_clip_descriptor(c.type);
    if (!d)
    {
        errors.push_back({join(path, "type"), "unknown clip type \"" + c.type + "\""});
        return "";
    }
    std::string out = "def clip_gradients(parameters):\n";
    out += "    \"\"\"" + path + ": " + d->type + " (" + d->doc + "), between loss.backward() "
           "and optimizer.step().\"\"\"\n";
    if (!d->torch_call)
        return out + "    return  # no clipping\n";
    add_source(sources, d->torch_source);
    std::vector<py::Argument> args{{"", d->torch_per_tensor ? "p" : "parameters", ""}};
    for (const config_detail::Key<ClipConfig>& k : d->keys)
        args.push_back({k.name, py::literal(k.kind, k.field.get(c)),
                        join(path, k.name) + ": " + k.doc});
    if (!d->torch_per_tensor)
        return out + py::call(d->torch_call, args, 4);
    out += "    for p in parameters:  # each tensor on its own\n";
    return out + py::call(d->torch_call, args, 8);
}

}  // namespace lrlab::torch_parts
