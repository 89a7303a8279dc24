// Lesson adaptive-vs-sgd: one LR for every layer. A 16-16 net, so that the contrast holds at
// every seed (8-8 left Adam's test loss only ~25% below SGD's).
#include "core/lessons/lesson_list.hpp"

namespace lrlab
{

const char* lesson_adaptive_vs_sgd()
{
    return R"json({
  "name": "adaptive-vs-sgd",
  "title": "Adam and RMSprop vs SGD",
  "caption": "Adaptive optimizers scale each weight's step by its recent gradient size, so one LR works for every layer. At the same LR of 0.01, after 2000 steps Adam and RMSprop are well on their way to untangling the spiral (a test loss at least 15% below SGD's, in most seeds far more), while SGD is still close to a coin toss.",
  "config": {"data": {"dataset": "spiral", "noise": 0.1},
             "model": {"hidden": [16, 16]},
             "train": {"steps": 2000},
             "runs": [{"name": "sgd 0.01", "optimizer": {"type": "sgd", "lr": 0.01}},
                      {"name": "adam 0.01", "optimizer": {"type": "adam", "lr": 0.01}},
                      {"name": "rmsprop 0.01", "optimizer": {"type": "rmsprop", "lr": 0.01}}]},
  "claims": [
    {"text": "sgd 0.01 is still close to a coin toss: under 75% test accuracy",
     "left": {"run": "sgd 0.01", "metric": "test_acc"}, "op": "<", "right": 0.75},
    {"text": "adam 0.01 ends below 85% of the test loss of sgd 0.01",
     "left": {"run": "adam 0.01", "metric": "test_loss"}, "op": "<",
     "right": {"run": "sgd 0.01", "metric": "test_loss"}, "factor": 0.85},
    {"text": "rmsprop 0.01 ends below 85% of the test loss of sgd 0.01",
     "left": {"run": "rmsprop 0.01", "metric": "test_loss"}, "op": "<",
     "right": {"run": "sgd 0.01", "metric": "test_loss"}, "factor": 0.85},
    {"text": "adam 0.01 classifies more test points than sgd 0.01",
     "left": {"run": "adam 0.01", "metric": "test_acc"}, "op": ">",
     "right": {"run": "sgd 0.01", "metric": "test_acc"}}
  ]
})json";
}

}  // namespace lrlab
