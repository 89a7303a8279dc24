// Lesson saddle: near the ridge of x^2 - y^2 the gradient across it (-2y) is tiny, so SGD's
// escape grows only as (1 + 2 lr)^t; Adam and RMSprop divide by the running root mean square of
// each coordinate's gradient, so a tiny but steady gradient still gives a full-size step.
#include "core/lessons/lesson_list.hpp"

namespace lrlab
{

const char* lesson_saddle()
{
    return R"json({
  "name": "saddle",
  "title": "A saddle: SGD lingers, adaptive methods leave",
  "caption": "On x² − y² the origin is a saddle: a minimum along x, a maximum along y, and on the ridge y = 0 nothing pushes the point off it. From (1, 0.001), just off the ridge, SGD at 0.01 slides to the saddle and lingers: after 200 steps it is at (0.018, 0.052), loss −0.0024. Adam and RMSprop at the same LR scale each coordinate's step by its own gradient's size, so the tiny slope across the ridge gets a full step: Adam ends at y = 3.0 (loss −9.2), RMSprop at y = 4.4 (loss −19.2). Over 25 starts near the ridge (x ± 0.2, y ± 0.0008) it was always so.",
  "config": {"function": "saddle", "start": [1, 0.001], "steps": 200,
             "runs": [{"name": "sgd", "optimizer": {"type": "sgd", "lr": 0.01}},
                      {"name": "adam", "optimizer": {"type": "adam", "lr": 0.01}},
                      {"name": "rmsprop", "optimizer": {"type": "rmsprop", "lr": 0.01}}]},
  "claims": [
    {"text": "sgd is still near the saddle (loss above -0.05)",
     "left": {"run": "sgd", "metric": "loss"}, "op": ">", "right": -0.05},
    {"text": "adam has left it (loss below -5)",
     "left": {"run": "adam", "metric": "loss"}, "op": "<", "right": -5},
    {"text": "rmsprop has left it (loss below -5)",
     "left": {"run": "rmsprop", "metric": "loss"}, "op": "<", "right": -5}
  ]
})json";
}

}  // namespace lrlab
