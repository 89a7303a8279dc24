// Each optimizer at its own best LR (tuning/sweep_fair.hpp).
#include "core/tuning/sweep_fair.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

namespace lrlab
{
namespace
{

bool qualifies(const SweepRow& r) { return !r.diverged && std::isfinite(r.final_test_loss); }

nlohmann::ordered_json real(double v) { return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(); }

template <typename T>
nlohmann::ordered_json optional_json(const std::optional<T>& v)
{
    return v && std::isfinite(double(*v)) ? nlohmann::ordered_json(*v) : nlohmann::ordered_json();
}

nlohmann::ordered_json group_json(const FairBest& g)
{
    nlohmann::ordered_json j = {{"optimizer", g.optimizer}, {"params", g.params}};
    const SweepRow* r = g.best;
    j["lr"] = r ? nlohmann::ordered_json(r->lr) : nlohmann::ordered_json();
    j["cell"] = r ? nlohmann::ordered_json(r->cell) : nlohmann::ordered_json();
    j["final_train_loss"] = r ? real(r->final_train_loss) : nlohmann::ordered_json();
    j["final_test_loss"] = r ? real(r->final_test_loss) : nlohmann::ordered_json();
    j["best_test_loss"] = r ? real(r->best_test_loss) : nlohmann::ordered_json();
    j["best_step"] = r ? optional_json(r->best_step) : nlohmann::ordered_json();
    j["final_test_acc"] = r ? optional_json(r->final_test_acc) : nlohmann::ordered_json();
    j["steps_to_target"] = r ? optional_json(r->steps_to_target) : nlohmann::ordered_json();
    j["diverged"] = r ? nlohmann::ordered_json(false) : nlohmann::ordered_json();
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
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const FairBest& g : best)
        list.push_back(group_json(g));
    const nlohmann::ordered_json j = {{"criterion", "final_test_loss"}, {"best", list}};
    return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace lrlab
