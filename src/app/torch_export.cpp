// The page's side of the PyTorch export: the run by name, the refusals as one line of text.
#include "app/torch_export.hpp"

#include <algorithm>

#include "app/toast.hpp"
#include "app/web_api.hpp"
#include "core/export/torch_script.hpp"

namespace lrlab
{
namespace
{

bool script_of(const AppState& app, std::size_t index, std::string& script, std::string& error)
{
    const TorchScript t = torch_script(app.config(), index);
    if (t.ok())
    {
        script = t.text;
        return true;
    }
    error.clear();
    for (const ConfigError& e : t.errors)
        error += (error.empty() ? "" : "; ") + to_string(e);
    return false;
}

}  // namespace

bool torch_script_for(const AppState& app, const nlohmann::json& run, std::string& script,
                      std::string& error)
{
    const auto& runs = app.config().runs;
    if (run.is_null())
        return script_of(app, std::size_t(std::clamp(app.ui.selected_run, 0,
                                                      int(runs.size()) - 1)),
                         script, error);
    for (std::size_t i = 0; i < runs.size(); ++i)
        if (run.is_string() && runs[i].name == run.get<std::string>())
            return script_of(app, i, script, error);
    error = "exportTorch(runName): no run named " + run.dump();
    return false;
}

void copy_run_as_torch(AppState& app, std::size_t index)
{
    std::string script, error;
    const std::string& name = app.config().runs[index].name;
    if (!script_of(app, index, script, error))
    {
        show_toast(app, "Cannot copy \"" + name + "\" as PyTorch: " + error);
        return;
    }
    web_copy_text(script);
    show_toast(app, "Copied \"" + name + "\" as a PyTorch script: paste it into a .py file; "
                    "python3 it.py --print-lrs N prints its LRs.");
}

}  // namespace lrlab
