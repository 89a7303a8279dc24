// Replaces every replaceable global operator new and delete with counting wrappers around malloc
// (aligned_alloc for the aligned forms) and free. All of them, not only the plain pair: the
// standard library calls the others, e.g. std::stable_sort's temporary buffer (libstdc++'s
// get_temporary_buffer) takes `operator new(size, std::nothrow)`. Left to the library, that one
// allocates through its own default, which a sanitizer's runtime replaces, and our free() of it
// is reported as alloc-dealloc-mismatch. Single-threaded programs: a plain counter suffices.
#include "cli/alloc_counter.hpp"

#include <cstdlib>
#include <new>

namespace
{

std::size_t allocations = 0;

void* allocate(std::size_t size) noexcept
{
    ++allocations;
    return std::malloc(size ? size : 1);
}

// aligned_alloc wants a power-of-two alignment of at least a pointer and a size that is a
// multiple of it (C11 7.22.3.1); operator new's alignment is always a power of two.
void* allocate_aligned(std::size_t size, std::align_val_t align) noexcept
{
    ++allocations;
    std::size_t a = static_cast<std::size_t>(align);
    a = a < sizeof(void*) ? sizeof(void*) : a;
    const std::size_t rounded = (size ? size + a - 1 : a) / a * a;
    return std::aligned_alloc(a, rounded);
}

void* or_throw(void* p)
{
    if (!p)
        throw std::bad_alloc();
    return p;
}

}  // namespace

std::size_t lrlab::cli::allocation_count() { return allocations; }

// ---- new: plain, nothrow, aligned, aligned nothrow; each also as new[] --------------------------
void* operator new(std::size_t size) { return or_throw(allocate(size)); }
void* operator new[](std::size_t size) { return or_throw(allocate(size)); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new(std::size_t size, std::align_val_t a)
{
    return or_throw(allocate_aligned(size, a));
}
void* operator new[](std::size_t size, std::align_val_t a)
{
    return or_throw(allocate_aligned(size, a));
}
void* operator new(std::size_t size, std::align_val_t a, const std::nothrow_t&) noexcept
{
    return allocate_aligned(size, a);
}
void* operator new[](std::size_t size, std::align_val_t a, const std::nothrow_t&) noexcept
{
    return allocate_aligned(size, a);
}

// ---- delete: every form frees (aligned_alloc's memory is released by free too) -----------------
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
