// lrlab's own cos and pow as Python source, for the exported script's --print-lrs: lrlab
// computes them with math/detmath.hpp (the same bits in the page and the CLI), Python with
// libm, which differs in the last bit of some LRs. Defines lrlab_cos, lrlab_pow, _LrlabMath
// (lr_scheduler's `math` with lrlab's cos) and use_lrlab_pow(scheduler) (its gamma and power
// are raised with lrlab's pow). Needs `math` and `struct` imported.
#pragma once

namespace lrlab
{

const char* torch_lrlab_math_source();

}  // namespace lrlab
