// Bounds on JSON text read by lrlab, checked before anything is built (issue 8 item 3, issue 14
// item 1). The largest config lrlab accepts is inline own data (issue 13): 20,000 rows of 65
// numbers (points.hpp), 1,320,001 values and at most about 33 MB with the longest shortest-repr
// doubles (24 characters, "-2.2250738585072014e-308"); 16 runs with 1000 `changes` each are
// about 1 MB nested 7 deep. So these limits never refuse a valid config; they keep a hostile
// one from costing memory or stack: without them 100,000 nested `[` took 47 s and 17.8 GB
// (a path string per level), and a 1.4 MB argument overflowed the page's wasm stack. The value
// count bounds the document built (about 16 bytes a value and more): 64 MiB of `0,` would be
// 33 million values.
#pragma once

#include <cstddef>
#include <string>

namespace lrlab
{

namespace json_limits
{
constexpr std::size_t max_bytes = 64u << 20;    // 64 MiB of JSON text
constexpr std::size_t max_values = 2000000;     // numbers, strings, literals, arrays, objects
constexpr std::size_t max_depth = 64;           // arrays and objects inside each other
}  // namespace json_limits

// "4 MiB (4194304 bytes)": how a limit in bytes is named in error messages.
std::string byte_limit_text(std::size_t bytes);

// The message refusing a text of `bytes` bytes (what: "the config", "the URL hash", ...).
std::string too_large_message(const std::string& what, std::size_t bytes, std::size_t limit);

}  // namespace lrlab
