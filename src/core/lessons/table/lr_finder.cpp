// Lesson lr-finder (issue 9): the LR range test picks the LR this lesson trains with. The
// finder's part is proven in tests/core/lessons/test_lesson_tuning.cpp (its `minimum` rule on this
// config, seeds 1-10, lands within 3x of 0.3); the claims here are the three trainings. Adam on a
// one-layer net, so that 10x the suggestion is unstable without diverging and 1/100 of it crawls.
#include "core/lessons/lesson_list.hpp"

namespace lrlab
{

const char* lesson_lr_finder()
{
    return R"json({
  "name": "lr-finder",
  "title": "The LR range test (LR finder)",
  "caption": "Run `lrlab lr-find` (or the LR finder panel) on adam 0.3: it raises the LR every batch from 1e-7 to 10 and watches the loss. Its `minimum` suggestion (the LR of the lowest smoothed loss, divided by 10) is 0.39 at seed 1 and between 0.13 and 0.39 on seeds 1-10, so this lesson trains at 0.3. At 0.3 Adam fits the circle (test loss below 0.1). At 10 times that, 3, it never settles: its test loss ends over 10 times higher and it classifies under 95% of the test points. At 1/100, 0.003, it crawls: after 1000 steps its test loss is still over twice that of 0.3. Checked on seeds 1-10.",
  "config": {"data": {"dataset": "circle", "noise": 0.1},
             "model": {"hidden": [8]},
             "train": {"steps": 1000, "batch_size": 20},
             "runs": [{"name": "adam 0.3", "optimizer": {"type": "adam", "lr": 0.3}},
                      {"name": "adam 3", "optimizer": {"type": "adam", "lr": 3}},
                      {"name": "adam 0.003", "optimizer": {"type": "adam", "lr": 0.003}}]},
  "claims": [
    {"text": "adam 0.3, the suggested LR, fits: test loss below 0.1",
     "left": {"run": "adam 0.3", "metric": "test_loss"}, "op": "<", "right": 0.1},
    {"text": "adam 3 ends with a test loss over 10 times adam 0.3's",
     "left": {"run": "adam 3", "metric": "test_loss"}, "op": ">",
     "right": {"run": "adam 0.3", "metric": "test_loss"}, "factor": 10},
    {"text": "adam 3 classifies under 95% of the test points",
     "left": {"run": "adam 3", "metric": "test_acc"}, "op": "<", "right": 0.95},
    {"text": "adam 0.003 crawls: its test loss is over twice adam 0.3's",
     "left": {"run": "adam 0.003", "metric": "test_loss"}, "op": ">",
     "right": {"run": "adam 0.3", "metric": "test_loss"}, "factor": 2}
  ]
})json";
}

}  // namespace lrlab
