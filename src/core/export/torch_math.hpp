// lrlab's own cos and pow as Python source, for the exported script's --print-lrs: lrlab
// computes them with math/detmath.hpp (the same bits in the page and the CLI), Python with
// libm, which differs in the last bit of some LRs. Defines lrlab_cos, lrlab_pow, _LrlabMath
// (lr_scheduler's `math` with lrlab's cos) and _initial_step_with_lrlab_pow (in place of
// _LRScheduler._initial_step, schedulers built then raise their gamma and power with lrlab's
// pow), to restore with _TORCH_INITIAL_STEP. Needs `math`, `struct`, `lr_scheduler` imported.
#pragma once

namespace lrlab
{

const char* torch_lrlab_math_source();

}  // namespace lrlab
