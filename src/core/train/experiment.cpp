// Experiment (train/experiment.hpp): lockstep stepping, evaluations and mid-run changes.
#include "core/train/experiment.hpp"

#include "core/config/json.hpp"
#include "core/data/features.hpp"

#include <utility>

namespace lrlab
{

TrainingData make_training_data(const Dataset& d, const DataConfig& c)
{
    TrainingData t;
    t.task = d.task;
    t.order_seed = c.seed;
    if (d.raw_dims == 2)
    {
        apply_features_into(d.train_x, c.features, t.train_x);
        apply_features_into(d.test_x, c.features, t.test_x);
    }
    else
    {
        t.train_x = d.train_x;
        t.test_x = d.test_x;
    }
    t.train_y = d.train_y;
    t.test_y = d.test_y;
    return t;
}

namespace
{
int output_count(const Dataset& d) { return d.task == TaskKind::multiclass ? d.classes : 1; }
}  // namespace

Experiment::Experiment(const Config& c)
    : config_(c),
      dataset_(make_dataset(c.data)),
      data_(make_training_data(dataset_, c.data)),
      model_(static_cast<int>(data_.train_x.shape(1)), c.model, output_count(dataset_),
             dataset_.task)
{
    start_runs();
}

Experiment::Experiment(const Config& c, TrainingData data)
    : config_(c),
      dataset_(make_dataset(c.data)),
      data_(std::move(data)),
      model_(static_cast<int>(data_.train_x.shape(1)), c.model, output_count(dataset_),
             dataset_.task)
{
    start_runs();
}

void Experiment::start_runs()
{
    initial_ = model_.make_params();
    model_.init_params(initial_);
    runs_.reserve(config_.runs.size());
    for (std::size_t i = 0; i < config_.runs.size(); ++i)
        runs_.emplace_back(run_config_at(config_, i, 0), model_, initial_, steps(), data_);
    evaluate_all();
}

void Experiment::reset()
{
    for (std::size_t i = 0; i < runs_.size(); ++i)
        runs_[i].reset(run_config_at(config_, i, 0), initial_);
    step_ = 0;
    evaluate_all();
}

void Experiment::evaluate_all()
{
    for (Run& r : runs_)
        r.evaluate(data_);
}

void Experiment::apply_changes_at(std::int64_t step)
{
    for (std::size_t i = 0; i < runs_.size(); ++i)
        for (const Change& ch : config_.runs[i].changes)
            if (ch.at == step && step > 0)
            {
                runs_[i].apply(run_config_at(config_, i, step));
                break;
            }
}

std::int64_t Experiment::step_all(std::int64_t n)
{
    for (std::int64_t k = 0; k < n && !finished(); ++k)
    {
        for (Run& r : runs_)
            r.step(data_);
        ++step_;
        if (step_ % config_.train.eval_every == 0 || step_ == steps())
            evaluate_all();
        // Changes recorded at step s apply after the evaluation at s (whose row then shows the
        // LR step s uses), before step s; at train.steps only that row shows them.
        apply_changes_at(step_);
    }
    return step_;
}

namespace
{
// Sets run_json[a][b]... = value for path "a.b"; false if the path does not name an existing key
// of an object.
bool set_path(nlohmann::json& run_json, const std::string& path, const nlohmann::json& value)
{
    nlohmann::json* node = &run_json;
    std::size_t start = 0;
    while (true)
    {
        const std::size_t dot = path.find('.', start);
        const std::string key = path.substr(start, dot - start);
        if (!node->is_object() || node->find(key) == node->end())
            return false;
        node = &(*node)[key];
        if (dot == std::string::npos)
            break;
        start = dot + 1;
    }
    *node = value;
    return true;
}
}  // namespace

std::vector<ConfigError> Experiment::change(std::size_t run, const std::string& path,
                                            const nlohmann::json& value)
{
    nlohmann::json j = to_json(config_);
    const std::string run_path = "runs[" + std::to_string(run) + "]";
    if (run >= runs_.size())
        return {{"runs", "no run " + std::to_string(run)}};
    if (step_ == 0)
    {
        if (!set_path(j["runs"][run], path, value))
            return {{run_path + "." + path, "no such key"}};
    }
    else
        j["runs"][run]["changes"].push_back({{"at", step_}, {"path", path}, {"value", value}});
    ConfigResult parsed = parse_config(j);
    if (!parsed.ok())
        return parsed.errors;
    config_ = parsed.config;
    if (step_ == 0)
    {
        runs_[run].reset(run_config_at(config_, run, 0), initial_);
        runs_[run].evaluate(data_);
    }
    else
        runs_[run].apply(run_config_at(config_, run, step_));
    return {};
}

}  // namespace lrlab
