// The experiment configuration: one value that describes an experiment completely.
//
// Field names are exactly the JSON keys (DESIGN.md, "Experiment config"), which are PyTorch's
// names for optimizer, schedule and clip parameters. After parsing (config/json.cpp) every field
// holds a value: defaults, including those that depend on train.steps (S) and optimizer.lr (L),
// are filled in. The engine reads only resolved values.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lrlab
{

// Upper bounds that keep a run within memory and time (documented in the README).
namespace limits
{
constexpr int max_samples = 20000;
constexpr int max_hidden_layers = 8;
constexpr int max_width = 256;
constexpr std::int64_t max_steps = 1000000;
constexpr int max_runs = 16;
constexpr std::int64_t max_seed = 4294967295LL;  // seeds are 32-bit so that JS can hold them
constexpr int max_milestones = 64;
constexpr int max_sequential = 8;
constexpr int max_changes = 1000;
}  // namespace limits

struct DataConfig
{
    std::string dataset = "circle";   // circle, xor, gauss, spiral, moons, checkerboard, blobs,
                                      // reg_plane, reg_gauss, digits8x8, points
    int samples = 500;                // total points, split into train and test
    double noise = 0.0;               // 0..1; the meaning is per dataset (data/datasets.cpp)
    double train_fraction = 0.5;      // share of samples used for training
    int classes = 3;                  // blobs only (2..8)
    std::vector<std::string> features{"x1", "x2"};  // 2-D sets only
    std::uint64_t seed = 1;           // default: the top-level seed
    // dataset "points" only (data/points.hpp): rows of inputs then the target, as typed, and
    // how the target is read: auto, binary, multiclass, regression.
    std::vector<std::vector<double>> points;
    std::string task = "auto";
};

struct ModelConfig
{
    std::vector<int> hidden{4, 2};    // hidden layer widths; may be empty
    std::string activation = "tanh";  // relu, tanh, sigmoid, linear, leaky_relu, gelu
    double leaky_slope = 0.01;        // negative slope of leaky_relu
    std::string init = "auto";        // auto, xavier_uniform, xavier_normal, he_uniform, he_normal
    std::uint64_t init_seed = 1;      // default: the top-level seed
};

struct TrainConfig
{
    std::int64_t steps = 1000;
    int batch_size = 10;
    double l1 = 0.0;                  // l1 * sum|w| added to the loss (weights, not biases)
    double l2 = 0.0;                  // l2 * 0.5 * sum w^2 added to the loss (weights, not biases)
    std::int64_t eval_every = 10;
};

// One struct for every optimizer type. Fields keep PyTorch 1.13's names; which keys a type takes
// and their defaults are said once, by the type's descriptor (optim/<type>.cpp): the parser fills
// every key of the type, and optimizer_defaults(type) (optim/descriptor.hpp) gives a config with
// the type's defaults. The member initialisers are no type's defaults: they are the values a
// config carries for keys its type does not take (never read; eps and betas keep the values
// they always had there, which the config tests pin).
struct OptimizerConfig
{
    std::string type;                       // sgd, adagrad, rmsprop, adadelta, adam, adamw,
                                            // adamax, nadam, radam, lion
    double lr = 0.0;
    double momentum = 0.0;                  // sgd, rmsprop
    double dampening = 0.0;                 // sgd
    bool nesterov = false;                  // sgd
    double weight_decay = 0.0;              // all (adamw, lion: decoupled)
    double lr_decay = 0.0;                  // adagrad
    double initial_accumulator_value = 0.0; // adagrad
    double eps = 1e-8;                      // all but sgd and lion
    double alpha = 0.0;                     // rmsprop
    bool centered = false;                  // rmsprop
    double rho = 0.0;                       // adadelta
    std::array<double, 2> betas{0.9, 0.999};// adam family, lion
    bool amsgrad = false;                   // adam, adamw
    double momentum_decay = 0.0;            // nadam
};

struct ScheduleConfig
{
    std::string type = "constant";
    // constant (ConstantLR), linear (LinearLR)
    double factor = 1.0;
    std::int64_t total_iters = 0;           // constant, polynomial, linear
    // step, multistep, exponential
    std::int64_t step_size = 1;
    double gamma = 0.1;
    std::vector<std::int64_t> milestones;   // multistep; sequential
    // inverse_time
    double decay_rate = 1.0;
    std::int64_t decay_steps = 1;
    bool staircase = false;
    // polynomial
    double power = 1.0;
    // linear
    double start_factor = 1.0 / 3.0;
    double end_factor = 1.0;
    // cosine, cosine_warm_restarts
    std::int64_t T_max = 1;
    double eta_min = 0.0;
    std::int64_t T_0 = 1;
    std::int64_t T_mult = 1;
    // cyclic, one_cycle
    double base_lr = 0.0;
    double max_lr = 0.0;
    std::int64_t step_size_up = 1;
    std::int64_t step_size_down = 1;
    std::string mode = "triangular";        // cyclic: triangular, triangular2, exp_range;
                                            // reduce_on_plateau: min, max
    bool cycle_momentum = false;
    double base_momentum = 0.8;
    double max_momentum = 0.9;
    std::int64_t total_steps = 1;
    double pct_start = 0.3;
    std::string anneal_strategy = "cos";    // cos, linear
    double div_factor = 25.0;
    double final_div_factor = 1e4;
    bool three_phase = false;
    // sequential
    std::vector<ScheduleConfig> schedules;
    // reduce_on_plateau
    std::int64_t patience = 10;
    double threshold = 1e-4;
    std::string threshold_mode = "rel";     // rel, abs
    std::int64_t cooldown = 0;
    double min_lr = 0.0;
    double eps = 1e-8;
};

struct ClipConfig
{
    std::string type = "none";              // none, value, norm, global_norm, agc
    double clip_value = 1.0;                // value
    double max_norm = 1.0;                  // norm, global_norm
    double norm_type = 2.0;                 // norm, global_norm; +infinity for "inf"
    double clipping = 0.01;                 // agc: max ratio of grad norm to weight norm per unit
    double eps = 1e-3;                      // agc: floor of the weight norm
};

// A hyperparameter changed mid-run, applied before step `at`; path is relative to the run
// (e.g. "optimizer.lr").
struct Change
{
    std::int64_t at = 0;
    std::string path;
    nlohmann::json value;
};

struct RunTrainConfig
{
    int batch_size = 10;
    double l1 = 0.0;
    double l2 = 0.0;
};

struct RunConfig
{
    std::string name;
    OptimizerConfig optimizer;
    ScheduleConfig schedule;
    ClipConfig clip;
    RunTrainConfig train;                   // default: the top-level train values
    std::vector<Change> changes;            // sorted by `at` (stable)
};

struct Config
{
    std::uint64_t seed = 1;
    DataConfig data;
    ModelConfig model;
    TrainConfig train;
    std::vector<RunConfig> runs;
};

// An error found while reading a config: the JSON path of the offending key and what is wrong,
// e.g. {"runs[1].optimizer.lr", "must be > 0, got -1"}.
struct ConfigError
{
    std::string path;
    std::string message;
};

inline std::string to_string(const ConfigError& e)
{
    return e.path.empty() ? e.message : e.path + ": " + e.message;
}

}  // namespace lrlab
