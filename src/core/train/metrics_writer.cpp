#include "core/train/metrics_writer.hpp"

#include <algorithm>
#include <cmath>

#include "core/config/json.hpp"
#include "core/train/csv.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

std::string csv_cell(MetricKind kind, const MetricCell& c)
{
    switch (kind)
    {
    case MetricKind::count: return std::to_string(c.count);
    case MetricKind::flag: return c.flag ? "1" : "0";
    case MetricKind::real: break;
    }
    return c.present ? format_double(c.real) : "";  // format_double spells nan, inf, -inf
}

std::string json_text_cell(MetricKind kind, const MetricCell& c)
{
    switch (kind)
    {
    case MetricKind::count: return std::to_string(c.count);
    case MetricKind::flag: return c.flag ? "true" : "false";
    case MetricKind::real: break;
    }
    return c.present && std::isfinite(c.real) ? format_double(c.real) : "null";
}

json json_cell(MetricKind kind, const MetricCell& c)
{
    switch (kind)
    {
    case MetricKind::count: return json(c.count);
    case MetricKind::flag: return json(c.flag);
    case MetricKind::real: break;
    }
    return c.present && std::isfinite(c.real) ? json(c.real) : json(nullptr);
}

// A JSON string literal; never throws (the page has no exceptions): invalid UTF-8, which the
// config parser already refuses in names, would be replaced rather than fatal.
std::string json_string(const std::string& s)
{
    return json(s).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string metrics_csv_header()
{
    std::string s;
    for (const std::string& c : metrics_columns())
        s += (s.empty() ? "" : ",") + c;
    return s + "\n";
}

std::string metrics_csv_row(const std::string& run, const MetricsRow& r)
{
    std::string s = csv_field(run);
    for (const MetricColumn& c : metric_value_columns())
        s += "," + csv_cell(c.kind, c.read(r));
    return s + "\n";
}

std::string metrics_jsonl_row(const std::string& run, const MetricsRow& r)
{
    std::string s = "{\"run\":" + json_string(run);
    for (const MetricColumn& c : metric_value_columns())
        s += ",\"" + std::string(c.name) + "\":" + json_text_cell(c.kind, c.read(r));
    return s + "}\n";
}

json metrics_json_row(const std::string& run, const MetricsRow& r)
{
    json row = json::object();
    row["run"] = run;
    for (const MetricColumn& c : metric_value_columns())
        row[c.name] = json_cell(c.kind, c.read(r));
    return row;
}

std::string metrics_table(const Experiment& e, MetricsFormat format)
{
    std::string out = format == MetricsFormat::csv ? metrics_csv_header() : "";
    // Every run is evaluated at the same steps (lockstep): row k of every history is one step.
    std::size_t evaluations = 0;
    for (std::size_t i = 0; i < e.size(); ++i)
        evaluations = std::max(evaluations, e.run(i).history().size());
    for (std::size_t k = 0; k < evaluations; ++k)
        for (std::size_t i = 0; i < e.size(); ++i)
        {
            const std::vector<MetricsRow>& h = e.run(i).history();
            if (k >= h.size())
                continue;
            const std::string& name = e.config().runs[i].name;
            out += format == MetricsFormat::csv ? metrics_csv_row(name, h[k])
                                                : metrics_jsonl_row(name, h[k]);
        }
    return out;
}

}  // namespace lrlab
