// Lesson momentum: Rosenbrock's curved valley is steep across and nearly flat along, so plain
// SGD at an LR the walls allow crawls along the floor; heavy-ball momentum (PyTorch's
// v = m v + g) accumulates the small consistent gradient along the valley. sgd 0.002 is shown
// unclaimed: it is at the walls' edge (it reaches 7e-4 from this start but diverged at 10 of the
// 25 starts tested), which is the point: plain SGD cannot buy speed with a larger LR here.
#include "core/lessons/lesson_list.hpp"

namespace lrlab
{

const char* lesson_momentum()
{
    return R"json({
  "name": "momentum",
  "title": "Momentum along a valley",
  "caption": "Rosenbrock's valley is steep across and almost flat along its floor. From (-1.5, 2), plain SGD at 0.001 reaches the floor and crawls: after 300 steps it is at (-1.25, 1.56), loss 5.05, not yet round the bend. Doubling its LR is no cure: at 0.002 it gets there from this start (loss 7e-4) but the walls throw it out at 10 of 25 starts around this one (and at 0.0025 from this one). With momentum 0.9 at the safe 0.001 the small gradient along the floor adds up step after step: it ends at (0.82, 0.66), loss 0.034, near the minimum at (1, 1). Over the 25 starts, momentum always ended below 0.05 and plain SGD at 0.001 above 4.",
  "config": {"function": "rosenbrock", "start": [-1.5, 2], "steps": 300,
             "runs": [{"name": "sgd", "optimizer": {"type": "sgd", "lr": 0.001}},
                      {"name": "sgd 0.002", "optimizer": {"type": "sgd", "lr": 0.002}},
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
