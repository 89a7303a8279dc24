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
    // The type in PyTorch, for `lrlab export-torch` (core/export/torch_script.hpp); the keys
    // are the call's argument names. torch_call is the function the script calls on the
    // parameters after backward() (nullptr: no clipping), torch_per_tensor calls it once per
    // parameter tensor (norm), torch_source is its Python definition where torch has none.
    const char* torch_call = nullptr;
    bool torch_per_tensor = false;
    const char* torch_source = nullptr;
};

const std::vector<ClipDescriptor>& clip_descriptors();  // none first: the default
const ClipDescriptor* find_clip_descriptor(const std::string& type);

}  // namespace lrlab
