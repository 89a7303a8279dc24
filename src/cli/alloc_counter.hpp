// Counts heap allocations made through the global operator new, so that `lrlab bench` and the
// allocation test (tests/core/train/test_allocations.cpp) can show that a training step allocates
// nothing. Linking alloc_counter.cpp replaces every replaceable form of operator new and delete
// for the whole program ([new.delete] in C++17): the plain, nothrow and aligned forms and their
// sized deletes. Only the CLI and the test suite link it (CMakeLists.txt, lrlab_alloc_counter);
// never the core or the page.
#pragma once

#include <cstddef>

namespace lrlab::cli
{
// Allocations so far through any form of operator new (and new[]).
std::size_t allocation_count();
}
