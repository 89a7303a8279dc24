// Lesson good-lr: the LR that suits the circle, at two values a factor of 3 apart.
#include "core/lessons/lesson_list.hpp"

namespace lrlab
{

const char* lesson_good_lr()
{
    return R"json({
  "name": "good-lr",
  "title": "A good learning rate",
  "caption": "With a learning rate that suits the problem, the loss falls quickly and smoothly. Here plain SGD at 0.1 and 0.3, a factor of 3 apart, both classify at least 95% of the test points within 1000 steps, whatever the seed; watch the boundary close around the inner disc.",
  "config": {"data": {"dataset": "circle", "noise": 0.1},
             "model": {"hidden": [8, 4]},
             "train": {"steps": 1000},
             "runs": [{"name": "sgd 0.1", "optimizer": {"type": "sgd", "lr": 0.1}},
                      {"name": "sgd 0.3", "optimizer": {"type": "sgd", "lr": 0.3}}]},
  "claims": [
    {"text": "sgd 0.1 classifies at least 95% of the test points",
     "left": {"run": "sgd 0.1", "metric": "test_acc"}, "op": ">=", "right": 0.95},
    {"text": "sgd 0.3 classifies at least 95% of the test points",
     "left": {"run": "sgd 0.3", "metric": "test_acc"}, "op": ">=", "right": 0.95}
  ]
})json";
}

}  // namespace lrlab
