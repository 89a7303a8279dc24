// Edits in words (edit_words.hpp).
#include "app/edit_words.hpp"

#include "core/config/describe.hpp"
#include "core/config/json_path.hpp"

namespace lrlab
{

namespace
{

// A value as a student reads it: strings bare, numbers and lists as JSON.
std::string value_text(const nlohmann::json& v)
{
    return v.is_string() ? v.get<std::string>() : v.dump();
}

std::string words(std::string key)
{
    for (char& ch : key)
        if (ch == '_')
            ch = ' ';
    return key;
}

std::string type_label(const std::vector<TypeDescription>& types, const nlohmann::json& v)
{
    const TypeDescription* t = v.is_string() ? find_type(types, v.get<std::string>()) : nullptr;
    return t ? t->label : value_text(v);
}

// runs[i].<section>.<key> in words; `who` names the run.
std::string run_edit(const std::string& who, const std::string& section, const std::string& key,
                     const nlohmann::json& v)
{
    if (section == "optimizer" && key == "type")
        return who + " now uses " + type_label(optimizer_descriptions(), v);
    if (section == "schedule" && key == "type")
        return v == "none" ? who + " now keeps its learning rate constant"
                           : who + " now follows the " + type_label(schedule_descriptions(), v) +
                                 " schedule";
    if (section == "clip" && key == "type")
        return v == "none" ? who + " now trains without clipping"
                           : who + " now clips: " + type_label(clip_descriptions(), v);
    if (section == "optimizer" && key == "lr")
        return who + " now has learning rate " + value_text(v);
    if (section == "name")
        return who + " is now called \"" + value_text(v) + "\"";
    return who + ": " + words(section) + (key.empty() ? "" : " " + words(key)) + " is now " +
           value_text(v);
}

}  // namespace

std::string describe_edit(const Config& c, const Edit& e)
{
    std::vector<PathPart> parts;
    if (!parse_json_path(e.path, parts) || parts.empty())
        return "changed " + e.path;
    if (parts[0].key == "runs" && parts.size() >= 3 && parts[1].index >= 0)
    {
        const std::size_t i = std::size_t(parts[1].index);
        std::string who = "run " + std::to_string(i + 1);
        if (i < c.runs.size() && !(parts.size() == 3 && parts[2].key == "name"))
            who += " (" + c.runs[i].name + ")";
        return run_edit(who, parts[2].key, parts.size() > 3 ? parts[3].key : "", e.value);
    }
    if (e.path == "runs" && e.value.is_array())
    {
        std::string names;
        for (const RunConfig& r : c.runs)
            names += (names.empty() ? "" : ", ") + r.name;
        return std::to_string(c.runs.size()) + (c.runs.size() == 1 ? " run: " : " runs: ") +
               names;
    }
    if (e.path == "train.steps")
        return "training now runs " + value_text(e.value) + " steps";
    if (e.path == "data.dataset")
        return "the dataset is now " + value_text(e.value);
    std::string what;
    for (const PathPart& p : parts)
        what += p.index >= 0 ? " " + std::to_string(p.index + 1)
                             : (what.empty() ? "" : " ") + words(p.key);
    return what + " is now " + value_text(e.value);
}

}  // namespace lrlab
