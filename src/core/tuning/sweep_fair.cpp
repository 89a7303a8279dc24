// Each optimizer at its own best LR (tuning/sweep_fair.hpp).
#include "core/tuning/sweep_fair.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

namespace lrlab
{
namespace
{

bool qualifies(const SweepRow& r) { return !r.diverged && std::isfinite(r.final_test_loss); }

using Json = nlohmann::ordered_json;  // keys in the documented order

Json real(double v) { return std::isfinite(v) ? Json(v) : Json(); }

template <typename T>
Json optional_json(const std::optional<T>& v)
{
    return v && std::isfinite(double(*v)) ? Json(*v) : Json();
}

Json group_json(const FairBest& g)
{
    Json j = {{"optimizer", g.optimizer}, {"params", g.params}};
    const SweepRow* r = g.best;
    j["lr"] = r ? Json(r->lr) : Json();
    j["cell"] = r ? Json(r->cell) : Json();
    j["final_train_loss"] = r ? real(r->final_train_loss) : Json();
    j["final_test_loss"] = r ? real(r->final_test_loss) : Json();
    j["best_test_loss"] = r ? real(r->best_test_loss) : Json();
    j["best_step"] = r ? optional_json(r->best_step) : Json();
    j["final_test_acc"] = r ? optional_json(r->final_test_acc) : Json();
    j["steps_to_target"] = r ? optional_json(r->steps_to_target) : Json();
    j["diverged"] = r ? Json(false) : Json();
    j["cells"] = g.cells;
    j["diverged_cells"] = g.diverged_cells;
    if (!r)
        j["note"] = "no cell of this group ended without diverging with a finite test loss";
    return j;
}

}  // namespace

std::vector<FairBest> fair_best(const std::vector<SweepRow>& rows)
{
    std::vector<FairBest> groups;
    for (const SweepRow& r : rows)
    {
        std::size_t g = 0;
        while (g < groups.size() &&
               (groups[g].optimizer != r.optimizer || groups[g].params != r.params))
            ++g;
        if (g == groups.size())
            groups.push_back({r.optimizer, r.params, nullptr, 0, 0});
        FairBest& group = groups[g];
        ++group.cells;
        group.diverged_cells += r.diverged ? 1 : 0;
        if (qualifies(r) && (!group.best || r.final_test_loss < group.best->final_test_loss))
            group.best = &r;
    }
    return groups;
}

std::string fair_best_json(const std::vector<FairBest>& best)
{
    Json list = Json::array();
    for (const FairBest& g : best)
        list.push_back(group_json(g));
    const Json j = {{"criterion", "final_test_loss"}, {"best", list}};
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace lrlab
