// The heatmap's colormap: perceptually ordered (lightness rises evenly with the value, so the
// picture reads the same in grey and to colour-blind readers), dark violet through blue, teal
// and green to yellow, the path viridis takes (van der Walt and Smith, matplotlib 2015). It is
// computed here, not copied: a straight ramp in OKLab (Ottosson 2020) of lightness 0.32..0.93
// and hue 305°..105°, chroma rising 0.10..0.17 and reduced where sRGB cannot show it.
#pragma once

#include <imgui.h>

namespace lrlab
{

// t in [0, 1] (clamped) -> an opaque colour.
ImU32 sweep_colormap(double t);

}  // namespace lrlab
