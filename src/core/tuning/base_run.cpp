#include "core/tuning/base_run.hpp"

namespace lrlab
{

bool find_base_run(const Config& c, const std::string& name, std::size_t& index,
                   ConfigError& error)
{
    index = 0;
    if (name.empty())
        return true;
    std::string names;
    for (std::size_t i = 0; i < c.runs.size(); ++i)
    {
        if (c.runs[i].name == name)
        {
            index = i;
            return true;
        }
        names += (i ? ", \"" : "\"") + c.runs[i].name + "\"";
    }
    error = {"--run", "no run named \"" + name + "\" (the runs are " + names + ")"};
    return false;
}

}  // namespace lrlab
