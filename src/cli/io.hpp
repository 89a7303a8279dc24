// File and standard-input helpers of the CLI, and the number formats of its output.
#pragma once

#include <cstdio>
#include <string>

#include "core/config/config.hpp"

namespace lrlab::cli
{

// Reads a whole file, or standard input for "-". False with a message on failure.
bool read_input(const std::string& path, std::string& text, std::string& error);

// Standard output, or a file for --out; closes the file on destruction.
class Output
{
public:
    bool open(const std::string& path, std::string& error);  // "" or "-" = stdout
    ~Output();
    std::FILE* file() const { return file_; }
    // Writes all of `text`; false once the stream has failed (a full disk, a closed pipe).
    bool write(const std::string& text);

private:
    std::FILE* file_ = stdout;
};

// Shortest decimal that reads back to the same double / float (core's format_double,
// format_float); nan, inf, -inf (never -nan).
std::string format_number(double v);
std::string format_float32(float v);

// An error as the CLI prints it: to_string(e) with the path's control characters escaped and
// a path over 200 bytes cut. A path may hold a key as it was typed (an unknown key): a NUL in it
// cut the printed message short (printf of a C string; found by tests/hardening/replay.py), a
// newline would split it, and a 64 KiB key would fill the screen.
std::string error_line(const ConfigError& e);

}  // namespace lrlab::cli
