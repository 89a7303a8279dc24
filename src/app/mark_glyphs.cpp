// Drawn tick and cross glyphs (mark_glyphs.hpp): anti-aliased strokes, white with alpha like the
// font's own glyphs, so that ImGui tints them with the text colour.
#include "app/mark_glyphs.hpp"

#include <algorithm>
#include <cmath>

namespace lrlab
{

namespace
{

struct Segment
{
    float x0, y0, x1, y1;  // in units of the glyph's width and height
};

// Distance from (px, py) to the segment, in pixels.
float distance(float px, float py, const Segment& s, float w, float h)
{
    const float ax = s.x0 * w, ay = s.y0 * h, bx = s.x1 * w, by = s.y1 * h;
    const float dx = bx - ax, dy = by - ay;
    const float len2 = dx * dx + dy * dy;
    const float t = len2 > 0 ? std::clamp(((px - ax) * dx + (py - ay) * dy) / len2, 0.0f, 1.0f)
                             : 0.0f;
    return std::hypot(px - (ax + t * dx), py - (ay + t * dy));
}

void draw(ImFontAtlas& atlas, int rect, const Segment* segs, int n, float thickness)
{
    unsigned char* pixels = nullptr;
    int tex_w = 0, tex_h = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &tex_w, &tex_h);
    const ImFontAtlasCustomRect& r = *atlas.GetCustomRectByIndex(rect);
    for (int y = 0; y < r.Height; ++y)
        for (int x = 0; x < r.Width; ++x)
        {
            float d = 1e9f;
            for (int i = 0; i < n; ++i)
                d = std::min(d, distance(x + 0.5f, y + 0.5f, segs[i], r.Width, r.Height));
            const float a = std::clamp(thickness / 2 + 0.5f - d, 0.0f, 1.0f);
            reinterpret_cast<ImU32*>(pixels)[(r.Y + y) * tex_w + r.X + x] =
                IM_COL32(255, 255, 255, int(std::lround(a * 255)));
        }
}

}  // namespace

MarkGlyphs add_mark_glyphs(ImFontAtlas& atlas, ImFont* font, float size)
{
    // ProggyClean's cell is 7 x 13 at size 13: a mark one cell wide, from cap height down to
    // the baseline, then a space.
    MarkGlyphs m;
    m.size = size;
    const int w = int(std::lround(size * 8.0 / 13.0));
    const int h = int(std::lround(size * 8.0 / 13.0));
    const float advance = std::round(size * 10.0f / 13.0f);
    const ImVec2 offset{std::round(size / 13.0f), std::round(size * 3.0f / 13.0f)};
    m.tick = atlas.AddCustomRectFontGlyph(font, 0x2713, w, h, advance, offset);
    m.cross = atlas.AddCustomRectFontGlyph(font, 0x2717, w, h, advance, offset);
    return m;
}

void draw_mark_glyphs(ImFontAtlas& atlas, const MarkGlyphs& m)
{
    const float thickness = std::max(1.3f, m.size / 8.0f);
    const Segment tick[] = {{0.08f, 0.55f, 0.38f, 0.88f}, {0.38f, 0.88f, 0.94f, 0.1f}};
    const Segment cross[] = {{0.14f, 0.14f, 0.86f, 0.86f}, {0.86f, 0.14f, 0.14f, 0.86f}};
    draw(atlas, m.tick, tick, 2, thickness);
    draw(atlas, m.cross, cross, 2, thickness);
}

}  // namespace lrlab
