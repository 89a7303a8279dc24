// Running a lesson and checking its claims (lesson_check.hpp).
#include "core/lessons/lesson_check.hpp"

#include <memory>

#include "core/config/json.hpp"
#include "core/train/experiment.hpp"

namespace lrlab
{

bool LessonCheck::all_held() const
{
    if (!errors.empty())
        return false;
    for (const ClaimResult& r : results)
        if (!r.held)
            return false;
    return true;
}

namespace
{

LessonCheck check_surface(const Lesson& l)
{
    LessonCheck out;
    const SurfaceConfigResult r = parse_surface_config(lesson_config(l));
    if (!r.ok())
        return out.errors = r.errors, out;
    std::vector<std::string> names;
    std::vector<std::vector<SurfaceRow>> rows;
    for (std::size_t i = 0; i < r.config.runs.size(); ++i)
    {
        names.push_back(r.config.runs[i].name);
        rows.push_back(surface_trajectory(r.config, i));
    }
    out.results = evaluate_surface_claims(l, names, rows);
    return out;
}

}  // namespace

LessonCheck check_lesson(const Lesson& l, std::int64_t seed)
{
    if (l.surface)
        return check_surface(l);
    LessonCheck out;
    const ConfigResult r = parse_config(lesson_config(l, seed));
    if (!r.ok())
        return out.errors = r.errors, out;
    // An experiment is large (its runs point into it): on the heap, not the stack.
    const auto e = std::make_unique<Experiment>(r.config);
    e->step_all(e->steps());
    out.results = evaluate_claims(l, *e);
    return out;
}

}  // namespace lrlab
