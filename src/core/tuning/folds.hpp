// K folds of a training set for cross-validation (DESIGN.md, "Choosing the LR": `lrlab cv`).
//
// The folds partition the training set (the test set is never part of them) and depend only on
// data.seed, the labels and K: every value `cv` tries sees the very same folds. For
// classification they are stratified as scikit-learn's StratifiedKFold is: each class's samples
// are shuffled and dealt to the folds in turn, the dealing carrying on from one class to the
// next, so every fold holds each class in nearly the training set's proportion and fold sizes
// differ by at most one. Regression is one class.
#pragma once

#include <cstdint>
#include <vector>

#include "core/train/run.hpp"

namespace lrlab
{

struct Folds
{
    // members[f]: the training-set rows of fold f, ascending.
    std::vector<std::vector<std::uint32_t>> members;
    std::size_t size() const { return members.size(); }
};

// k in [2, n_train] (callers validate). The shuffles use Rng::stream(seed, Stream::split, 1):
// index 0 of that stream is the train/test split.
Folds make_folds(const TrainingData& data, int k, std::uint64_t seed);

// The data of fold f's training: train_* = every row of the other folds (in the training
// set's order), test_* = fold f's rows (the validation set). The feature map is already
// applied in `data`, so the rows are copied as they are.
TrainingData fold_data(const TrainingData& data, const Folds& folds, std::size_t f);

}  // namespace lrlab
