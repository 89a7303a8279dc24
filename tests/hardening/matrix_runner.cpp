// The divergence matrix's engine entry point for the sanitized builds: `run` and `surface` as
// the CLI prints them (the same core calls and CSV writers as src/cli/cmd_run.cpp and
// cmd_surface.cpp), without CLI11, whose headers cost most of an instrumented build's time.
//   matrix_runner run CONFIG.json        the metrics CSV of every run
//   matrix_runner surface CONFIG.json    run,step,x,y,loss,lr,grad_norm
// tests/hardening/matrix.py drives it (or the CLI itself: the same verbs and columns).
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "core/config/json.hpp"
#include "core/surface/run.hpp"
#include "core/train/csv.hpp"
#include "core/train/experiment.hpp"
#include "core/train/metrics_writer.hpp"

namespace
{

int refuse(const std::vector<lrlab::ConfigError>& errors)
{
    for (const lrlab::ConfigError& e : errors)
        std::fprintf(stderr, "matrix_runner: %s\n", lrlab::to_string(e).c_str());
    return 2;
}

int run(const std::string& text)
{
    const lrlab::ConfigResult parsed = lrlab::parse_config_text(text);
    if (!parsed.ok())
        return refuse(parsed.errors);
    lrlab::Experiment e(parsed.config);
    while (!e.finished())
        e.step_all(std::max<std::int64_t>(1, e.steps() / 200));
    std::fputs(lrlab::metrics_table(e, lrlab::MetricsFormat::csv).c_str(), stdout);
    return 0;
}

int surface(const std::string& text)
{
    nlohmann::json j;
    lrlab::ConfigError error;
    if (!lrlab::parse_json_text(text, j, error))
        return refuse({error});
    const lrlab::SurfaceConfigResult parsed = lrlab::parse_surface_config(j);
    if (!parsed.ok())
        return refuse(parsed.errors);
    std::fputs("run,step,x,y,loss,lr,grad_norm\n", stdout);
    for (std::size_t i = 0; i < parsed.config.runs.size(); ++i)
    {
        const std::string name = lrlab::csv_field(parsed.config.runs[i].name);
        for (const lrlab::SurfaceRow& r : lrlab::surface_trajectory(parsed.config, i))
            std::printf("%s,%lld,%s,%s,%s,%s,%s\n", name.c_str(), static_cast<long long>(r.step),
                        lrlab::format_float(float(r.x)).c_str(),
                        lrlab::format_float(float(r.y)).c_str(),
                        lrlab::format_float(float(r.loss)).c_str(),
                        lrlab::format_double(r.lr).c_str(),
                        lrlab::format_double(r.grad_norm).c_str());
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc != 3 || (std::string(argv[1]) != "run" && std::string(argv[1]) != "surface"))
    {
        std::fprintf(stderr, "usage: matrix_runner run|surface CONFIG.json\n");
        return 2;
    }
    std::ifstream in(argv[2], std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return std::string(argv[1]) == "run" ? run(text) : surface(text);
}
