// The page's entry point: GLFW window and WebGL2 context, ImGui backends, the main loop.
// Nothing else lives here (STYLE.md 9.5): the frame is frame.cpp.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "app/mark_glyphs.hpp"
#include "app/app_state.hpp"
#include "app/frame.hpp"
#include "app/input_queue.hpp"
#include "app/page_layout.hpp"
#include "app/url_sync.hpp"
#include "app/web_api.hpp"

namespace
{

struct Platform
{
    GLFWwindow* window = nullptr;
    lrlab::AppState* app = nullptr;
    lrlab::InputQueue input;
    lrlab::PageLayout layout;
    double scale = 0.0;      // the UI scale the fonts and style were built for
    double last_frame = 0.0;
};

// ImGui's built-in font (ProggyClean) has Latin-1 only, and no em dash (U+2014), which the
// page's messages use: draw one into the atlas, a bar across the whole (monospace) cell at mid
// x-height. Characters of other scripts (Chinese, Arabic, emoji in run names) would show as
// '?', which reads like text: draw U+FFFD as a hollow box instead, which ImGui uses for every
// character the font lacks (ImFont::FallbackChar), the usual sign of "no glyph here". Loading
// fonts for every script (and shaping Arabic, which ImGui 1.86 cannot) is out of scope.
constexpr ImWchar em_dash = 0x2014;
constexpr ImWchar missing_glyph = 0xFFFD;

void fill_rect(ImFontAtlas& atlas, int rect, bool hollow)
{
    unsigned char* pixels = nullptr;
    int tex_w = 0, tex_h = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &tex_w, &tex_h);
    const ImFontAtlasCustomRect& r = *atlas.GetCustomRectByIndex(rect);
    for (int y = r.Y; y < r.Y + r.Height; ++y)
        for (int x = r.X; x < r.X + r.Width; ++x)
        {
            const bool edge = x == r.X || y == r.Y || x == r.X + r.Width - 1 ||
                              y == r.Y + r.Height - 1;
            reinterpret_cast<ImU32*>(pixels)[y * tex_w + x] =
                !hollow || edge ? IM_COL32_WHITE : IM_COL32(255, 255, 255, 0);
        }
}

void add_drawn_glyphs(ImFont* font, float size)
{
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    const int width = int(std::lround(size * 7.0 / 13.0));  // ProggyClean's cell: 7 x 13
    const int thickness = std::max(1, int(std::lround(size / 13.0)));
    const int dash = atlas.AddCustomRectFontGlyph(font, em_dash, width, thickness, float(width),
                                                  {0.0f, std::round(size * 7.0f / 13.0f)});
    const int box_w = std::max(3, width - 2), box_h = int(std::lround(size * 9.0 / 13.0));
    const int box = atlas.AddCustomRectFontGlyph(font, missing_glyph, box_w, box_h, float(width),
                                                 {1.0f, std::round(size * 2.0f / 13.0f)});
    const lrlab::MarkGlyphs marks = lrlab::add_mark_glyphs(atlas, font, size);  // claims' ✓ ✗
    atlas.Build();
    fill_rect(atlas, dash, false);
    fill_rect(atlas, box, true);
    lrlab::draw_mark_glyphs(atlas, marks);
}

// ImGui's default font at 13 px per CSS pixel; the style scaled once per devicePixelRatio.
void apply_scale(Platform& p, double scale)
{
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig font;
    font.SizePixels = float(std::round(13.0 * scale));
    add_drawn_glyphs(io.Fonts->AddFontDefault(&font), font.SizePixels);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 0.0f;
    style.FrameRounding = 2.0f;
    style.ScaleAllSizes(float(scale));
    ImGui::GetStyle() = style;
    p.scale = scale;
}

// Emscripten 3.1.6's GLFW neither follows the window nor devicePixelRatio: the canvas fills the
// window in CSS pixels (web/lrlab.css) and gets as many device pixels as that covers.
void follow_window(Platform& p)
{
    const double dpr = EM_ASM_DOUBLE({ return window.devicePixelRatio || 1; });
    const int css_w = EM_ASM_INT({ return window.innerWidth; });
    const int css_h = EM_ASM_INT({ return window.innerHeight; });
    const int w = std::max(1, int(std::lround(css_w * dpr)));
    const int h = std::max(1, int(std::lround(css_h * dpr)));
    int cw = 0, ch = 0;
    glfwGetWindowSize(p.window, &cw, &ch);
    // Not glfwSetWindowSize: it asks for fullscreen (and pointer lock) whenever the size equals
    // the screen's, which a maximised window or a headless browser does.
    if (cw != w || ch != h)
        EM_ASM({ Module.setCanvasSize($0, $1); }, w, h);
    p.app->ui.pixel_ratio = dpr;
    p.input.scale = css_w > 0 ? double(w) / css_w : dpr;
    if (std::fabs(dpr - p.scale) > 1e-6)
        apply_scale(p, dpr);
}

void main_loop(void* arg)
{
    Platform& p = *static_cast<Platform*>(arg);
    const double now = lrlab::web_now_ms();
    if (p.last_frame > 0)
        p.app->times.frame_ms = p.app->times.frame_ms * 0.9 + (now - p.last_frame) * 0.1;
    p.last_frame = now;
    follow_window(p);
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();  // display size and time; the input is ours (input_queue.hpp)
    lrlab::input_apply(p.input, ImGui::GetIO());
    ImGui::NewFrame();
    lrlab::frame(*p.app, p.layout);
    ImGui::Render();
    int fw = 0, fh = 0;
    glfwGetFramebufferSize(p.window, &fw, &fh);
    glViewport(0, 0, fw, fh);
    glClearColor(0.1f, 0.1f, 0.12f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (p.app->ui.want_png)
    {
        p.app->ui.want_png = false;
        lrlab::web_save_png("lrlab.png");  // same task as the render: the buffer is intact
    }
}

}  // namespace

int main()
{
    if (!glfwInit())
    {
        std::fprintf(stderr, "lrlab: glfwInit failed\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    static Platform platform;  // lives as long as the page
    platform.window = glfwCreateWindow(1024, 700, "lrlab", nullptr, nullptr);
    if (!platform.window)
    {
        std::fprintf(stderr, "lrlab: no WebGL2 context\n");
        EM_ASM({ if (window.lrlabHost) window.lrlabHost.fail('WebGL2 is not available'); });
        return 1;
    }
    glfwMakeContextCurrent(platform.window);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // Emscripten 3.1.6's GLFW answers every cursor change with an exitPointerLock call: keep
    // the browser's cursor.
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    // No GLFW callbacks: Emscripten's GLFW loses fast clicks and taps and takes every wheel
    // turn; the input queue feeds ImGui instead (input_queue.hpp).
    ImGui_ImplGlfw_InitForOpenGL(platform.window, false);
    lrlab::input_listen(platform.input);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    platform.app = new lrlab::AppState();  // lives as long as the page
    lrlab::web_api_bind(platform.app);
    lrlab::load_from_url(*platform.app);
    platform.layout = lrlab::page_layout_from_url(lrlab::web_location_href());
    for (const lrlab::ConfigError& e : lrlab::layout_errors(platform.layout))
        platform.app->ui.url_errors.push_back(e);
    lrlab::heatmap_init(platform.app->heatmaps);
    follow_window(platform);
    emscripten_set_main_loop_arg(main_loop, &platform, 0, false);
    lrlab::web_ready();
    return 0;
}
