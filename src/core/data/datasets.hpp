// Toy datasets: the 2-D sets of TensorFlow Playground (on [-6, 6]^2), two regression planes and
// a procedural 64-input digits set. Each generator is a pure function of (DataConfig, seed).
#pragma once

#include <string>
#include <vector>

#include "core/config/config.hpp"
#include "core/math/tensor.hpp"

namespace lrlab
{

enum class TaskKind
{
    binary,      // labels 0/1; one sigmoid output, BCE loss
    multiclass,  // labels 0..classes-1; softmax outputs, cross-entropy loss
    regression   // real targets; one linear output, MSE loss
};

// Raw points before the feature map.
struct Dataset
{
    TaskKind task = TaskKind::binary;
    int classes = 2;         // 1 for regression
    int raw_dims = 2;        // 2 for the planar sets, 64 for digits8x8
    Tensor train_x, test_x;  // (n_train, raw_dims), (n_test, raw_dims)
    Vector train_y, test_y;  // class index as float, or the regression target
};

struct DatasetInfo
{
    const char* name;
    TaskKind task;
    int raw_dims;            // 0 for points: its rows say
    const char* label;       // for UI combo boxes
};

// The registry: every dataset name, in display order.
const std::vector<DatasetInfo>& dataset_registry();
const DatasetInfo* find_dataset(const std::string& name);  // nullptr if unknown

// Generates `samples` points with the data seed (Stream::data, Stream::noise), then splits them
// into train and test with Stream::split: n_train = round(samples * train_fraction), at least 1
// each. The config must be valid (config/json.cpp checks it).
Dataset make_dataset(const DataConfig& c);

}  // namespace lrlab
