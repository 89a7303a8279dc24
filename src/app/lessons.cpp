// The page's side of the lessons (lessons.hpp); the lessons themselves are in core/lessons/.
#include "app/lessons.hpp"

#include <cmath>

#include "core/config/json.hpp"
#include "core/config/url_codec.hpp"
#include "core/train/experiment.hpp"

namespace lrlab
{

using nlohmann::json;

bool is_seed_path(const std::string& path)
{
    return path == "seed" || path == "data.seed" || path == "model.init_seed";
}

bool lesson_matches(const Lesson& l, const Config& c)
{
    if (l.surface)
        return false;
    ConfigResult r = parse_config(lesson_config(l, std::int64_t(c.seed)));
    if (!r.ok())
        return false;
    r.config.data.seed = c.data.seed;
    r.config.model.init_seed = c.model.init_seed;
    return to_json(r.config) == to_json(c);
}

std::uint64_t lesson_default_seed(const Lesson& l)
{
    const ConfigResult r = parse_config(lesson_config(l));
    return r.ok() ? r.config.seed : Config{}.seed;
}

std::string lesson_seed_param(const Lesson& l, const Config& c)
{
    return c.seed == lesson_default_seed(l) ? "" : std::to_string(c.seed);
}

std::string lesson_seed_hash(const Config& c)
{
    json j = json::object();
    if (c.data.seed != c.seed)
        j["data"]["seed"] = c.data.seed;
    if (c.model.init_seed != c.seed)
        j["model"]["init_seed"] = c.model.init_seed;
    return j.empty() ? "" : json_to_hash(j);
}

std::vector<ClaimLine> claim_lines_of(const Lesson& l, const std::vector<ClaimResult>& results)
{
    std::vector<ClaimLine> out;
    for (std::size_t i = 0; i < l.claims.size() && i < results.size(); ++i)
        out.push_back({&l.claims[i], results[i], claim_numbers(l.claims[i], results[i])});
    return out;
}

namespace
{
json number_or_null(const MetricValue& v)
{
    return v.present && std::isfinite(v.value) ? json(v.value) : json(nullptr);
}

}  // namespace

json claims_json_array(const std::vector<ClaimLine>& lines)
{
    json claims = json::array();
    for (const ClaimLine& c : lines)
        claims.push_back({{"text", c.claim->text},
                          {"held", c.result.held},
                          {"left", number_or_null(c.result.left)},
                          {"op", op_symbol(c.claim->op)},
                          {"right", number_or_null(c.result.right)},
                          {"numbers", c.numbers}});
    return claims;
}

std::vector<ClaimLine> claim_lines(const Lesson& l, const Experiment& e)
{
    return claim_lines_of(l, evaluate_claims(l, e));
}

json claims_json(const Lesson* l, const Experiment& e)
{
    if (!l || l->surface)
        return nullptr;
    return {{"lesson", l->name},       {"seed", e.config().seed}, {"step", e.step()},
            {"steps", e.steps()},      {"finished", e.finished()},
            {"claims", claims_json_array(claim_lines(*l, e))}};
}

json default_runs_json()
{
    return json::parse(R"([
        {"name": "sgd 0.03", "optimizer": {"type": "sgd", "lr": 0.03}},
        {"name": "sgd 0.3", "optimizer": {"type": "sgd", "lr": 0.3}},
        {"name": "sgd 3", "optimizer": {"type": "sgd", "lr": 3}},
        {"name": "adam 0.01", "optimizer": {"type": "adam", "lr": 0.01}}])");
}

json default_config_json() { return {{"runs", default_runs_json()}}; }

}  // namespace lrlab
