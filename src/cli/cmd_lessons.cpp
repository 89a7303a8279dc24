// `lrlab lessons`, `lrlab lesson NAME [--seed S]`, `lrlab check-lesson NAME [--seed S]`: the
// lessons as data (DESIGN.md, "Lessons are data with checkable claims"). --seed sets the
// config's top-level `seed`, from which data.seed (the points and the batch order) and
// model.init_seed (the initial weights) derive: both change, as with a new seed on the page.
#include <memory>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "core/config/json.hpp"
#include "core/lessons/lesson_check.hpp"
#include "core/lessons/lesson_table.hpp"
#include "core/train/csv.hpp"

namespace lrlab::cli
{
namespace
{

struct LessonOptions
{
    std::string name;
    std::int64_t seed = -1;  // -1: the lesson's own
    std::string out;
};

// The lesson, or exit 2 naming it and listing the lessons.
const Lesson* lesson_or_report(const LessonOptions& o, int& code)
{
    const Lesson* l = find_lesson(o.name);
    if (!l)
        code = report_errors({{"NAME", "no lesson \"" + o.name + "\"; one of: " + lesson_names()}});
    else if (l->surface && o.seed >= 0)
    {
        code = report_errors({{"--seed", "lesson \"" + o.name + "\" is a surface lesson: it "
                                         "has no seed"}});
        l = nullptr;
    }
    return l;
}

int write_text(const std::string& path, const std::string& text)
{
    std::string error;
    Output out;
    if (!out.open(path, error))
        return report_errors({{"--out", error}});
    return out.write(text) ? exit_ok : exit_internal;
}

std::string json_text(const nlohmann::json& j)
{
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string cell(const MetricValue& v) { return v.present ? format_number(v.value) : ""; }

// CSV `claim,text,result,left,op,right`: right is factor × the right-hand metric, or the
// literal; an empty cell is a value the run does not have (diverged_at of a run that did not).
std::string check_table(const Lesson& l, const LessonCheck& c)
{
    std::string t = "claim,text,result,left,op,right\n";
    for (std::size_t i = 0; i < l.claims.size(); ++i)
    {
        const ClaimResult& r = c.results[i];
        t += std::to_string(i) + "," + csv_field(l.claims[i].text) + "," +
             (r.held ? "held" : "failed") + "," + cell(r.left) + "," +
             op_symbol(l.claims[i].op) + "," + cell(r.right) + "\n";
    }
    return t;
}

int check_command(const LessonOptions& o)
{
    int code = exit_usage;
    const Lesson* l = lesson_or_report(o, code);
    if (!l)
        return code;
    const LessonCheck c = check_lesson(*l, o.seed);
    if (!c.errors.empty())
        return report_errors(c.errors);
    code = write_text(o.out, check_table(*l, c));
    return code != exit_ok ? code : c.all_held() ? exit_ok : exit_claim_failed;
}

int lesson_command(const LessonOptions& o)
{
    int code = exit_usage;
    const Lesson* l = lesson_or_report(o, code);
    return l ? write_text(o.out, json_text(lesson_config(*l, o.seed))) : code;
}

void add_name_and_seed(CLI::App* cmd, LessonOptions& o)
{
    cmd->add_option("NAME", o.name, "Lesson name (lrlab lessons lists them)")->required();
    cmd->add_option("--seed", o.seed, "Top-level seed: the data, batch order and initial weights")
        ->check(CLI::Range(std::int64_t(0), limits::max_seed));
    cmd->add_option("--out", o.out, "Write to FILE instead of standard output");
}

}  // namespace

void add_lessons_commands(CLI::App& app, Action& action)
{
    auto all = std::make_shared<LessonOptions>();
    CLI::App* list = app.add_subcommand("lessons", "Print every lesson (name, title, caption, "
                                                   "config, claims) as a JSON array");
    list->add_option("--out", all->out, "Write to FILE instead of standard output");
    list->callback([all, &action]
                   { action = [all] { return write_text(all->out, json_text(lessons_json())); }; });

    auto one = std::make_shared<LessonOptions>();
    CLI::App* lesson = app.add_subcommand("lesson", "Print a lesson's config (ready for lrlab run "
                                                    "or lrlab surface)");
    add_name_and_seed(lesson, *one);
    lesson->callback([one, &action] { action = [one] { return lesson_command(*one); }; });

    auto check = std::make_shared<LessonOptions>();
    CLI::App* cmd = app.add_subcommand("check-lesson", "Train a lesson and print whether each of "
                                                       "its claims held (exit 0: all held, 3: one "
                                                       "failed, 2: bad usage, 1: internal error)");
    add_name_and_seed(cmd, *check);
    cmd->callback([check, &action] { action = [check] { return check_command(*check); }; });
}

}  // namespace lrlab::cli
