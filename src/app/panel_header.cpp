// Header: the title and the page's outward actions — share link, embed snippet, export (CSV,
// JSON, PNG) and import.
#include <algorithm>

#include <imgui.h>

#include "app/metrics_json.hpp"
#include "app/panels.hpp"
#include "app/url_sync.hpp"
#include "app/web_api.hpp"
#include "app/widgets.hpp"
#include "core/config/json.hpp"

namespace lrlab
{

namespace
{

void embed_popup(AppState& app)
{
    if (!app.ui.show_embed)
        return;
    ImGui::OpenPopup("Embed");
    ImGui::SetNextWindowSize({ImGui::GetFontSize() * 36, 0});
    if (ImGui::BeginPopupModal("Embed", &app.ui.show_embed))
    {
        ImGui::TextWrapped("Paste this into a course page. The host page may drive it with "
                           "postMessage ({lrlab: \"play\"}, ...); add &parentOrigin=ORIGIN to "
                           "the URL to obey only that page.");
        std::string snippet = embed_snippet(app);
        ImGui::InputTextMultiline("##snippet", snippet.data(), snippet.size() + 1,
                                  {-1, ImGui::GetFontSize() * 6}, ImGuiInputTextFlags_ReadOnly);
        if (named_button(app, "Copy snippet", "copy-embed"))
        {
            web_copy_text(snippet);
            app.ui.status = "embed snippet copied";
        }
        ImGui::SameLine();
        if (named_button(app, "Close", "close-embed"))
            app.ui.show_embed = false;
        ImGui::EndPopup();
    }
}

// Places the next button after the previous one when it fits on this line, else on the next
// (the header wraps like text on a phone instead of running off the screen).
void flow(float& last_x, const char* label)
{
    const ImGuiStyle& st = ImGui::GetStyle();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float w = ImGui::CalcTextSize(label).x + st.FramePadding.x * 2;
    if (last_x >= 0 && last_x + st.ItemSpacing.x + w <= right + 1.0f)  // 1: rounding
        ImGui::SameLine();
    last_x = ImGui::GetCursorScreenPos().x + w;
}

void header_buttons(AppState& app)
{
    float last_x = -1.0f;
    flow(last_x, "Share");
    if (named_button(app, "Share", "share"))
    {
        web_copy_text(share_url(app));
        app.ui.status = "link copied: it holds the whole config";
    }
    tooltip("Copy a link to this exact view (the URL always holds the whole config).");
    flow(last_x, "Embed");
    if (named_button(app, "Embed", "embed"))
        app.ui.show_embed = true;
    flow(last_x, "CSV");
    if (named_button(app, "CSV", "export-csv"))
        web_download("lrlab-metrics.csv", "text/csv", metrics_csv(*app.experiment));
    tooltip("Metrics so far, the columns of `lrlab run`.");
    flow(last_x, "JSON");
    if (named_button(app, "JSON", "export-json"))
        web_download("lrlab-config.json", "application/json",
                     dump_json(app.landscape.active ? to_json(app.landscape.config)
                                                    : to_json(app.config()), 2) + "\n");
    tooltip("The config, for `lrlab run CONFIG.json` (a landscape: `lrlab surface`), which "
            "reproduces these numbers exactly.");
    flow(last_x, "PNG");
    if (named_button(app, "PNG", "export-png"))
        app.ui.want_png = true;
    flow(last_x, "Import");
    if (named_button(app, "Import", "import"))
        web_pick_config_file();
    tooltip("Load a config JSON file.");
}

// The width the header's buttons take on one line.
float buttons_width()
{
    const ImGuiStyle& st = ImGui::GetStyle();
    float w = 0.0f;
    for (const char* label : {"Share", "Embed", "CSV", "JSON", "PNG", "Import"})
        w += ImGui::CalcTextSize(label).x + st.FramePadding.x * 2 + st.ItemSpacing.x;
    return w - st.ItemSpacing.x;
}

}  // namespace

void panel_header(AppState& app)
{
    const char* subtitle = "learning rates, schedules, optimizers and clipping, side by side";
    const ImGuiStyle& st = ImGui::GetStyle();
    const float right = ImGui::GetWindowContentRegionMax().x;
    const float buttons = buttons_width();
    ImGui::TextUnformatted("lrlab");
    ImGui::SameLine();
    // The subtitle only where it fits beside the buttons; then the buttons to the right, or
    // wrapping below the title on a narrow screen.
    if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(subtitle).x + st.ItemSpacing.x + buttons <=
        right)
    {
        ImGui::TextDisabled("%s", subtitle);
        ImGui::SameLine();
    }
    if (ImGui::GetCursorPosX() + buttons <= right)
        ImGui::SetCursorPosX(right - buttons);
    else
        ImGui::NewLine();
    header_buttons(app);
    embed_popup(app);
    // The last action's line always takes its place, so that nothing below moves when it
    // appears (a second click would land on the wrong widget).
    ImGui::TextDisabled("%s", app.ui.status.empty() ? " " : app.ui.status.c_str());
    publish_item(app, "status");
    ImGui::Separator();
}

}  // namespace lrlab
