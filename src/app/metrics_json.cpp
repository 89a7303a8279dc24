// Evaluation rows as JSON and CSV (metrics_json.hpp).
#include "app/metrics_json.hpp"

#include <cmath>

#include "core/config/json.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

json number(bool present, double v)
{
    return present && std::isfinite(v) ? json(v) : json(nullptr);
}

// As the CLI: shortest round-trip form; nan, inf, -inf (never -nan); empty when absent.
std::string csv_number(bool present, double v)
{
    if (!present)
        return "";
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    return format_double(v);
}

// RFC 4180: quote when the field holds a comma, a quote or a line break; double the quotes.
std::string csv_field(const std::string& s)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

json metrics_row_json(const std::string& run, const MetricsRow& r)
{
    return {{"run", run},
            {"step", r.step},
            {"epoch", number(true, r.epoch)},
            {"lr", number(true, r.lr)},
            {"train_loss", number(true, r.train_loss)},
            {"test_loss", number(true, r.test_loss)},
            {"train_acc", number(r.has_accuracy, r.train_acc)},
            {"test_acc", number(r.has_accuracy, r.test_acc)},
            {"grad_norm", number(r.has_grad, r.grad_norm)},
            {"clipped_grad_norm", number(r.has_grad, r.clipped_grad_norm)},
            {"diverged", r.diverged}};
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

std::string metrics_csv(const Experiment& e)
{
    std::string out;
    const std::vector<std::string>& cols = metrics_columns();
    for (std::size_t c = 0; c < cols.size(); ++c)
        out += (c ? "," : "") + cols[c];
    out += "\n";
    // Every run is evaluated at the same steps (lockstep): walk the rows in parallel.
    std::size_t rows = 0;
    for (std::size_t i = 0; i < e.size(); ++i)
        rows = std::max(rows, e.run(i).history().size());
    for (std::size_t k = 0; k < rows; ++k)
    {
        for (std::size_t i = 0; i < e.size(); ++i)
        {
            const std::vector<MetricsRow>& h = e.run(i).history();
            if (k >= h.size())
                continue;
            const MetricsRow& r = h[k];
            out += csv_field(e.config().runs[i].name) + "," + std::to_string(r.step) + "," +
                   csv_number(true, r.epoch) + "," + csv_number(true, r.lr) + "," +
                   csv_number(true, r.train_loss) + "," + csv_number(true, r.test_loss) + "," +
                   csv_number(r.has_accuracy, r.train_acc) + "," +
                   csv_number(r.has_accuracy, r.test_acc) + "," +
                   csv_number(r.has_grad, r.grad_norm) + "," +
                   csv_number(r.has_grad, r.clipped_grad_norm) + "," + (r.diverged ? "1" : "0") +
                   "\n";
        }
    }
    return out;
}

std::string dump_json(const json& j, int indent)
{
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace lrlab
