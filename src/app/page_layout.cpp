// The page's layout (page_layout.hpp): ?panels=, and the full page's arrangement.
#include "app/toast.hpp"
#include "app/page_layout.hpp"

#include <algorithm>
#include <cctype>

#include <imgui.h>

#include "app/panels.hpp"
#include "app/widgets.hpp"
#include "app/landscape_view.hpp"

namespace lrlab
{

const std::vector<std::string>& panel_names()
{
    static const std::vector<std::string> names = {"controls", "lesson",   "lessons",
                                                   "runs",     "editor",   "experiment",
                                                   "boundaries", "loss",   "charts",
                                                   "schedule",
                                                   "finder",   "cv",       "sweep",
                                                   "momentum", "landscape"};  // the landscape view (issue 12)
    return names;
}

namespace
{

// The raw value of ?name= (before any '#'), "" when absent.
std::string query_value(const std::string& href, const std::string& name)
{
    const std::size_t q = href.find('?');
    if (q == std::string::npos)
        return "";
    const std::string query = href.substr(q + 1, href.find('#', q) - q - 1);
    std::size_t at = 0;
    while (at <= query.size())
    {
        const std::size_t end = std::min(query.find('&', at), query.size());
        const std::string part = query.substr(at, end - at);
        if (part.compare(0, name.size() + 1, name + "=") == 0)
            return part.substr(name.size() + 1);
        at = end + 1;
    }
    return "";
}

std::string lower_decoded(const std::string& s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i)
    {
        const auto hex = [&](std::size_t k)
        { return k < s.size() && std::isxdigit(static_cast<unsigned char>(s[k])); };
        if (s[i] == '%' && hex(i + 1) && hex(i + 2))
        {
            out += char(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        }
        else
            out += s[i] == '+' ? ' ' : char(std::tolower(static_cast<unsigned char>(s[i])));
    }
    return out;
}

const std::vector<std::string> embed_defaults = {"controls", "lesson", "boundaries", "loss",
                                                  "landscape"};

}  // namespace

PageLayout page_layout_from_url(const std::string& href)
{
    PageLayout out;
    const std::string value = lower_decoded(query_value(href, "panels"));
    out.chosen = href.find("?panels=") != std::string::npos ||
                 href.find("&panels=") != std::string::npos;
    std::size_t at = 0;
    while (out.chosen && at <= value.size())
    {
        const std::size_t end = std::min(value.find(',', at), value.size());
        std::string name = value.substr(at, end - at);
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        const auto& known = panel_names();
        if (std::find(known.begin(), known.end(), name) != known.end())
            out.panels.push_back(name);
        else if (!name.empty())
            out.unknown.push_back(name);
        at = end + 1;
    }
    return out;
}

bool shows(const PageLayout& layout, bool embed, const std::string& panel)
{
    if (layout.chosen)
        return std::find(layout.panels.begin(), layout.panels.end(), panel) != layout.panels.end();
    if (!embed)
        return panel != "loss" && panel != "lesson"  // inside "charts" and "lessons" there
               && panel != "momentum";  // the landscape view's: only when ?panels= names it
    return std::find(embed_defaults.begin(), embed_defaults.end(), panel) != embed_defaults.end();
}

std::vector<ConfigError> layout_errors(const PageLayout& layout)
{
    std::vector<ConfigError> out;
    std::string known;
    for (const std::string& n : panel_names())
        known += (known.empty() ? "" : ", ") + n;
    for (const std::string& n : layout.unknown)
        out.push_back({"panels", "unknown panel \"" + n + "\" (known: " + known + ")"});
    return out;
}

namespace
{

void settings_panels(AppState& app, const PageLayout& page)
{
    if (shows(page, false, "controls"))
    {
        landscape_view_switch(app);  // Network | Landscape
        panel_transport(app);
    }
    if (app.landscape.active)  // the landscape's own settings (its runs) instead of the network's
    {
        if (shows(page, false, "lessons"))
            panel_lessons(app);
        if (shows(page, false, "runs") || shows(page, false, "landscape"))
            panel_landscape_settings(app);
        return;
    }
    if (shows(page, false, "lessons"))
        panel_lessons(app);
    else if (shows(page, false, "lesson"))
        panel_lesson_caption(app);
    if (shows(page, false, "runs"))
        panel_runs(app);
    if (shows(page, false, "editor"))
        panel_run_editor(app);
    if (shows(page, false, "experiment"))
        panel_experiment(app);
}

bool any_settings(const PageLayout& page)
{
    for (const char* p : {"controls", "lessons", "lesson", "runs", "editor", "experiment"})
        if (shows(page, false, p))
            return true;
    return false;
}

void view_panels(AppState& app, const PageLayout& page)
{
    if (app.landscape.active)
    {
        if (shows(page, false, "landscape"))
            landscape_views(app);
        return;
    }
    if (shows(page, false, "boundaries"))
        panel_boundaries(app);
    if (shows(page, false, "loss"))
        loss_chart(app, {ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 16});
    if (shows(page, false, "charts"))
        panel_charts(app);
    if (shows(page, false, "schedule"))
        panel_schedule_preview(app);
    if (shows(page, false, "finder"))  // collapsed headers: the page looks as before until opened
        panel_lr_finder(app);
    if (shows(page, false, "cv"))
        panel_cross_validation(app);
    if (shows(page, false, "sweep"))
        panel_sweep(app);
    if (shows(page, false, "momentum"))
        panel_momentum_map(app);
}

void full_page(AppState& app, const PageLayout& page)
{
    panel_header(app);
    panel_notices(app);
    const float fs = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    if (width > fs * 50 && any_settings(page))
    {
        const float left = std::clamp(width * 0.34f, fs * 30, fs * 40);
        ImGui::BeginChild("settings", {left, 0}, false);
        settings_panels(app, page);
        ImGui::EndChild();
        publish_item(app, "column:settings");  // its visible rectangle, for tests
        ImGui::SameLine();
        ImGui::BeginChild("views", {0, 0}, false);
        view_panels(app, page);
        ImGui::EndChild();
        publish_item(app, "column:views");  // its visible rectangle, for tests
        return;
    }
    // Narrow: one column, the controls first and the settings after the views.
    ImGui::BeginChild("views", {0, 0}, false);
    if (shows(page, false, "controls"))
    {
        landscape_view_switch(app);
        panel_transport(app);
    }
    view_panels(app, page);
    PageLayout rest = page;
    if (!page.chosen)
        rest = {true, {"lessons", "runs", "editor", "experiment"}, {}};
    else
        rest.panels.erase(std::remove(rest.panels.begin(), rest.panels.end(), "controls"),
                          rest.panels.end());
    settings_panels(app, rest);
    ImGui::EndChild();
    publish_item(app, "column:views");  // its visible rectangle, for tests
}

}  // namespace

void layout(AppState& app, const PageLayout& page)
{
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("lrlab", nullptr, flags);
    if (app.ui.embed)
        embed_layout(app, page);
    else
        full_page(app, page);
    ImGui::End();
    draw_toast(app);  // after the page: on top
}

}  // namespace lrlab
