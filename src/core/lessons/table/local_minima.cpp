// Lesson local-minima: on Ackley's pitted surface, a small LR settles in the pit nearest the
// start, a larger one jumps out of it, and SGDR (high LR, then annealed, again and again)
// settles in the global minimum. Measured over 25 starts around (3.2, 2.6) in
// tests/core/lessons/test_surface_lessons.cpp.
#include "core/lessons/lesson_list.hpp"

namespace lrlab
{

const char* lesson_local_minima()
{
    return R"json({
  "name": "local-minima",
  "title": "Local minima: a small LR stays in the nearest one",
  "caption": "Ackley's function is a bowl pitted with local minima around one deep global minimum at (0, 0). From (3.2, 2.6), SGD at 0.01 slides into the nearest pit and stays there: loss 9.00 at (2.98, 2.98), for good. At 0.1 the steps are too long for the small pits (their curvature, about 50, makes any LR above 0.04 overshoot them): it jumps out and wanders among the inner ones (loss 3.54 at step 300). SGD at 0.3 with warm restarts (SGDR, T_0 = 50) jumps about while its LR is high and settles as it anneals: it ends in the global minimum (loss 4e-5). Over 25 starts around this one the small LR always stayed in its pit, 0.1 always ended below 60% of its loss and SGDR below half of it, in the global minimum's basin in 16 of 25.",
  "config": {"function": "ackley", "start": [3.2, 2.6], "steps": 300,
             "view": {"x": [-4, 4], "y": [-4, 4]},
             "runs": [{"name": "sgd 0.01", "optimizer": {"type": "sgd", "lr": 0.01}},
                      {"name": "sgd 0.1", "optimizer": {"type": "sgd", "lr": 0.1}},
                      {"name": "sgdr 0.3", "optimizer": {"type": "sgd", "lr": 0.3},
                       "schedule": {"type": "cosine_warm_restarts", "T_0": 50}}]},
  "claims": [
    {"text": "sgd 0.01 stays in a pit near the start (loss above 7)",
     "left": {"run": "sgd 0.01", "metric": "loss"}, "op": ">", "right": 7},
    {"text": "sgd 0.01 ends right of x = 2.5, where it started",
     "left": {"run": "sgd 0.01", "metric": "x"}, "op": ">", "right": 2.5},
    {"text": "sgd 0.1 ends below 60% of sgd 0.01's loss",
     "left": {"run": "sgd 0.1", "metric": "loss"}, "op": "<",
     "right": {"run": "sgd 0.01", "metric": "loss"}, "factor": 0.6},
    {"text": "sgdr 0.3 ends below half of sgd 0.01's loss",
     "left": {"run": "sgdr 0.3", "metric": "loss"}, "op": "<",
     "right": {"run": "sgd 0.01", "metric": "loss"}, "factor": 0.5},
    {"text": "sgdr 0.3 ends in the global minimum's basin (loss below 0.01)",
     "left": {"run": "sgdr 0.3", "metric": "loss"}, "op": "<", "right": 0.01}
  ]
})json";
}

}  // namespace lrlab
