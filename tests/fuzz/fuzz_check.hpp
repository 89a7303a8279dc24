// What a fuzz target does when its oracle fails: print what broke and the input, then abort(),
// which libFuzzer records as a crash (and saves the input) and which fails the corpus replay.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

namespace lrlab::fuzz
{

// The input, escaped and cut at 400 bytes, so the report names it even without the crash file.
inline std::string printable(const std::string& s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size() && i < 400; ++i)
    {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7f && c != '\\')
        {
            out += static_cast<char>(c);
            continue;
        }
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", c);
        out += buf;
    }
    return s.size() > 400 ? out + "..." : out;
}

inline void require(bool ok, const char* what, const std::string& input)
{
    if (ok)
        return;
    std::fprintf(stderr, "fuzz oracle failed: %s\ninput: %s\n", what, printable(input).c_str());
    std::abort();
}

}  // namespace lrlab::fuzz
