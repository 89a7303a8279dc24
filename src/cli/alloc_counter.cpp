// Replaces the global operator new/delete of the lrlab binary with counting wrappers around
// malloc/free (single-threaded program: a plain counter suffices).
#include "cli/alloc_counter.hpp"

#include <cstdlib>
#include <new>

namespace
{
std::size_t allocations = 0;
}

std::size_t lrlab::cli::allocation_count() { return allocations; }

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
