// The tick and the cross of the lesson panel's claims (U+2713, U+2717), drawn into the font atlas:
// ImGui's built-in font (ProggyClean) has Latin-1 only, so without them each claim would start
// with the hollow "missing glyph" box.
#pragma once

#include <imgui.h>

namespace lrlab
{

struct MarkGlyphs
{
    int tick = -1, cross = -1;  // custom rectangles of the atlas
    float size = 13.0f;
};

// Reserves the two glyphs in `font` (before the atlas is built) ...
MarkGlyphs add_mark_glyphs(ImFontAtlas& atlas, ImFont* font, float size);
// ... and draws them once it is (into its RGBA32 texture data).
void draw_mark_glyphs(ImFontAtlas& atlas, const MarkGlyphs& m);

}  // namespace lrlab
