// The legend of a group of charts (chart.hpp): a colour swatch and a label per run, wrapped.
#include "app/chart.hpp"

namespace lrlab
{

void chart_legend(const std::vector<std::pair<std::string, ImU32>>& entries)
{
    const float fs = ImGui::GetFontSize();
    for (std::size_t i = 0; i < entries.size(); ++i)
    {
        const float w = fs * 1.2f + ImGui::CalcTextSize(entries[i].first.c_str()).x + fs;
        if (i > 0 && ImGui::GetContentRegionAvail().x > w)
            ImGui::SameLine();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + fs * 0.45f},
                                                  {p.x + fs, p.y + fs * 0.75f}, entries[i].second);
        ImGui::Dummy({fs * 1.1f, fs});
        ImGui::SameLine();
        ImGui::TextUnformatted(entries[i].first.c_str());
    }
}

}  // namespace lrlab
