// Counts heap allocations made through operator new, so that `lrlab bench` can show that a
// training step allocates nothing.
#pragma once

#include <cstddef>

namespace lrlab::cli
{
std::size_t allocation_count();
}
