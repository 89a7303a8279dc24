// Colours of the page: one per run (distinct, in order) and one per class (the heatmaps'
// palette, and the points on them). Binary sets use Playground's orange (0) and blue (1).
#pragma once

#include <cstdint>

#include <imgui.h>

namespace lrlab
{

// 16 run colours chosen for the dark background (ImGui's dark WindowBg, about #101010): every
// one has a contrast ratio of at least 5.2 against it (WCAG 2.1 asks 3 for graphics) and any two
// are at least 31 apart in CIELAB (Delta E 1976; about 2.3 is just noticeable). Picked by
// farthest-point sampling over sRGB colours with L* 55..85 and chroma 30..75, starting from a
// blue, orange, green and red, so the first runs get the most familiar and most distinct hues.
// Tableau 10 with six extras, used before, had a navy at contrast 1.9 and two blues 4.6 apart.
inline ImU32 run_color(std::size_t i)
{
    static const ImU32 rgb[16] = {0x4e9de6, 0xff8c1a, 0x3cc24a, 0xff5a5f, 0xd25ad2, 0xe1d296,
                                  0x1ee1d2, 0xffb4d2, 0xb4b400, 0xc3784b, 0x5a965a, 0x7878f0,
                                  0xf04b96, 0x1e96a5, 0xa578b4, 0xb4e178};
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
