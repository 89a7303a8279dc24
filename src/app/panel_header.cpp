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

}  // namespace

void panel_header(AppState& app)
{
    ImGui::TextUnformatted("lrlab");
    ImGui::SameLine();
    ImGui::TextDisabled("learning rates, schedules, optimizers and clipping, side by side");
    ImGui::SameLine();
    const float fs = ImGui::GetFontSize();
    const float buttons = fs * 33;
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - buttons));
    if (named_button(app, "Share", "share"))
    {
        web_copy_text(share_url(app));
        app.ui.status = "link copied: it holds the whole config";
    }
    tooltip("Copy a link to this exact view (the URL always holds the whole config).");
    ImGui::SameLine();
    if (named_button(app, "Embed", "embed"))
        app.ui.show_embed = true;
    ImGui::SameLine();
    if (named_button(app, "CSV", "export-csv"))
        web_download("lrlab-metrics.csv", "text/csv", metrics_csv(*app.experiment));
    tooltip("Metrics so far, the columns of `lrlab run`.");
    ImGui::SameLine();
    if (named_button(app, "JSON", "export-json"))
        web_download("lrlab-config.json", "application/json",
                     dump_json(to_json(app.config()), 2) + "\n");
    tooltip("The config, for `lrlab run CONFIG.json` (reproduces these numbers exactly).");
    ImGui::SameLine();
    if (named_button(app, "PNG", "export-png"))
        app.ui.want_png = true;
    ImGui::SameLine();
    if (named_button(app, "Import", "import"))
        web_pick_config_file();
    tooltip("Load a config JSON file.");
    embed_popup(app);
    if (!app.ui.status.empty())
        ImGui::TextDisabled("%s", app.ui.status.c_str());
    ImGui::Separator();
}

}  // namespace lrlab
