// Field-by-field equality of Config values, for the config tests (config/config.hpp defines none).
#pragma once

#include <tuple>

#include "core/config/json.hpp"

namespace lrlab
{

inline bool operator==(const ScheduleConfig& a, const ScheduleConfig& b);

inline bool operator==(const OptimizerConfig& a, const OptimizerConfig& b)
{
    auto t = [](const OptimizerConfig& o)
    {
        return std::tie(o.type, o.lr, o.momentum, o.dampening, o.nesterov, o.weight_decay,
                        o.lr_decay, o.initial_accumulator_value, o.eps, o.alpha, o.centered, o.rho,
                        o.betas, o.amsgrad, o.momentum_decay);
    };
    return t(a) == t(b);
}

inline bool operator==(const ScheduleConfig& a, const ScheduleConfig& b)
{
    auto t = [](const ScheduleConfig& s)
    {
        return std::tie(s.type, s.factor, s.total_iters, s.step_size, s.gamma, s.milestones,
                        s.decay_rate, s.decay_steps, s.staircase, s.power, s.start_factor,
                        s.end_factor, s.T_max, s.eta_min, s.T_0, s.T_mult, s.base_lr, s.max_lr,
                        s.step_size_up, s.step_size_down, s.mode, s.cycle_momentum,
                        s.base_momentum, s.max_momentum, s.total_steps, s.pct_start,
                        s.anneal_strategy, s.div_factor, s.final_div_factor, s.three_phase,
                        s.schedules, s.patience, s.threshold, s.threshold_mode, s.cooldown,
                        s.min_lr, s.eps);
    };
    return t(a) == t(b);
}

inline bool operator==(const ClipConfig& a, const ClipConfig& b)
{
    auto t = [](const ClipConfig& c)
    { return std::tie(c.type, c.clip_value, c.max_norm, c.norm_type, c.clipping, c.eps); };
    return t(a) == t(b);
}

inline bool operator==(const Change& a, const Change& b)
{
    return a.at == b.at && a.path == b.path && a.value == b.value;
}

inline bool operator==(const RunConfig& a, const RunConfig& b)
{
    return a.name == b.name && a.optimizer == b.optimizer && a.schedule == b.schedule &&
           a.clip == b.clip && a.train.batch_size == b.train.batch_size &&
           a.train.l1 == b.train.l1 && a.train.l2 == b.train.l2 && a.changes == b.changes;
}

inline bool operator==(const Config& a, const Config& b)
{
    const DataConfig &d = a.data, &e = b.data;
    const ModelConfig &m = a.model, &n = b.model;
    const TrainConfig &t = a.train, &u = b.train;
    return a.seed == b.seed &&
           std::tie(d.dataset, d.samples, d.noise, d.train_fraction, d.classes, d.features,
                    d.seed) == std::tie(e.dataset, e.samples, e.noise, e.train_fraction,
                                        e.classes, e.features, e.seed) &&
           std::tie(m.hidden, m.activation, m.leaky_slope, m.init, m.init_seed) ==
               std::tie(n.hidden, n.activation, n.leaky_slope, n.init, n.init_seed) &&
           std::tie(t.steps, t.batch_size, t.l1, t.l2, t.eval_every) ==
               std::tie(u.steps, u.batch_size, u.l1, u.l2, u.eval_every) &&
           a.runs == b.runs;
}

}  // namespace lrlab
