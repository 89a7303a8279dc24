// Claims: their JSON shape (claim.hpp).
#include "core/lessons/claim.hpp"

#include <cmath>

namespace lrlab
{

using nlohmann::json;

const std::vector<std::string>& network_claim_metrics()
{
    static const std::vector<std::string> names = {
        "train_loss",    "test_loss",     "train_acc",  "test_acc", "grad_norm",
        "diverged",      "min_test_loss", "max_test_loss", "diverged_at"};
    return names;
}

const std::vector<std::string>& surface_claim_metrics()
{
    static const std::vector<std::string> names = {"loss", "x", "y", "diverged"};
    return names;
}

namespace
{

struct OpName
{
    const char* symbol;
    ClaimOp op;
};
constexpr OpName op_names[] = {{"<", ClaimOp::lt},
                               {"<=", ClaimOp::le},
                               {">", ClaimOp::gt},
                               {">=", ClaimOp::ge},
                               {"==", ClaimOp::eq}};

std::vector<ConfigError> parse_ref(const json& j, const std::string& path, MetricRef& out)
{
    if (!j.is_object())
        return {{path, "must be {\"run\": NAME, \"metric\": NAME}"}};
    std::vector<ConfigError> errors;
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it.key() != "run" && it.key() != "metric")
            errors.push_back({path + "." + it.key(), "unknown key (run, metric)"});
    for (const char* k : {"run", "metric"})
    {
        const auto it = j.find(k);
        if (it == j.end() || !it->is_string())
            errors.push_back({path + "." + k, "must be a string"});
    }
    if (errors.empty())
    {
        out.run = j["run"].get<std::string>();
        out.metric = j["metric"].get<std::string>();
    }
    return errors;
}

// The op's symbol, or false when `s` is none.
bool parse_op(const std::string& s, ClaimOp& op)
{
    for (const OpName& o : op_names)
        if (s == o.symbol)
            return op = o.op, true;
    return false;
}

void parse_right(const json& j, const std::string& path, Claim& out,
                 std::vector<ConfigError>& errors)
{
    if (j.is_boolean())
    {
        out.literal_is_bool = true;
        out.literal = j.get<bool>() ? 1.0 : 0.0;
    }
    else if (j.is_number())
        out.literal = j.get<double>();
    else if (j.is_object())
    {
        out.right_is_metric = true;
        const std::vector<ConfigError> e = parse_ref(j, path, out.right);
        errors.insert(errors.end(), e.begin(), e.end());
    }
    else
        errors.push_back({path, "must be a number, true, false or {\"run\", \"metric\"}"});
}

}  // namespace

const char* op_symbol(ClaimOp op)
{
    for (const OpName& o : op_names)
        if (o.op == op)
            return o.symbol;
    return "?";
}

std::vector<ConfigError> parse_claim(const json& j, const std::string& path, Claim& out)
{
    if (!j.is_object())
        return {{path, "must be an object {text, left, op, right[, factor]}"}};
    std::vector<ConfigError> errors;
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it.key() != "text" && it.key() != "left" && it.key() != "op" &&
            it.key() != "right" && it.key() != "factor")
            errors.push_back({path + "." + it.key(),
                              "unknown key (text, left, op, right, factor)"});
    const auto text = j.find("text");
    if (text == j.end() || !text->is_string() || text->get<std::string>().empty())
        errors.push_back({path + ".text", "must be a non-empty string"});
    else
        out.text = text->get<std::string>();
    const auto left = j.find("left");
    const std::vector<ConfigError> le =
        parse_ref(left == j.end() ? json() : *left, path + ".left", out.left);
    errors.insert(errors.end(), le.begin(), le.end());
    const auto op = j.find("op");
    if (op == j.end() || !op->is_string() || !parse_op(op->get<std::string>(), out.op))
        errors.push_back({path + ".op", "must be one of < <= > >= =="});
    const auto right = j.find("right");
    if (right == j.end())
        errors.push_back({path + ".right", "is required"});
    else
        parse_right(*right, path + ".right", out, errors);
    const auto factor = j.find("factor");
    if (factor != j.end())
    {
        if (!factor->is_number() || !std::isfinite(factor->get<double>()))
            errors.push_back({path + ".factor", "must be a finite number"});
        else if (!out.right_is_metric)
            errors.push_back({path + ".factor", "applies only to a run's metric on the right"});
        else
            out.factor = factor->get<double>();
    }
    return errors;
}

json to_json(const Claim& c)
{
    json j = {{"text", c.text},
              {"left", {{"run", c.left.run}, {"metric", c.left.metric}}},
              {"op", op_symbol(c.op)}};
    if (c.right_is_metric)
    {
        j["right"] = {{"run", c.right.run}, {"metric", c.right.metric}};
        if (c.factor != 1.0)
            j["factor"] = c.factor;
    }
    else if (c.literal_is_bool)
        j["right"] = c.literal != 0.0;
    else
        j["right"] = c.literal;
    return j;
}

}  // namespace lrlab
