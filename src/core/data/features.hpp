// Input features for the 2-D sets (TensorFlow Playground's): x1, x2, x1_sq, x2_sq, x1_x2,
// sin_x1, sin_x2. digits8x8 feeds its 64 pixels unchanged.
#pragma once

#include <string>
#include <vector>

#include "core/data/datasets.hpp"

namespace lrlab
{

struct FeatureInfo
{
    const char* name;   // JSON name
    const char* label;  // for the UI: "x1²", "sin(x1)", ...
};

const std::vector<FeatureInfo>& feature_registry();
bool is_feature(const std::string& name);

// out: (n, features.size()) from raw: (n, 2), computed in float32 with detmath.
void apply_features_into(const Tensor& raw, const std::vector<std::string>& features, Tensor& out);

// Number of model inputs for a data config (64 for digits8x8).
int input_dims(const DataConfig& c);

}  // namespace lrlab
