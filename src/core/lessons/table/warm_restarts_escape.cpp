// Lesson warm-restarts-escape: on Ackley, each restart of SGDR lifts the point out of the pit
// its cycle settled in. Measured over 25 starts (tests/core/lessons/test_surface_lessons.cpp):
// the restarts do escape pits, but they also throw the point out of the global minimum, and a
// single cosine from the same peak ended at least as low at every start. With exact gradients
// (no minibatch noise) a restart can only leave a basin too sharp for its peak LR, which the
// slow single anneal avoids anyway; the caption says so rather than claiming more.
#include "core/lessons/lesson_list.hpp"

namespace lrlab
{

const char* lesson_warm_restarts_escape()
{
    return R"json({
  "name": "warm-restarts-escape",
  "title": "Warm restarts: escaping a local minimum",
  "caption": "SGD at 0.2 with warm restarts every 50 steps (SGDR) on Ackley's function, from (3.25, 2.4): its first cycle ends in a pit at loss 2.58; the restart throws it out, and it ends in the global minimum (loss 6e-6), the restarts doing what the article says. Plain cosine from the same peak gets there too, with one slow anneal (loss 6e-10). Over 25 starts around this one a restart lifted SGDR out of the pit its first cycle ended in 8 times and threw it out of the global minimum 6 times; SGDR ended in the global minimum's basin 17 times, cosine 25 times, and SGDR never ended below cosine: without minibatch noise a restart only leaves a basin too sharp for its peak LR.",
  "config": {"function": "ackley", "start": [3.25, 2.4], "steps": 300,
             "view": {"x": [-4, 4], "y": [-4, 4]},
             "runs": [{"name": "sgdr", "optimizer": {"type": "sgd", "lr": 0.2},
                       "schedule": {"type": "cosine_warm_restarts", "T_0": 50}},
                      {"name": "cosine", "optimizer": {"type": "sgd", "lr": 0.2},
                       "schedule": {"type": "cosine"}}]},
  "claims": [
    {"text": "sgdr ends in the global minimum's basin (loss below 0.01)",
     "left": {"run": "sgdr", "metric": "loss"}, "op": "<", "right": 0.01},
    {"text": "cosine ends there too (loss below 0.01)",
     "left": {"run": "cosine", "metric": "loss"}, "op": "<", "right": 0.01},
    {"text": "sgdr ends no lower than cosine",
     "left": {"run": "sgdr", "metric": "loss"}, "op": ">=",
     "right": {"run": "cosine", "metric": "loss"}}
  ]
})json";
}

}  // namespace lrlab
