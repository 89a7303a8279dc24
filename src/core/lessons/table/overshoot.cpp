// Lesson overshoot: gradient descent on a quadratic with largest curvature L is stable for
// LR < 2/L (each step multiplies the error along that axis by 1 - LR L). On 0.5 (x^2 + 10 y^2),
// L = 10: 0.19 flips y's sign every step but shrinks it by 0.9, 0.21 grows it by 1.1.
#include "core/lessons/lesson_list.hpp"

namespace lrlab
{

const char* lesson_overshoot()
{
    return R"json({
  "name": "overshoot",
  "title": "Overshoot: just below and just above 2/L",
  "caption": "On the ravine 0.5 (x² + 10 y²) the steep direction has curvature L = 10, and gradient descent is stable only for an LR below 2/L = 0.2. At 0.19 every step jumps across the ravine (y changes sign each step) yet lands 10% closer: loss 8e-9 after 100 steps. At 0.21 each jump lands 10% farther out: loss 2e9. Letting the LR fall (exponential, 100× over the run) brings 0.21 back below 2/L after two steps and it converges (loss 1e-4); momentum 0.5 at 0.19 damps the zig-zag and ends 10^21 times lower than plain 0.19 (4e-30). Every start tried (25 around (-2, 1.5)) gave the same.",
  "config": {"function": "quadratic", "start": [-2, 1.5], "steps": 100,
             "runs": [{"name": "sgd 0.19", "optimizer": {"type": "sgd", "lr": 0.19}},
                      {"name": "sgd 0.21", "optimizer": {"type": "sgd", "lr": 0.21}},
                      {"name": "sgd 0.21 exponential", "optimizer": {"type": "sgd", "lr": 0.21},
                       "schedule": {"type": "exponential"}},
                      {"name": "sgd 0.19 momentum 0.5",
                       "optimizer": {"type": "sgd", "lr": 0.19, "momentum": 0.5}}]},
  "claims": [
    {"text": "sgd 0.19 converges (loss below 1e-6)",
     "left": {"run": "sgd 0.19", "metric": "loss"}, "op": "<", "right": 1e-6},
    {"text": "sgd 0.21 blows up (loss above 1e6)",
     "left": {"run": "sgd 0.21", "metric": "loss"}, "op": ">", "right": 1e6},
    {"text": "sgd 0.21 with an exponential decay converges (loss below 1e-3)",
     "left": {"run": "sgd 0.21 exponential", "metric": "loss"}, "op": "<", "right": 1e-3},
    {"text": "momentum 0.5 ends below 1e-12 of plain sgd 0.19's loss",
     "left": {"run": "sgd 0.19 momentum 0.5", "metric": "loss"}, "op": "<",
     "right": {"run": "sgd 0.19", "metric": "loss"}, "factor": 1e-12}
  ]
})json";
}

}  // namespace lrlab
