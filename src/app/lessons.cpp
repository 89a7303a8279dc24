// The page's default runs (lessons.hpp); the lessons are in core/lessons/.
#include "app/lessons.hpp"

namespace lrlab
{

using nlohmann::json;

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
