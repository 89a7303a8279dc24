// The lessons, in the order the page lists them: the one line to add for a new lesson (its record
// is the JSON text returned by lesson_<id>() in lessons/table/<id>.cpp). An explicit list, not
// self-registration: lrlab_core is a static library, whose unreferenced object files the linker
// would drop.
#pragma once

#define LRLAB_LESSONS(X)                                                                         \
    X(good_lr)                                                                                   \
    X(lr_too_low)                                                                                \
    X(lr_too_high)                                                                               \
    X(adaptive_vs_sgd)                                                                           \
    X(schedules)                                                                                 \
    X(warm_restarts)                                                                             \
    X(clipping)                                                                                  \
    X(generalization)                                                                            \
    X(lr_finder)                                                                                 \
    X(cross_validation)                                                                          \
    X(lr_sensitivity)                                                                            \
    X(your_data)                                                                                 \
    X(local_minima)                                                                              \
    X(warm_restarts_escape)                                                                      \
    X(overshoot)                                                                                 \
    X(momentum)                                                                                  \
    X(saddle)                                                                                    \
    X(clipping_steep_start)

namespace lrlab
{
#define LRLAB_DECLARE_LESSON(id) const char* lesson_##id();
LRLAB_LESSONS(LRLAB_DECLARE_LESSON)
#undef LRLAB_DECLARE_LESSON
}  // namespace lrlab
