// Lesson generalization: what the LR does to overfitting, against the article. Overlapping
// Gaussian classes (a Bayes error of a few percent), so that memorising the training points is
// wrong on test points at every seed; on moons the high LR overfitted in only 4 seeds of 10.
#include "core/lessons/lesson_list.hpp"

namespace lrlab
{

const char* lesson_generalization()
{
    return R"json({
  "name": "generalization",
  "title": "The LR and generalization",
  "caption": "The article says too high an LR underfits and too low an LR overfits. Here it is the other way round. On 50 training points of two overlapping classes, Adam at 0.03 memorises them (train loss near zero) and its test loss climbs well above its best: overfitting. L2 at the same LR keeps the test loss far lower. At 3e-5 the same network has not fitted the training points after 2000 steps, and ends with the lowest test loss: a tiny LR is slow, and stopping a slow run early acts like a regulariser.",
  "config": {"data": {"dataset": "gauss", "samples": 100, "noise": 1.0},
             "model": {"hidden": [32, 32], "activation": "relu"},
             "train": {"steps": 2000, "batch_size": 10},
             "runs": [{"name": "adam 0.03", "optimizer": {"type": "adam", "lr": 0.03}},
                      {"name": "adam 0.03 + L2", "optimizer": {"type": "adam", "lr": 0.03},
                       "train": {"l2": 0.01}},
                      {"name": "adam 3e-5", "optimizer": {"type": "adam", "lr": 3e-05}}]},
  "claims": [
    {"text": "adam 0.03 memorises: its train loss ends below 1% of its test loss",
     "left": {"run": "adam 0.03", "metric": "train_loss"}, "op": "<",
     "right": {"run": "adam 0.03", "metric": "test_loss"}, "factor": 0.01},
    {"text": "adam 0.03 overfits: its test loss ends above 1.5 times its best",
     "left": {"run": "adam 0.03", "metric": "test_loss"}, "op": ">",
     "right": {"run": "adam 0.03", "metric": "min_test_loss"}, "factor": 1.5},
    {"text": "L2 keeps the test loss below half of adam 0.03's",
     "left": {"run": "adam 0.03 + L2", "metric": "test_loss"}, "op": "<",
     "right": {"run": "adam 0.03", "metric": "test_loss"}, "factor": 0.5},
    {"text": "adam 3e-5 has not fitted the training points: its train loss is over 10 times adam 0.03's",
     "left": {"run": "adam 3e-5", "metric": "train_loss"}, "op": ">",
     "right": {"run": "adam 0.03", "metric": "train_loss"}, "factor": 10},
    {"text": "adam 3e-5 ends with a lower test loss than adam 0.03",
     "left": {"run": "adam 3e-5", "metric": "test_loss"}, "op": "<",
     "right": {"run": "adam 0.03", "metric": "test_loss"}}
  ]
})json";
}

}  // namespace lrlab
