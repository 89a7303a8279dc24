// The schedule types, in order: the one line to add for a new schedule (its descriptor function
// <name>_schedule_descriptor() lives beside its stepper in schedules/*.cpp). An explicit list,
// not self-registration: lrlab_core is a static library, whose unreferenced object files the
// linker would drop.
#pragma once

#define LRLAB_SCHEDULES(X)                                                                       \
    X(constant)                                                                                  \
    X(step)                                                                                      \
    X(multistep)                                                                                 \
    X(exponential)                                                                               \
    X(inverse_time)                                                                              \
    X(polynomial)                                                                                \
    X(linear)                                                                                    \
    X(cosine)                                                                                    \
    X(cosine_warm_restarts)                                                                      \
    X(cyclic)                                                                                    \
    X(one_cycle)                                                                                 \
    X(sequential)                                                                                \
    X(reduce_on_plateau)
