// The key tables of the experiment config: top level, data, model, train, optimizers, clips and
// the surface verb (schedules are in config/schedule_table.cpp). Ranges start from PyTorch
// 1.13's own checks (the ValueError("Invalid ...") of torch/optim/*.py), tightened where a value
// would be meaningless or unsafe (lr > 0, eps > 0, betas below 1, size limits of config/config.hpp).
#include "core/model/activations.hpp"
#include "core/config/keys.hpp"
#include "core/data/datasets.hpp"
#include "core/data/features.hpp"
#include "core/surface/functions.hpp"

namespace lrlab::config_detail
{
namespace
{

std::vector<std::string> dataset_names()
{
    std::vector<std::string> names;
    for (const DatasetInfo& d : dataset_registry())
        names.push_back(d.name);
    return names;
}
std::vector<std::string> feature_names()
{
    std::vector<std::string> names;
    for (const FeatureInfo& f : feature_registry())
        names.push_back(f.name);
    return names;
}
std::vector<std::string> activation_names()
{
    std::vector<std::string> names;
    for (const ActivationInfo& a : activation_registry())
        names.push_back(a.name);
    return names;
}
std::vector<std::string> surface_names()
{
    std::vector<std::string> names;
    for (const SurfaceInfo& s : surface_registry())
        names.push_back(s.name);
    return names;
}
std::vector<std::string> init_names()
{
    return {"auto", "xavier_uniform", "xavier_normal", "he_uniform", "he_normal"};
}

const double max_seed = static_cast<double>(limits::max_seed);

// ---- optimizers ------------------------------------------------------------------------------
using O = OptimizerConfig;

Key<O> lr(double d)
{
    return key<O>("lr", Kind::number, LRLAB_FIELD(O, lr), d, above(0), "learning rate").log();
}
Key<O> weight_decay(double d, const char* doc)
{
    return key<O>("weight_decay", Kind::number, LRLAB_FIELD(O, weight_decay), d, at_least(0),
                  doc);
}
Key<O> coupled_wd() { return weight_decay(0.0, "L2 penalty added to the gradient (coupled)"); }
Key<O> eps(double d)
{
    return key<O>("eps", Kind::number, LRLAB_FIELD(O, eps), d, above(0),
                  "added to the denominator for numerical stability")
        .log();
}
Key<O> betas(double b1, double b2)
{
    return key<O>("betas", Kind::pair, LRLAB_FIELD(O, betas), json::array({b1, b2}),
                  right_open(0, 1), "decay rates of the first and second moment averages");
}
Key<O> momentum()
{
    return key<O>("momentum", Kind::number, LRLAB_FIELD(O, momentum), 0.0, at_least(0),
                  "momentum factor");
}
Key<O> amsgrad()
{
    return key<O>("amsgrad", Kind::boolean, LRLAB_FIELD(O, amsgrad), false, any(),
                  "keep the maximum of the second moment (Reddi et al. 2018)");
}

}  // namespace

const std::vector<TypeTable<O>>& optimizer_tables()
{
    static const std::vector<TypeTable<O>> tables{
        {"sgd", "torch.optim.SGD; lr 0.03 is TensorFlow Playground's",
         {lr(0.03), momentum(),
          key<O>("dampening", Kind::number, LRLAB_FIELD(O, dampening), 0.0, closed(0, 1),
                 "dampening for momentum"),
          key<O>("nesterov", Kind::boolean, LRLAB_FIELD(O, nesterov), false, any(),
                 "Nesterov momentum; needs momentum > 0 and dampening 0"),
          coupled_wd()}},
        {"adagrad", "torch.optim.Adagrad",
         {lr(1e-2),
          key<O>("lr_decay", Kind::number, LRLAB_FIELD(O, lr_decay), 0.0, at_least(0),
                 "lr / (1 + (t - 1) * lr_decay)"),
          coupled_wd(),
          key<O>("initial_accumulator_value", Kind::number,
                 LRLAB_FIELD(O, initial_accumulator_value), 0.0, at_least(0),
                 "initial value of the sum of squared gradients"),
          eps(1e-10)}},
        {"rmsprop", "torch.optim.RMSprop",
         {lr(1e-2),
          key<O>("alpha", Kind::number, LRLAB_FIELD(O, alpha), 0.99, closed(0, 1),
                 "smoothing constant of the squared-gradient average"),
          eps(1e-8), coupled_wd(), momentum(),
          key<O>("centered", Kind::boolean, LRLAB_FIELD(O, centered), false, any(),
                 "normalise by the estimated variance of the gradient")}},
        {"adadelta", "torch.optim.Adadelta",
         {lr(1.0),
          key<O>("rho", Kind::number, LRLAB_FIELD(O, rho), 0.9, closed(0, 1),
                 "decay rate of the squared-gradient and squared-update averages"),
          eps(1e-6), coupled_wd()}},
        {"adam", "torch.optim.Adam", {lr(1e-3), betas(0.9, 0.999), eps(1e-8), coupled_wd(),
                                      amsgrad()}},
        {"adamw", "torch.optim.AdamW",
         {lr(1e-3), betas(0.9, 0.999), eps(1e-8),
          weight_decay(1e-2, "decoupled weight decay: p *= 1 - lr * weight_decay"), amsgrad()}},
        {"adamax", "torch.optim.Adamax", {lr(2e-3), betas(0.9, 0.999), eps(1e-8), coupled_wd()}},
        {"nadam", "torch.optim.NAdam",
         {lr(2e-3), betas(0.9, 0.999), eps(1e-8), coupled_wd(),
          key<O>("momentum_decay", Kind::number, LRLAB_FIELD(O, momentum_decay), 4e-3,
                 at_least(0), "psi of the momentum schedule (Dozat 2016)")}},
        {"radam", "torch.optim.RAdam", {lr(1e-3), betas(0.9, 0.999), eps(1e-8), coupled_wd()}},
        {"lion", "Lion (Chen et al. 2023)",
         {lr(1e-4), betas(0.9, 0.99),
          weight_decay(0.0, "decoupled weight decay: p *= 1 - lr * weight_decay")}},
    };
    return tables;
}

// ---- clipping --------------------------------------------------------------------------------

const std::vector<TypeTable<ClipConfig>>& clip_tables()
{
    using C = ClipConfig;
    const Key<C> max_norm = key<C>("max_norm", Kind::number, LRLAB_FIELD(C, max_norm), 1.0,
                                   above(0), "largest allowed gradient norm")
                                   .log();
    const Key<C> norm_type = key<C>("norm_type", Kind::norm_type, LRLAB_FIELD(C, norm_type), 2.0,
                                    above(0), "p of the p-norm, or \"inf\" for the max norm");
    static const std::vector<TypeTable<C>> tables{
        {"none", "no clipping", {}},
        {"value", "torch.nn.utils.clip_grad_value_ on every gradient entry",
         {key<C>("clip_value", Kind::number, LRLAB_FIELD(C, clip_value), 1.0, above(0),
                 "entries are clamped to [-clip_value, clip_value]")
              .log()}},
        {"norm", "torch.nn.utils.clip_grad_norm_ on each tensor separately",
         {max_norm, norm_type}},
        {"global_norm", "torch.nn.utils.clip_grad_norm_ over all gradients together",
         {max_norm, norm_type}},
        {"agc", "adaptive unit-wise clipping (Brock et al. 2021)",
         {key<C>("clipping", Kind::number, LRLAB_FIELD(C, clipping), 0.01, above(0),
                 "largest ratio of gradient norm to weight norm per unit")
              .log(),
          key<C>("eps", Kind::number, LRLAB_FIELD(C, eps), 1e-3, above(0),
                 "floor of the weight norm")
              .log()}},
    };
    return tables;
}

// ---- sections --------------------------------------------------------------------------------

const std::vector<Key<Config>>& top_keys()
{
    static const std::vector<Key<Config>> keys{
        key<Config>("seed", Kind::integer, LRLAB_FIELD(Config, seed), Config{}.seed,
                    closed(0, max_seed), "default of data.seed and model.init_seed"),
    };
    return keys;
}

const std::vector<Key<DataConfig>>& data_keys()
{
    using D = DataConfig;
    const D d;
    static const std::vector<Key<D>> keys{
        key<D>("dataset", Kind::choice, LRLAB_FIELD(D, dataset), d.dataset, any(),
               "the toy data set").one_of(dataset_names),
        key<D>("samples", Kind::integer, LRLAB_FIELD(D, samples), d.samples,
               closed(2, limits::max_samples), "points in total, train and test"),
        key<D>("noise", Kind::number, LRLAB_FIELD(D, noise), d.noise, closed(0, 1),
               "label or position noise (its meaning depends on the data set)"),
        key<D>("train_fraction", Kind::number, LRLAB_FIELD(D, train_fraction), d.train_fraction,
               open(0, 1), "share of the samples used for training; >= 1 train and test each"),
        key<D>("classes", Kind::integer, LRLAB_FIELD(D, classes), d.classes, closed(2, 8),
               "number of classes of blobs"),
        key<D>("features", Kind::name_list, LRLAB_FIELD(D, features), d.features, any(),
               "input features of the 2-D sets (not for digits8x8)").one_of(feature_names),
        key<D>("seed", Kind::integer, LRLAB_FIELD(D, seed), 1, closed(0, max_seed),
               "seed of the data and of the per-epoch batch order")
            .computed([](const DefaultCtx& c, const D&) { return json(c.seed); }, "seed"),
    };
    return keys;
}

const std::vector<Key<ModelConfig>>& model_keys()
{
    using M = ModelConfig;
    const M m;
    static const std::vector<Key<M>> keys{
        key<M>("hidden", Kind::int_list, LRLAB_FIELD(M, hidden), m.hidden,
               closed(1, limits::max_width), "widths of the hidden layers; may be empty")
            .at_most(limits::max_hidden_layers),
        key<M>("activation", Kind::choice, LRLAB_FIELD(M, activation), m.activation, any(),
               "activation of the hidden layers").one_of(activation_names),
        key<M>("leaky_slope", Kind::number, LRLAB_FIELD(M, leaky_slope), m.leaky_slope,
               closed(0, 1), "negative slope of leaky_relu"),
        key<M>("init", Kind::choice, LRLAB_FIELD(M, init), m.init, any(),
               "weight init; auto = xavier_uniform, or he_uniform for the relu family")
            .one_of(init_names),
        key<M>("init_seed", Kind::integer, LRLAB_FIELD(M, init_seed), 1, closed(0, max_seed),
               "seed of the initial weights")
            .computed([](const DefaultCtx& c, const M&) { return json(c.seed); }, "seed"),
    };
    return keys;
}

const std::vector<Key<TrainConfig>>& train_keys()
{
    using T = TrainConfig;
    const T t;
    const double max_steps = static_cast<double>(limits::max_steps);
    static const std::vector<Key<T>> keys{
        key<T>("steps", Kind::integer, LRLAB_FIELD(T, steps), t.steps, closed(1, max_steps),
               "optimizer steps of every run (S)"),
        key<T>("batch_size", Kind::integer, LRLAB_FIELD(T, batch_size), t.batch_size,
               closed(1, limits::max_samples), "samples per step; at most the train samples"),
        key<T>("l1", Kind::number, LRLAB_FIELD(T, l1), t.l1, at_least(0),
               "l1 * sum |w| added to the loss (weights, not biases)"),
        key<T>("l2", Kind::number, LRLAB_FIELD(T, l2), t.l2, at_least(0),
               "l2 * 0.5 * sum w^2 added to the loss (weights, not biases)"),
        key<T>("eval_every", Kind::integer, LRLAB_FIELD(T, eval_every), t.eval_every,
               closed(1, max_steps), "steps between evaluations (also at 0 and at steps)"),
    };
    return keys;
}

const std::vector<Key<RunTrainConfig>>& run_train_keys()
{
    using R = RunTrainConfig;
    static const std::vector<Key<R>> keys{
        key<R>("batch_size", Kind::integer, LRLAB_FIELD(R, batch_size), 10,
               closed(1, limits::max_samples), "this run's batch size")
            .computed([](const DefaultCtx& c, const R&) { return json(c.train.batch_size); },
                      "train.batch_size"),
        key<R>("l1", Kind::number, LRLAB_FIELD(R, l1), 0.0, at_least(0), "this run's l1")
            .computed([](const DefaultCtx& c, const R&) { return json(c.train.l1); }, "train.l1"),
        key<R>("l2", Kind::number, LRLAB_FIELD(R, l2), 0.0, at_least(0), "this run's l2")
            .computed([](const DefaultCtx& c, const R&) { return json(c.train.l2); }, "train.l2"),
    };
    return keys;
}

const std::vector<Key<SurfaceConfig>>& surface_keys()
{
    using S = SurfaceConfig;
    const S s;
    static const std::vector<Key<S>> keys{
        key<S>("function", Kind::choice, LRLAB_FIELD(S, function), s.function, any(),
               "the 2-D test function").one_of(surface_names),
        key<S>("start", Kind::pair, LRLAB_FIELD(S, start), s.start, closed(-1e6, 1e6),
               "the starting point [x, y]"),
        key<S>("steps", Kind::integer, LRLAB_FIELD(S, steps), s.steps, closed(1, 100000),
               "optimizer steps (S)"),
    };
    return keys;
}

}  // namespace lrlab::config_detail
