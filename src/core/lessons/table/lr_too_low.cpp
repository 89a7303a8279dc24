// Lesson lr-too-low: a tiny LR is slow, not stuck.
#include "core/lessons/lesson_list.hpp"

namespace lrlab
{

const char* lesson_lr_too_low()
{
    return R"json({
  "name": "lr-too-low",
  "title": "Learning rate too low",
  "caption": "Too small a learning rate makes every step tiny: the run at 0.0003 has barely moved after 1000 steps while the same network at 0.1 has solved the task. The loss of a too-low LR is not stuck at a bad minimum, it is just slow.",
  "config": {"data": {"dataset": "circle", "noise": 0.1},
             "model": {"hidden": [8, 4]},
             "train": {"steps": 1000},
             "runs": [{"name": "sgd 0.0003", "optimizer": {"type": "sgd", "lr": 0.0003}},
                      {"name": "sgd 0.1", "optimizer": {"type": "sgd", "lr": 0.1}}]},
  "claims": [
    {"text": "sgd 0.0003 has barely moved: its test loss is still above 85% of its highest (its start)",
     "left": {"run": "sgd 0.0003", "metric": "test_loss"}, "op": ">",
     "right": {"run": "sgd 0.0003", "metric": "max_test_loss"}, "factor": 0.85},
    {"text": "sgd 0.1 classifies at least 95% of the test points",
     "left": {"run": "sgd 0.1", "metric": "test_acc"}, "op": ">=", "right": 0.95},
    {"text": "sgd 0.1 ends with less than half the test loss of sgd 0.0003",
     "left": {"run": "sgd 0.1", "metric": "test_loss"}, "op": "<",
     "right": {"run": "sgd 0.0003", "metric": "test_loss"}, "factor": 0.5}
  ]
})json";
}

}  // namespace lrlab
