// The sweep in the URL (sweep_url.hpp), and the panel's form <-> the sweep's options.
#include "app/sweep_url.hpp"

#include <cstdlib>

#include "app/app_state.hpp"
#include "core/config/json.hpp"
#include "core/config/url_codec.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

const char* const prefix = "sweep.";

// The value of a key as the options hold it: text keys stay text; targetLoss a number, fair a
// boolean, params (JSON) and values an array when written as one.
bool read_value(const std::string& key, const std::string& text, json& out)
{
    if (key == "lrRange" || key == "optimizers" || key == "run" || key == "param" ||
        (key == "values" && (text.empty() || text[0] != '[')))
        return out = text, true;
    ConfigError syntax;
    if (key != "values" && key != "params" && key != "targetLoss" && key != "fair")
        return false;
    return parse_json_text(text, out, syntax) &&
           (key == "values" || key == "params" ? out.is_array()
            : key == "fair" ? out.is_boolean() : out.is_number());
}

std::string value_text(const json& v)
{
    return v.is_string() ? v.get<std::string>() : v.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string read_sweep_hash(AppState& app, const std::string& hash, std::vector<ConfigError>& errors)
{
    std::string rest;
    json options = json::object();
    std::size_t start = 0;
    while (start <= hash.size())
    {
        const std::size_t amp = std::min(hash.find('&', start), hash.size());
        const std::string pair = hash.substr(start, amp - start);
        start = amp + 1;
        if (pair.compare(0, 6, prefix) != 0)
        {
            if (!pair.empty())
                rest += (rest.empty() ? "" : "&") + pair;
            continue;
        }
        const std::size_t eq = pair.find('=');
        const std::string key = pair.substr(6, eq == std::string::npos ? eq : eq - 6);
        bool ok = true;
        const std::string text = eq == std::string::npos ? "" : url_decode(pair.substr(eq + 1), ok);
        json value;
        if (!ok || !read_value(key, text, value))
            errors.push_back({"sweep." + key, ok && eq != std::string::npos
                                                  ? "not a sweep option, or not its kind of value"
                                                  : "not URL-encoded text"});
        else
            options[key] = value;
    }
    SweepView& v = app.sweep;
    if (!options.empty() && options != v.options)
    {
        v.options = options;
        form_from_options(options, v.form);
        v.start_from_url = true;
        v.url_version = ++v.version;  // the URL holds it already
    }
    return rest;
}

std::string with_sweep_hash(const AppState& app, const std::string& hash)
{
    std::string out = hash;
    const json& options = app.sweep.options;
    for (const char* key : {"run", "lrRange", "optimizers", "param", "values", "params",
                            "targetLoss", "fair"})
        if (options.is_object() && options.contains(key))
            out += (out.empty() ? "" : "&") + std::string(prefix) + key + "=" +
                   url_encode(value_text(options[key]));
    return out;
}

void form_from_options(const json& o, SweepForm& f)
{
    if (o.contains("lrRange") && o["lrRange"].is_string())
    {
        const std::string r = o["lrRange"].get<std::string>();
        const std::size_t a = r.find(':'), b = r.find(':', a == std::string::npos ? a : a + 1);
        if (b != std::string::npos)
        {
            f.lr_min = std::atof(r.substr(0, a).c_str());
            f.lr_max = std::atof(r.substr(a + 1, b - a - 1).c_str());
            f.lr_n = std::atoi(r.substr(b + 1).c_str());
        }
    }
    if (o.contains("optimizers") && o["optimizers"].is_string())
    {
        f.optimizers.clear();
        const std::string s = o["optimizers"].get<std::string>();
        for (std::size_t at = 0; at <= s.size();)
        {
            const std::size_t comma = std::min(s.find(',', at), s.size());
            f.optimizers.push_back(s.substr(at, comma - at));
            at = comma + 1;
        }
    }
    const auto copy = [](const json& v, auto& buffer)
    {
        const std::string s = v.is_string() ? v.get<std::string>() : v.dump();
        buffer.fill('\0');
        s.copy(buffer.data(), buffer.size() - 1);
    };
    copy(o.contains("param") ? o["param"] : json(""), f.param);
    copy(o.contains("values") ? o["values"] : json(""), f.values);
    f.use_target = o.contains("targetLoss") && o["targetLoss"].is_number();
    if (f.use_target)
        f.target_loss = o["targetLoss"].get<double>();
    f.run = o.contains("run") && o["run"].is_string() ? o["run"].get<std::string>() : "";
}

json options_from_form(const SweepForm& f)
{
    json o = json::object();
    if (!f.run.empty())
        o["run"] = f.run;
    o["lrRange"] = format_double(f.lr_min) + ":" + format_double(f.lr_max) + ":" +
                   std::to_string(f.lr_n);
    std::string optimizers;
    for (const std::string& t : f.optimizers)
        optimizers += (optimizers.empty() ? "" : ",") + t;
    if (!optimizers.empty())
        o["optimizers"] = optimizers;
    const std::string param = f.param.data(), values = f.values.data();
    if (!param.empty() || !values.empty())
    {
        o["param"] = param;
        o["values"] = values;
    }
    if (f.use_target)
        o["targetLoss"] = f.target_loss;
    return o;
}

}  // namespace lrlab
