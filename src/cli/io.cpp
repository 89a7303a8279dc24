#include "cli/io.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <iterator>
#include <sstream>

#include "core/config/json.hpp"

namespace lrlab::cli
{

bool read_input(const std::string& path, std::string& text, std::string& error)
{
    if (path == "-")
    {
        std::ostringstream s;
        s << std::cin.rdbuf();
        text = s.str();
        return true;
    }
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
    {
        error = "cannot read " + path + ": " + std::strerror(errno);
        return false;
    }
    char buffer[65536];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0)
        text.append(buffer, n);
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed)
        error = "cannot read " + path;
    return !failed;
}

bool Output::open(const std::string& path, std::string& error)
{
    if (path.empty() || path == "-")
        return true;
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_)
    {
        error = "cannot write " + path + ": " + std::strerror(errno);
        file_ = stdout;
        return false;
    }
    return true;
}

bool Output::write(const std::string& text)
{
    std::fwrite(text.data(), 1, text.size(), file_);
    return !std::ferror(file_);
}

Output::~Output()
{
    if (file_ != stdout)
        std::fclose(file_);
    else
        std::fflush(stdout);
}

std::string format_number(double v) { return format_double(v); }

std::string format_float32(float v) { return format_float(v); }

std::string error_line(const ConfigError& e)
{
    constexpr std::size_t shown = 200;
    std::string path;
    for (std::size_t i = 0; i < e.path.size() && i < shown; ++i)
    {
        const unsigned char c = static_cast<unsigned char>(e.path[i]);
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
        path += c >= 0x20 && c != 0x7f ? std::string(1, e.path[i]) : std::string(escaped);
    }
    if (e.path.size() > shown)
        path += "... (" + std::to_string(e.path.size()) + " bytes)";
    return path.empty() ? e.message : path + ": " + e.message;
}

}  // namespace lrlab::cli
