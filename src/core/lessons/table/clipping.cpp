// Lesson clipping: a global-norm clip bounds every step of a too-high LR; it does not make the
// LR right near the minimum (the clipped run bounces there), which a schedule then does.
#include "core/lessons/lesson_list.hpp"

namespace lrlab
{

const char* lesson_clipping()
{
    return R"json({
  "name": "clipping",
  "title": "Gradient clipping tames a high LR",
  "caption": "A single large gradient times a high LR throws the weights far away. Clipping the gradient's norm to 1 bounds every step: the same LR of 0.5 that diverges without clipping stays finite with it. Near the minimum the LR is still too high, though, so the clipped run keeps bouncing there; add a cosine schedule and it settles. The gradient chart shows the norm before and after clipping, and the runs table how often the clip was active.",
  "config": {"data": {"dataset": "reg_plane", "noise": 0.1},
             "model": {"hidden": [8], "activation": "linear"},
             "train": {"steps": 300},
             "runs": [{"name": "sgd 0.5", "optimizer": {"type": "sgd", "lr": 0.5}},
                      {"name": "sgd 0.5 clipped", "optimizer": {"type": "sgd", "lr": 0.5},
                       "clip": {"type": "global_norm", "max_norm": 1.0}},
                      {"name": "sgd 0.5 clipped cosine", "optimizer": {"type": "sgd", "lr": 0.5},
                       "schedule": {"type": "cosine"},
                       "clip": {"type": "global_norm", "max_norm": 1.0}}]},
  "claims": [
    {"text": "sgd 0.5 diverges without clipping",
     "left": {"run": "sgd 0.5", "metric": "diverged"}, "op": "==", "right": true},
    {"text": "sgd 0.5 clipped does not diverge",
     "left": {"run": "sgd 0.5 clipped", "metric": "diverged"}, "op": "==", "right": false},
    {"text": "clipped with a cosine schedule, it settles: its test loss falls below 1% of its start",
     "left": {"run": "sgd 0.5 clipped cosine", "metric": "test_loss"}, "op": "<",
     "right": {"run": "sgd 0.5 clipped cosine", "metric": "max_test_loss"}, "factor": 0.01},
    {"text": "without the schedule the clipped run ends higher: it is still bouncing",
     "left": {"run": "sgd 0.5 clipped", "metric": "test_loss"}, "op": ">",
     "right": {"run": "sgd 0.5 clipped cosine", "metric": "test_loss"}}
  ]
})json";
}

}  // namespace lrlab
