// The heatmap's colormap (sweep_colormap.hpp).
#include "app/sweep_colormap.hpp"

#include <algorithm>
#include <cmath>

namespace lrlab
{
namespace
{

struct Rgb
{
    double r, g, b;  // linear sRGB
    bool in_gamut() const
    {
        return r >= 0 && r <= 1 && g >= 0 && g <= 1 && b >= 0 && b <= 1;
    }
};

// OKLab -> linear sRGB (Ottosson's matrices).
Rgb oklab_to_linear(double L, double a, double b)
{
    const double l = std::pow(L + 0.3963377774 * a + 0.2158037573 * b, 3.0);
    const double m = std::pow(L - 0.1055613458 * a - 0.0638541728 * b, 3.0);
    const double s = std::pow(L - 0.0894841775 * a - 1.2914855480 * b, 3.0);
    return {4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
            -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
            -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s};
}

int encode(double linear)  // the sRGB transfer curve, to 0..255
{
    const double c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * std::pow(linear, 1 / 2.4) - 0.055;
    return int(std::lround(std::clamp(c, 0.0, 1.0) * 255.0));
}

}  // namespace

ImU32 sweep_colormap(double t)
{
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0);
    const double L = 0.32 + 0.61 * t;
    const double hue = (305.0 - 200.0 * t) * 3.14159265358979 / 180.0;
    double chroma = 0.10 + 0.07 * t;
    Rgb c = oklab_to_linear(L, chroma * std::cos(hue), chroma * std::sin(hue));
    for (int k = 0; k < 60 && !c.in_gamut(); ++k)  // less chroma, same lightness and hue
    {
        chroma *= 0.95;
        c = oklab_to_linear(L, chroma * std::cos(hue), chroma * std::sin(hue));
    }
    return IM_COL32(encode(c.r), encode(c.g), encode(c.b), 255);
}

}  // namespace lrlab
