// One descriptor per clip type (optim/clip.cpp): name, label, doc, keys and the clip itself.
// The validator, make_clip, clip_registry(), the page's descriptions and the README's reference
// are derived from clip_descriptors().
#pragma once

#include <string>
#include <vector>

#include "core/config/key.hpp"
#include "core/model/params.hpp"

namespace lrlab
{

// Rewrites the gradient in place; params is read by agc. nullptr for "none".
using ClipFn = void (*)(const ClipConfig& c, ParamSet& grads, const ParamSet& params);

struct ClipDescriptor : config_detail::TypeDescriptor<ClipConfig>
{
    ClipFn clip = nullptr;
};

const std::vector<ClipDescriptor>& clip_descriptors();  // none first: the default
const ClipDescriptor* find_clip_descriptor(const std::string& type);

}  // namespace lrlab
