// The optimizer types, in order: the one line to add for a new optimizer (its descriptor function
// <name>_descriptor() lives in optim/<name>.cpp). An explicit list, not self-registration:
// lrlab_core is a static library, whose unreferenced object files the linker would drop.
#pragma once

#define LRLAB_OPTIMIZERS(X)                                                                      \
    X(sgd)                                                                                       \
    X(adagrad)                                                                                   \
    X(rmsprop)                                                                                   \
    X(adadelta)                                                                                  \
    X(adam)                                                                                      \
    X(adamw)                                                                                     \
    X(adamax)                                                                                    \
    X(nadam)                                                                                     \
    X(radam)                                                                                     \
    X(lion)
