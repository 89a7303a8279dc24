// "No allocation in a training step": counts operator new calls while an experiment steps.
#include <doctest/doctest.h>

#include <cstdlib>
#include <new>

#include "../experiment_fixtures.hpp"

namespace
{
std::size_t allocations = 0;
}

void* operator new(std::size_t size)
{
    ++allocations;
    if (void* p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

using namespace lrlab;

TEST_CASE("training steps do not allocate, for every optimizer and clip")
{
    for (const char* opt :
         {R"("type": "sgd", "momentum": 0.9, "nesterov": true)", R"("type": "adagrad")",
          R"("type": "rmsprop", "centered": true, "momentum": 0.5)", R"("type": "adadelta")",
          R"("type": "adam", "amsgrad": true)", R"("type": "adamw")", R"("type": "adamax")",
          R"("type": "nadam")", R"("type": "radam")", R"("type": "lion")"})
        for (const char* clip : {"none", "value", "norm", "global_norm", "agc"})
        {
            const std::string text =
                std::string(R"({"data": {"dataset": "blobs", "samples": 100},
                "model": {"hidden": [5, 3], "activation": "gelu"},
                "train": {"steps": 1000, "batch_size": 8, "eval_every": 1000, "l1": 0.001,
                          "l2": 0.01},
                "runs": [{"optimizer": {)") +
                opt + R"(}, "schedule": {"type": "one_cycle"}, "clip": {"type": ")" + clip +
                R"("}}]})";
            Experiment e(lrlab::testing::config_from(text));
            e.step_all(100);  // past the first epoch: its order buffer is allocated once
            const std::string label = std::string(opt) + " clip " + clip;
            const std::size_t before = allocations;
            e.step_all(500);
            const std::size_t during = allocations - before;
            CAPTURE(label);
            CHECK(during == 0);
        }
}
