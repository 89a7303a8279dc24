// The lessons (lessons.hpp). Each config is small enough to play in seconds; each caption's
// claim is checked by tests/app/test_lessons.cpp with the engine itself.
#include "app/lessons.hpp"

namespace lrlab
{

using nlohmann::json;

const std::vector<Lesson>& lessons()
{
    static const std::vector<Lesson> table = {
        {"good-lr", "A good learning rate",
         "With a learning rate that suits the problem, the loss falls quickly and smoothly. "
         "Here plain SGD at 0.1 and 0.3 both classify almost every test point correctly "
         "within 1000 steps; watch the boundary close around the inner disc.",
         R"({"data": {"dataset": "circle", "noise": 0.1},
             "model": {"hidden": [4, 2]},
             "train": {"steps": 1000},
             "runs": [{"name": "sgd 0.1", "optimizer": {"type": "sgd", "lr": 0.1}},
                      {"name": "sgd 0.3", "optimizer": {"type": "sgd", "lr": 0.3}}]})"},
        {"lr-too-low", "Learning rate too low",
         "Too small a learning rate makes every step tiny: the run at 0.001 has barely moved "
         "after 1000 steps while the same network at 0.1 has solved the task. The loss of a "
         "too-low LR is not stuck at a bad minimum, it is just slow.",
         R"({"data": {"dataset": "circle", "noise": 0.1},
             "model": {"hidden": [4, 2]},
             "train": {"steps": 1000},
             "runs": [{"name": "sgd 0.001", "optimizer": {"type": "sgd", "lr": 0.001}},
                      {"name": "sgd 0.1", "optimizer": {"type": "sgd", "lr": 0.1}}]})"},
        {"lr-too-high", "Learning rate too high",
         "Past a threshold (2 / the curvature of the loss), every step overshoots the minimum by "
         "more than it gains, and the loss grows without bound. Here 0.01 and 0.03 converge, "
         "while 0.05, not even twice as large, diverges within a few steps.",
         R"({"data": {"dataset": "reg_plane", "noise": 0.1},
             "model": {"hidden": [8], "activation": "linear"},
             "train": {"steps": 300},
             "runs": [{"name": "sgd 0.01", "optimizer": {"type": "sgd", "lr": 0.01}},
                      {"name": "sgd 0.03", "optimizer": {"type": "sgd", "lr": 0.03}},
                      {"name": "sgd 0.05", "optimizer": {"type": "sgd", "lr": 0.05}}]})"},
        {"adaptive-vs-sgd", "Adam and RMSprop vs SGD",
         "Adaptive optimizers scale each weight's step by its recent gradient size, so one LR "
         "works for every layer. At the same LR of 0.01, Adam and RMSprop untangle the spiral "
         "while SGD has hardly started.",
         R"({"data": {"dataset": "spiral", "noise": 0.1},
             "model": {"hidden": [8, 8]},
             "train": {"steps": 2000},
             "runs": [{"name": "sgd 0.01", "optimizer": {"type": "sgd", "lr": 0.01}},
                      {"name": "adam 0.01", "optimizer": {"type": "adam", "lr": 0.01}},
                      {"name": "rmsprop 0.01", "optimizer": {"type": "rmsprop", "lr": 0.01}}]})"},
        {"schedules", "Step, exponential, cosine and one-cycle schedules",
         "A schedule changes the LR as training goes: large steps early to make progress, small "
         "ones late to settle. At a high LR of 1.5, constant SGD keeps bouncing around; all four "
         "schedules end with an LR at least 100 times smaller and a lower test loss. Compare "
         "their LR curves in the schedule preview.",
         R"({"data": {"dataset": "xor", "noise": 0.1},
             "model": {"hidden": [8]},
             "train": {"steps": 1000},
             "runs": [{"name": "constant", "optimizer": {"type": "sgd", "lr": 1.5}},
                      {"name": "step", "optimizer": {"type": "sgd", "lr": 1.5},
                       "schedule": {"type": "step"}},
                      {"name": "exponential", "optimizer": {"type": "sgd", "lr": 1.5},
                       "schedule": {"type": "exponential"}},
                      {"name": "cosine", "optimizer": {"type": "sgd", "lr": 1.5},
                       "schedule": {"type": "cosine"}},
                      {"name": "one-cycle", "optimizer": {"type": "sgd", "lr": 1.5},
                       "schedule": {"type": "one_cycle"}}]})"},
        {"warm-restarts", "Warm restarts (SGDR)",
         "Cosine annealing with warm restarts lowers the LR along a cosine, then jumps back to "
         "the start value, here every 500 steps. Most restarts shake the loss up for a moment, "
         "and each cycle ends lower than the one before.",
         R"({"data": {"dataset": "spiral", "noise": 0.1},
             "model": {"hidden": [8, 8]},
             "train": {"steps": 2000},
             "runs": [{"name": "sgd 0.3 sgdr", "optimizer": {"type": "sgd", "lr": 0.3},
                       "schedule": {"type": "cosine_warm_restarts"}},
                      {"name": "adam 0.03 sgdr", "optimizer": {"type": "adam", "lr": 0.03},
                       "schedule": {"type": "cosine_warm_restarts"}}]})"},
        {"clipping", "Gradient clipping tames a high LR",
         "A single large gradient times a high LR throws the weights far away. Clipping the "
         "gradient's norm to 1 bounds every step: the same LR that diverges without clipping "
         "converges with it. The gradient chart shows the norm before and after clipping, and the "
         "runs table how often the clip was active.",
         R"({"data": {"dataset": "reg_plane", "noise": 0.1},
             "model": {"hidden": [8], "activation": "linear"},
             "train": {"steps": 300},
             "runs": [{"name": "sgd 0.5", "optimizer": {"type": "sgd", "lr": 0.5}},
                      {"name": "sgd 0.5 clipped", "optimizer": {"type": "sgd", "lr": 0.5},
                       "clip": {"type": "global_norm", "max_norm": 1.0}}]})"},
        {"generalization", "The LR and generalization",
         "On 50 noisy training points a 16-16 network can memorise the noise. At a high LR (0.03) "
         "the train loss goes to zero while the test loss climbs to several times its best: "
         "overfitting. L2 at the same LR keeps the test loss far lower; a tiny LR (3e-5) "
         "still underfits after 2000 steps.",
         R"({"data": {"dataset": "moons", "samples": 100, "noise": 0.5},
             "model": {"hidden": [16, 16], "activation": "relu"},
             "train": {"steps": 2000, "batch_size": 10},
             "runs": [{"name": "adam 0.03", "optimizer": {"type": "adam", "lr": 0.03}},
                      {"name": "adam 0.03 + L2", "optimizer": {"type": "adam", "lr": 0.03},
                       "train": {"l2": 0.01}},
                      {"name": "adam 3e-5", "optimizer": {"type": "adam", "lr": 3e-05}}]})"},
    };
    return table;
}

const Lesson* find_lesson(const std::string& name)
{
    for (const Lesson& l : lessons())
        if (name == l.name)
            return &l;
    return nullptr;
}

json lesson_config(const Lesson& l) { return json::parse(l.config, nullptr, false); }

json lesson_names_json()
{
    json out = json::array();
    for (const Lesson& l : lessons())
        out.push_back({{"name", l.name}, {"title", l.title}, {"caption", l.caption}});
    return out;
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
