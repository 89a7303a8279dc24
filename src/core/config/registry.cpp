// The key tables of the experiment config's sections: top level, data, model, train, a run's train
// and the surface verb. (Optimizer, schedule and clip types are described by their descriptors, in
// their own files: optim/*.cpp, schedules/*.cpp, optim/clip.cpp.) Ranges keep values meaningful
// and within the size limits of config/config.hpp.
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
    return names_of(dataset_registry(), &DatasetInfo::name);
}
std::vector<std::string> feature_names()
{
    return names_of(feature_registry(), &FeatureInfo::name);
}
std::vector<std::string> activation_names()
{
    return names_of(activation_registry(), &ActivationInfo::name);
}
std::vector<std::string> surface_names()
{
    return names_of(surface_registry(), &SurfaceInfo::name);
}
std::vector<std::string> init_names()
{
    return {"auto", "xavier_uniform", "xavier_normal", "he_uniform", "he_normal"};
}

const double max_seed = static_cast<double>(limits::max_seed);

}  // namespace

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
