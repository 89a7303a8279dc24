// The schedule key tables: PyTorch 1.13's torch.optim.lr_scheduler parameters with the defaults
// of DESIGN.md's table (S = train.steps, L = optimizer.lr; S/3 etc. are integer divisions).
// Ranges follow lr_scheduler.py's checks (ConstantLR/LinearLR factors in [0, 1], T_0 >= 1,
// T_mult >= 1, pct_start in [0, 1], ReduceLROnPlateau factor < 1), tightened where PyTorch would
// divide by zero (factor, start_factor and T_max > 0).
#include <algorithm>

#include "core/config/json.hpp"
#include "core/config/keys.hpp"
#include "core/math/detmath.hpp"

namespace lrlab::config_detail
{

void parse_sequential_children(const json& v, const std::string& path, const DefaultCtx& ctx,
                               ScheduleConfig& out, Errors& errors);  // config/schedule.cpp

namespace
{

using S = ScheduleConfig;
const double max_period = 1e9;  // step counts; far beyond limits::max_steps, safe in int64

json schedules_json(const S& c)
{
    json out = json::array();
    for (const ScheduleConfig& child : c.schedules)
        out.push_back(to_json(child));
    return out;
}

std::int64_t at_least_one(std::int64_t v) { return std::max<std::int64_t>(1, v); }

std::vector<std::string> cyclic_modes() { return {"triangular", "triangular2", "exp_range"}; }
std::vector<std::string> plateau_modes() { return {"min", "max"}; }
std::vector<std::string> anneal_strategies() { return {"cos", "linear"}; }
std::vector<std::string> threshold_modes() { return {"rel", "abs"}; }

Key<S> gamma(double d, Range r, const char* doc)
{
    return key<S>("gamma", Kind::number, LRLAB_FIELD(S, gamma), d, r, doc);
}
Key<S> eta_min()
{
    return key<S>("eta_min", Kind::number, LRLAB_FIELD(S, eta_min), 0.0, at_least(0),
                  "the lowest LR of the cosine");
}
Key<S> period(const char* name, Accessor<S> field, double lo, const char* doc)
{
    return key<S>(name, Kind::integer, field, 1, closed(lo, max_period), doc);
}
Key<S> momentum_keys(const char* name, Accessor<S> field, double d, const char* doc)
{
    return key<S>(name, Kind::number, field, d, right_open(0, 1), doc);
}
Key<S> cycle_momentum()
{
    return key<S>("cycle_momentum", Kind::boolean, LRLAB_FIELD(S, cycle_momentum), false, any(),
                  "also cycle SGD's momentum or the Adam family's beta1 (inversely to the LR)");
}

std::vector<TypeTable<S>> make_tables()
{
    return {
        {"constant", "torch ConstantLR: factor * L until total_iters, then L",
         {key<S>("factor", Kind::number, LRLAB_FIELD(S, factor), 1.0, {0, 1, true, false},
                 "multiplier of the LR before total_iters"),
          key<S>("total_iters", Kind::integer, LRLAB_FIELD(S, total_iters), 0,
                 closed(0, max_period), "steps at which factor applies")}},
        {"step", "torch StepLR: times gamma every step_size steps",
         {period("step_size", LRLAB_FIELD(S, step_size), 1, "period of the decay")
              .computed([](const DefaultCtx& c, const S&)
                        { return json(at_least_one(c.steps / 3)); }, "max(1, S/3)"),
          gamma(0.1, at_least(0), "multiplier per period")}},
        {"multistep", "torch MultiStepLR: times gamma at each milestone",
         {key<S>("milestones", Kind::int_list, LRLAB_FIELD(S, milestones), json::array(),
                 closed(0, max_period), "steps at which the LR is multiplied; non-decreasing "
                 "(a repeated milestone applies gamma twice, as in PyTorch)")
              .computed([](const DefaultCtx& c, const S&)
                        { return json::array({c.steps / 2, 3 * c.steps / 4}); }, "[S/2, 3S/4]")
              .at_most(limits::max_milestones),
          gamma(0.1, at_least(0), "multiplier per milestone")}},
        {"exponential", "torch ExponentialLR: times gamma every step",
         {gamma(0.1, above(0), "multiplier per step")
              .computed([](const DefaultCtx& c, const S&)
                        { return json(detmath::pow(0.01, 1.0 / static_cast<double>(c.steps))); },
                        "0.01^(1/S) (falls 100x over training)")}},
        {"inverse_time", "Keras InverseTimeDecay: L / (1 + decay_rate * t / decay_steps)",
         {key<S>("decay_rate", Kind::number, LRLAB_FIELD(S, decay_rate), 1.0, at_least(0),
                 "how fast the LR falls"),
          period("decay_steps", LRLAB_FIELD(S, decay_steps), 1, "steps per unit of decay")
              .computed([](const DefaultCtx& c, const S&)
                        { return json(at_least_one(c.steps / 10)); }, "max(1, S/10)"),
          key<S>("staircase", Kind::boolean, LRLAB_FIELD(S, staircase), false, any(),
                 "use floor(t / decay_steps)")}},
        {"polynomial", "torch PolynomialLR: L * (1 - t/total_iters)^power, then constant",
         {period("total_iters", LRLAB_FIELD(S, total_iters), 0, "steps of the decay")
              .computed([](const DefaultCtx& c, const S&) { return json(c.steps); }, "S"),
          key<S>("power", Kind::number, LRLAB_FIELD(S, power), 1.0, at_least(0),
                 "power of the polynomial")}},
        {"linear", "torch LinearLR: factor from start_factor to end_factor (a warmup)",
         {key<S>("start_factor", Kind::number, LRLAB_FIELD(S, start_factor), 1.0 / 3.0,
                 {0, 1, true, false}, "multiplier at step 0"),
          key<S>("end_factor", Kind::number, LRLAB_FIELD(S, end_factor), 1.0, closed(0, 1),
                 "multiplier from total_iters on"),
          period("total_iters", LRLAB_FIELD(S, total_iters), 0, "steps of the ramp")
              .computed([](const DefaultCtx& c, const S&)
                        { return json(at_least_one(c.steps / 10)); }, "max(1, S/10)")}},
        {"cosine", "torch CosineAnnealingLR (recursive form: past T_max the LR rises again)",
         {period("T_max", LRLAB_FIELD(S, T_max), 1, "half period of the cosine")
              .computed([](const DefaultCtx& c, const S&) { return json(c.steps); }, "S"),
          eta_min()}},
        {"cosine_warm_restarts", "torch CosineAnnealingWarmRestarts (SGDR)",
         {period("T_0", LRLAB_FIELD(S, T_0), 1, "steps of the first cycle")
              .computed([](const DefaultCtx& c, const S&)
                        { return json(at_least_one(c.steps / 4)); }, "max(1, S/4)"),
          key<S>("T_mult", Kind::integer, LRLAB_FIELD(S, T_mult), 1, closed(1, 100),
                 "each cycle is T_mult times longer than the one before"),
          eta_min()}},
        {"cyclic", "torch CyclicLR; takes its LR from base_lr, not optimizer.lr",
         {key<S>("base_lr", Kind::number, LRLAB_FIELD(S, base_lr), 0.0, at_least(0),
                 "lower end of the cycle")
              .log()
              .computed([](const DefaultCtx& c, const S&) { return json(c.lr); }, "L"),
          key<S>("max_lr", Kind::number, LRLAB_FIELD(S, max_lr), 0.0, at_least(0),
                 "upper end of the cycle")
              .log()
              .computed([](const DefaultCtx& c, const S&) { return json(10.0 * c.lr); }, "10 L"),
          period("step_size_up", LRLAB_FIELD(S, step_size_up), 1, "steps of the rising half")
              .computed([](const DefaultCtx& c, const S&)
                        { return json(at_least_one(c.steps / 8)); }, "max(1, S/8)"),
          period("step_size_down", LRLAB_FIELD(S, step_size_down), 1,
                 "steps of the falling half")
              .computed([](const DefaultCtx&, const S& s) { return json(s.step_size_up); },
                        "step_size_up"),
          key<S>("mode", Kind::choice, LRLAB_FIELD(S, mode), "triangular", any(),
                 "amplitude policy").one_of(cyclic_modes),
          gamma(1.0, above(0), "exp_range: amplitude times gamma^t"),
          cycle_momentum(),
          momentum_keys("base_momentum", LRLAB_FIELD(S, base_momentum), 0.8,
                        "momentum at the LR peak"),
          momentum_keys("max_momentum", LRLAB_FIELD(S, max_momentum), 0.9,
                        "momentum at the LR trough")}},
        {"one_cycle", "torch OneCycleLR; past total_steps the LR stays at its last value",
         {key<S>("max_lr", Kind::number, LRLAB_FIELD(S, max_lr), 0.0, above(0), "the peak LR")
              .log()
              .computed([](const DefaultCtx& c, const S&) { return json(c.lr); }, "L"),
          period("total_steps", LRLAB_FIELD(S, total_steps), 1, "length of the cycle")
              .computed([](const DefaultCtx& c, const S&) { return json(c.steps); }, "S"),
          key<S>("pct_start", Kind::number, LRLAB_FIELD(S, pct_start), 0.3, closed(0, 1),
                 "share of the cycle spent rising"),
          key<S>("anneal_strategy", Kind::choice, LRLAB_FIELD(S, anneal_strategy), "cos", any(),
                 "shape of the ramps").one_of(anneal_strategies),
          key<S>("div_factor", Kind::number, LRLAB_FIELD(S, div_factor), 25.0, above(0),
                 "initial LR = max_lr / div_factor"),
          key<S>("final_div_factor", Kind::number, LRLAB_FIELD(S, final_div_factor), 1e4,
                 above(0), "final LR = initial LR / final_div_factor"),
          key<S>("three_phase", Kind::boolean, LRLAB_FIELD(S, three_phase), false, any(),
                 "fall back to the initial LR symmetrically before the final annealing"),
          cycle_momentum(),
          momentum_keys("base_momentum", LRLAB_FIELD(S, base_momentum), 0.85,
                        "momentum at the LR peak"),
          momentum_keys("max_momentum", LRLAB_FIELD(S, max_momentum), 0.95,
                        "momentum at the start and end")}},
        {"sequential", "torch SequentialLR: schedules[i] from milestones[i-1] on (restarted at 0)",
         {Key<S>{"schedules", Kind::schedules, Accessor<S>{schedules_json, nullptr},
                 json::array({json{{"type", "linear"}}, json{{"type", "cosine"}}}), any(),
                 "the schedules, 1 to 8 (no sequential or reduce_on_plateau inside)", nullptr,
                 "[{\"type\": \"linear\"}, {\"type\": \"cosine\"}]", nullptr, 0,
                 parse_sequential_children},
          key<S>("milestones", Kind::int_list, LRLAB_FIELD(S, milestones), json::array(),
                 closed(1, max_period), "steps at which the next schedule starts; strictly "
                 "increasing, one fewer than schedules")
              .computed([](const DefaultCtx& c, const S& s)
                        {
                            json m = json::array();
                            for (std::size_t k = 1; k < s.schedules.size(); ++k)
                                m.push_back(static_cast<std::int64_t>(k) *
                                            at_least_one(c.steps / 10));
                            return m;
                        },
                        "k * max(1, S/10) for k = 1 .. n-1")
              .at_most(limits::max_sequential - 1)}},
        {"reduce_on_plateau", "torch ReduceLROnPlateau, fed test_loss at every evaluation",
         {key<S>("mode", Kind::choice, LRLAB_FIELD(S, mode), "min", any(),
                 "min: lower is better; max: higher is better").one_of(plateau_modes),
          key<S>("factor", Kind::number, LRLAB_FIELD(S, factor), 0.1, right_open(0, 1),
                 "multiplier on a plateau"),
          key<S>("patience", Kind::integer, LRLAB_FIELD(S, patience), 10, closed(0, max_period),
                 "evaluations without improvement before reducing"),
          key<S>("threshold", Kind::number, LRLAB_FIELD(S, threshold), 1e-4, at_least(0),
                 "what counts as an improvement"),
          key<S>("threshold_mode", Kind::choice, LRLAB_FIELD(S, threshold_mode), "rel", any(),
                 "rel: relative to the best; abs: absolute").one_of(threshold_modes),
          key<S>("cooldown", Kind::integer, LRLAB_FIELD(S, cooldown), 0, closed(0, max_period),
                 "evaluations to wait after a reduction"),
          key<S>("min_lr", Kind::number, LRLAB_FIELD(S, min_lr), 0.0, at_least(0),
                 "the LR never falls below this"),
          key<S>("eps", Kind::number, LRLAB_FIELD(S, eps), 1e-8, at_least(0),
                 "reductions smaller than eps are skipped")}},
    };
}

}  // namespace

const std::vector<TypeTable<S>>& schedule_tables()
{
    static const std::vector<TypeTable<S>> tables = make_tables();
    return tables;
}

}  // namespace lrlab::config_detail
