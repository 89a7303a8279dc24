// The lesson table (lesson_table.hpp).
#include "core/lessons/lesson_table.hpp"

#include "core/config/json.hpp"
#include "core/lessons/lesson_list.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

struct Table
{
    std::vector<Lesson> lessons;
    std::vector<ConfigError> errors;
};

Table read_table()
{
    Table t;
    const char* records[] = {
#define LRLAB_LESSON_RECORD(id) lesson_##id(),
        LRLAB_LESSONS(LRLAB_LESSON_RECORD)
#undef LRLAB_LESSON_RECORD
    };
    int index = 0;
    for (const char* text : records)
    {
        json j;
        ConfigError syntax;
        Lesson l;
        std::vector<ConfigError> errors;
        if (!parse_json_text(text, j, syntax))
            errors.push_back(syntax);
        else
            errors = parse_lesson(j, l);
        const std::string prefix =
            "lessons[" + (l.name.empty() ? std::to_string(index) : l.name) + "]";
        for (const ConfigError& e : errors)
            t.errors.push_back({prefix + (e.path.empty() ? "" : "." + e.path), e.message});
        t.lessons.push_back(l);
        ++index;
    }
    return t;
}

// Read once: the records are constants compiled in.
const Table& table()
{
    static const Table t = read_table();
    return t;
}

}  // namespace

const std::vector<Lesson>& lessons() { return table().lessons; }

std::vector<ConfigError> lesson_table_errors() { return table().errors; }

const Lesson* find_lesson(const std::string& name)
{
    for (const Lesson& l : lessons())
        if (l.name == name)
            return &l;
    return nullptr;
}

std::string lesson_names()
{
    std::string names;
    for (const Lesson& l : lessons())
        names += (names.empty() ? "" : ", ") + l.name;
    return names;
}

json lessons_json()
{
    json out = json::array();
    for (const Lesson& l : lessons())
        out.push_back(to_json(l));
    return out;
}

}  // namespace lrlab
