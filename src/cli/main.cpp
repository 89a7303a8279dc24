// lrlab: the command-line front end over core (native, and under node as lrlab.js).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "core/math/simd.hpp"

namespace lrlab::cli
{
int report_errors(const std::vector<ConfigError>& errors)
{
    for (const ConfigError& e : errors)
        std::fprintf(stderr, "lrlab: %s\n", error_line(e).c_str());
    return exit_usage;
}
}  // namespace lrlab::cli

namespace
{
// LRLAB_SIMD=sse2|avx2|avx512 sets the vector width of the kernels (to compare speeds; the
// numbers are the same on every path, math/simd.hpp), capped at what this CPU has; unset takes
// the best this CPU has.
bool apply_simd_env()
{
    const char* v = std::getenv("LRLAB_SIMD");
    if (!v || !*v)
        return true;
    for (lrlab::SimdLevel level :
         {lrlab::SimdLevel::sse2, lrlab::SimdLevel::avx2, lrlab::SimdLevel::avx512})
        if (std::strcmp(v, lrlab::simd_level_name(level)) == 0)
        {
            lrlab::set_simd_level(level);
            return true;
        }
    std::fprintf(stderr, "lrlab: LRLAB_SIMD: expected sse2, avx2 or avx512, got '%s'\n", v);
    return false;
}
}  // namespace

int main(int argc, char** argv)
{
    using namespace lrlab::cli;
    if (!apply_simd_env())
        return exit_usage;
    CLI::App app{"lrlab: a learning-rate laboratory. Trains small networks on toy data with\n"
                 "PyTorch's optimizers, schedules and clipping, exactly as the web page does."};
    app.require_subcommand(1);
    app.set_help_all_flag("--help-all", "Help for every verb");
    Action action;
    add_run_command(app, action);
    add_schedule_command(app, action);
    add_surface_command(app, action);
    add_validate_command(app, action);
    add_bench_command(app, action);
    add_reference_command(app, action);
    add_sweep_command(app, action);
    add_merge_command(app, action);
    add_lr_find_command(app, action);
    add_cv_command(app, action);
    add_export_torch_command(app, action);
    add_lessons_commands(app, action);
    try
    {
        app.parse(argc, argv);
    }
    catch (const CLI::ParseError& e)
    {
        const int code = app.exit(e);  // prints help or the usage error
        return code == 0 ? exit_ok : exit_usage;
    }
    try
    {
        return action ? action() : exit_usage;
    }
    catch (const std::exception& e)
    {
        std::fprintf(stderr, "lrlab: internal error: %s\n", e.what());
        return exit_internal;
    }
}
