// Evaluation rows as JSON and CSV (metrics_json.hpp).
#include "app/metrics_json.hpp"

#include "core/train/metrics_writer.hpp"

namespace lrlab
{

using nlohmann::json;

json metrics_row_json(const std::string& run, const MetricsRow& r)
{
    return metrics_json_row(run, r);
}

json latest_metrics_json(const Experiment& e)
{
    json out = json::array();
    for (std::size_t i = 0; i < e.size(); ++i)
    {
        const std::vector<MetricsRow>& h = e.run(i).history();
        out.push_back(h.empty() ? json(nullptr)
                                : metrics_row_json(e.config().runs[i].name, h.back()));
    }
    return out;
}

json history_json(const Experiment& e)
{
    json out = json::object();
    for (std::size_t i = 0; i < e.size(); ++i)
    {
        json rows = json::array();
        for (const MetricsRow& r : e.run(i).history())
            rows.push_back(metrics_row_json(e.config().runs[i].name, r));
        out[e.config().runs[i].name] = rows;
    }
    return out;
}

json metrics_at_json(const Experiment& e, std::int64_t step)
{
    json out = json::array();
    for (std::size_t i = 0; i < e.size(); ++i)
    {
        const std::vector<MetricsRow>& h = e.run(i).history();
        for (auto it = h.rbegin(); it != h.rend(); ++it)
        {
            if (it->step == step)
            {
                out.push_back(metrics_row_json(e.config().runs[i].name, *it));
                break;
            }
            if (it->step < step)
                break;
        }
    }
    return out;
}

std::string metrics_csv(const Experiment& e) { return metrics_table(e, MetricsFormat::csv); }

std::string dump_json(const json& j, int indent)
{
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace lrlab
