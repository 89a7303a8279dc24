// Chart traces for tests (chart_trace.hpp).
#include "app/chart_trace.hpp"

#include <cstdio>

namespace lrlab
{

using nlohmann::json;

ChartTrace* ChartTraces::begin(const char* id)
{
    if (!enabled)
        return nullptr;
    ChartTrace* t = nullptr;
    for (ChartTrace& c : charts)
        if (c.id == id)
            t = &c;
    if (!t)
    {
        charts.push_back({});
        t = &charts.back();
        t->id = id;
    }
    t->frame = frame;
    t->visible = false;
    t->lines.clear();
    t->x_ticks.clear();
    t->y_ticks.clear();
    t->markers.clear();
    return t;
}

namespace
{

std::string hex_color(ImU32 c)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", unsigned(c & 255), unsigned((c >> 8) & 255),
                  unsigned((c >> 16) & 255));
    return buf;
}

json texts_json(const std::vector<TraceText>& texts)
{
    json out = json::array();
    for (const TraceText& t : texts)
        out.push_back({{"text", t.text}, {"value", t.value}, {"rect", {t.x0, t.y0, t.x1, t.y1}}});
    return out;
}

json lines_json(const std::vector<TraceLine>& lines)
{
    json out = json::array();
    for (const TraceLine& l : lines)
    {
        json parts = json::array();
        for (const std::vector<TracePoint>& part : l.parts)
        {
            json pts = json::array();
            for (const TracePoint& p : part)
                pts.push_back({p.x, p.y, p.sx, p.sy});
            parts.push_back(pts);
        }
        out.push_back({{"label", l.label}, {"color", hex_color(l.color)}, {"parts", parts}});
    }
    return out;
}

}  // namespace

json charts_json(const ChartTraces& traces)
{
    json out = json::object();
    for (const ChartTrace& c : traces.charts)
    {
        json markers = json::array();
        for (const ChartMarker& m : c.markers)
            markers.push_back({{"x", m.x}, {"color", hex_color(m.color)}, {"label", m.label}});
        out[c.id] = {{"frame", c.frame},
                     {"visible", c.visible},
                     {"widget", {c.widget0.x, c.widget0.y, c.widget1.x, c.widget1.y}},
                     {"plot", {c.plot0.x, c.plot0.y, c.plot1.x, c.plot1.y}},
                     {"range", {c.x0, c.x1, c.y0, c.y1}},
                     {"logY", c.log_y},
                     {"logX", c.log_x},
                     {"lines", lines_json(c.lines)},
                     {"xTicks", texts_json(c.x_ticks)},
                     {"yTicks", texts_json(c.y_ticks)},
                     {"markers", markers}};
    }
    return out;
}

}  // namespace lrlab
