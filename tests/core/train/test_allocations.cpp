// "No allocation in a training step": counts operator new calls while an experiment steps, with
// the CLI's counter (src/cli/alloc_counter.cpp, linked into this suite as into `lrlab bench`).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <new>
#include <vector>

#include "core/optim/clip.hpp"
#include "core/optim/descriptor.hpp"
#include "../experiment_fixtures.hpp"
#include "cli/alloc_counter.hpp"

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
            const std::size_t before = cli::allocation_count();
            e.step_all(500);
            const std::size_t during = cli::allocation_count() - before;
            CAPTURE(label);
            CHECK(during == 0);
        }
}

// Every replaceable form goes through the counter (and its matching delete): a form left to the
// library would allocate uncounted, and under a sanitizer its memory, freed by our delete, is an
// alloc-dealloc-mismatch (std::stable_sort's nothrow temporary buffer did exactly that).
TEST_CASE("the allocation counter counts every form of operator new")
{
    struct alignas(64) Wide
    {
        float v[16];
    };
    // Through a volatile pointer: the compiler may drop a new/delete pair it can see through.
    void* volatile p = nullptr;
    std::size_t before = cli::allocation_count();
    p = new int(1);
    delete static_cast<int*>(p);
    p = new int[3];
    delete[] static_cast<int*>(p);
    CHECK(cli::allocation_count() - before == 2);

    before = cli::allocation_count();
    p = ::operator new(8, std::nothrow);
    ::operator delete(p, std::nothrow);
    p = ::operator new[](8, std::nothrow);
    ::operator delete[](p, std::nothrow);
    CHECK(cli::allocation_count() - before == 2);

    before = cli::allocation_count();
    p = new Wide();
    CHECK(reinterpret_cast<std::uintptr_t>(p) % 64 == 0);
    delete static_cast<Wide*>(p);
    p = new Wide[3];
    CHECK(reinterpret_cast<std::uintptr_t>(p) % 64 == 0);
    delete[] static_cast<Wide*>(p);
    p = ::operator new(1, std::align_val_t(128), std::nothrow);
    CHECK(reinterpret_cast<std::uintptr_t>(p) % 128 == 0);
    ::operator delete(p, std::align_val_t(128), std::nothrow);
    p = ::operator new[](0, std::align_val_t(32), std::nothrow);
    ::operator delete[](p, std::align_val_t(32), std::nothrow);
    CHECK(cli::allocation_count() - before == 4);

    // std::stable_sort takes a nothrow temporary buffer (libstdc++, libc++ alike).
    std::vector<int> v(1000);
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = int((i * 7919) % 1000);
    before = cli::allocation_count();
    std::stable_sort(v.begin(), v.end());
    CHECK(cli::allocation_count() - before >= 1);
    CHECK(std::is_sorted(v.begin(), v.end()));
}

// A config with `changes` sorts them (std::stable_sort) when the experiment is built.
TEST_CASE("an experiment with changes trains without allocating in its steps")
{
    Experiment e(lrlab::testing::config_from(R"({"data": {"dataset": "xor", "samples": 100},
        "train": {"steps": 400, "batch_size": 10, "eval_every": 400},
        "runs": [{"optimizer": {"type": "sgd", "lr": 0.1},
                  "changes": [{"at": 300, "path": "optimizer.lr", "value": 0.01},
                              {"at": 100, "path": "optimizer.lr", "value": 0.05}]}]})"));
    e.step_all(50);
    const std::size_t before = cli::allocation_count();
    e.step_all(40);
    CHECK(cli::allocation_count() - before == 0);
    e.step_all(310);
    CHECK(e.run(0).settings().optimizer.lr == doctest::Approx(0.01));
}
