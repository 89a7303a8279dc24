// Lesson clipping-steep-start: Rosenbrock's outer wall at (-2, -1) has a gradient of norm 4129;
// one plain SGD step at 0.002 moves 8 units, to where the gradient is larger still. Clipping the
// gradient norm to 50 (torch.nn.utils.clip_grad_norm_) caps each step at 0.1 until the slope is
// gentle, after which it changes nothing.
#include "core/lessons/lesson_list.hpp"

namespace lrlab
{

const char* lesson_clipping_steep_start()
{
    return R"json({
  "name": "clipping-steep-start",
  "title": "Clipping a steep start",
  "caption": "The start (-2, -1) is high on Rosenbrock's outer wall, where the gradient's norm is 4129. One SGD step at 0.002 jumps 8 units, to (6.0, 1.0), where the slope is steeper still: the next steps overshoot further and the point leaves for infinity. The same SGD with the gradient norm clipped to 50 walks down the wall in steps of at most 0.1 and, once the slope is gentle, runs unclipped along the valley: loss 0.26 at (0.49, 0.24) after 300 steps. Over 25 starts around this one it was always so.",
  "config": {"function": "rosenbrock", "start": [-2, -1], "steps": 300,
             "view": {"x": [-2.5, 6.5], "y": [-1.5, 3]},
             "runs": [{"name": "sgd", "optimizer": {"type": "sgd", "lr": 0.002}},
                      {"name": "sgd clipped", "optimizer": {"type": "sgd", "lr": 0.002},
                       "clip": {"type": "global_norm", "max_norm": 50}}]},
  "claims": [
    {"text": "plain sgd diverges",
     "left": {"run": "sgd", "metric": "diverged"}, "op": "==", "right": true},
    {"text": "clipped sgd does not diverge",
     "left": {"run": "sgd clipped", "metric": "diverged"}, "op": "==", "right": false},
    {"text": "clipped sgd ends in the valley (loss below 0.5)",
     "left": {"run": "sgd clipped", "metric": "loss"}, "op": "<", "right": 0.5}
  ]
})json";
}

}  // namespace lrlab
