// Colours of the page: one per run (distinct, in order) and one per class (the heatmaps'
// palette, and the points on them). Binary sets use Playground's orange (0) and blue (1).
#pragma once

#include <cstdint>

#include <imgui.h>

namespace lrlab
{

// Tableau 10, then six more, for up to 16 runs.
inline ImU32 run_color(std::size_t i)
{
    static const ImU32 rgb[16] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b,
                                  0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf, 0x393b79, 0xe7ba52,
                                  0x637939, 0xad494a, 0x7b4173, 0x3182bd};
    const ImU32 c = rgb[i % 16];
    return IM_COL32((c >> 16) & 255, (c >> 8) & 255, c & 255, 255);
}

inline void class_color_rgb(int k, float* out)
{
    static const float rgb[8][3] = {{0.961f, 0.576f, 0.133f}, {0.031f, 0.467f, 0.741f},
                                    {0.173f, 0.627f, 0.173f}, {0.839f, 0.153f, 0.157f},
                                    {0.580f, 0.404f, 0.741f}, {0.549f, 0.337f, 0.294f},
                                    {0.890f, 0.467f, 0.761f}, {0.498f, 0.498f, 0.498f}};
    for (int c = 0; c < 3; ++c)
        out[c] = rgb[k & 7][c];
}

inline ImU32 class_color(int k, float alpha = 1.0f)
{
    float c[3];
    class_color_rgb(k, c);
    return ImGui::ColorConvertFloat4ToU32({c[0], c[1], c[2], alpha});
}

}  // namespace lrlab
