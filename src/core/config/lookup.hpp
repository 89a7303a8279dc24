// The one name -> entry lookup every registry uses (optimizers, schedules, clips, descriptions,
// datasets' names): Playground's name -> code maps, over an ordered list.
#pragma once

#include <string>
#include <vector>

namespace lrlab
{

// The first entry whose `field` (a const char* or std::string member) equals name; nullptr if none.
// (`field` may be a member of a base class of T.)
template <class T, class Owner, class Name>
const T* find_by_name(const std::vector<T>& entries, Name Owner::*field, const std::string& name)
{
    for (const T& e : entries)
    {
        if (name == e.*field)
            return &e;
    }
    return nullptr;
}

// Every entry's `field`, in list order (for "expected one of: ..." and the page's combos).
template <class T, class Owner, class Name>
std::vector<std::string> names_of(const std::vector<T>& entries, Name Owner::*field)
{
    std::vector<std::string> names;
    names.reserve(entries.size());
    for (const T& e : entries)
        names.emplace_back(e.*field);
    return names;
}

}  // namespace lrlab
