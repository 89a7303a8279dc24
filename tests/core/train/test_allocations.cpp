// "No allocation in a training step": counts operator new calls while an experiment steps.
#include <doctest/doctest.h>

#include <cstdlib>
#include <new>

#include "core/optim/clip.hpp"
#include "core/optim/descriptor.hpp"
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

// Every optimizer type with its options switched on (each boolean key true; momentum 0.9 where
// the type takes it, which nesterov needs), from the descriptors: a new type is tested for free.
// (Text, not nlohmann::json: GCC 12 warns about json's inlined allocations beside the counting
// operator new of this file.)
std::string exercised(const OptimizerDescriptor& d)
{
    std::string o = std::string("\"type\": \"") + d.type + "\"";
    for (const OptimizerKey& k : d.keys)
    {
        if (k.kind == config_detail::Kind::boolean)
            o += std::string(", \"") + k.name + "\": true";
        if (std::string(k.name) == "momentum")
            o += ", \"momentum\": 0.9";
    }
    return o;
}

TEST_CASE("training steps do not allocate, for every optimizer and clip")
{
    for (const OptimizerDescriptor& opt : optimizer_descriptors())
        for (const ClipDescriptor& clip : clip_descriptors())
        {
            const std::string text =
                std::string(R"({"data": {"dataset": "blobs", "samples": 100},
                "model": {"hidden": [5, 3], "activation": "gelu"},
                "train": {"steps": 1000, "batch_size": 8, "eval_every": 1000, "l1": 0.001,
                          "l2": 0.01},
                "runs": [{"optimizer": {)") +
                exercised(opt) + R"(}, "schedule": {"type": "one_cycle"}, "clip": {"type": ")" +
                clip.type + R"("}}]})";
            Experiment e(lrlab::testing::config_from(text));
            e.step_all(100);  // past the first epoch: its order buffer is allocated once
            const std::string label = exercised(opt) + " clip " + clip.type;
            const std::size_t before = allocations;
            e.step_all(500);
            const std::size_t during = allocations - before;
            CAPTURE(label);
            CHECK(during == 0);
        }
}
