// Lesson momentum: Rosenbrock's curved valley is steep across and nearly flat along, so plain
// SGD at an LR the walls allow crawls along the floor; heavy-ball momentum (PyTorch's
// v = m v + g) accumulates the small consistent gradient along the valley.
#include "core/lessons/lesson_list.hpp"

namespace lrlab
{

const char* lesson_momentum()
{
    return R"json({
  "name": "momentum",
  "title": "Momentum along a valley",
  "caption": "Rosenbrock's valley is steep across and almost flat along its floor. From (-1.5, 2), plain SGD at 0.001 (about the most the walls allow) reaches the floor and crawls: after 300 steps it is at (-1.25, 1.56), loss 5.05, not yet round the bend. With momentum 0.9 at the same LR the small gradient along the floor adds up step after step: it ends at (0.82, 0.66), loss 0.034, near the minimum at (1, 1). Over 25 starts around this one, momentum always ended below 0.05 and plain SGD above 4.",
  "config": {"function": "rosenbrock", "start": [-1.5, 2], "steps": 300,
             "runs": [{"name": "sgd", "optimizer": {"type": "sgd", "lr": 0.001}},
                      {"name": "sgd momentum 0.9",
                       "optimizer": {"type": "sgd", "lr": 0.001, "momentum": 0.9}}]},
  "claims": [
    {"text": "plain sgd is still far along the valley (loss above 4)",
     "left": {"run": "sgd", "metric": "loss"}, "op": ">", "right": 4},
    {"text": "momentum 0.9 ends near the minimum (loss below 0.05)",
     "left": {"run": "sgd momentum 0.9", "metric": "loss"}, "op": "<", "right": 0.05},
    {"text": "momentum 0.9 is past the bend (x above 0.75)",
     "left": {"run": "sgd momentum 0.9", "metric": "x"}, "op": ">", "right": 0.75}
  ]
})json";
}

}  // namespace lrlab
