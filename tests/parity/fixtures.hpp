// Loading the PyTorch parity fixtures (tests/parity/fixtures/*.json, written by
// gen_fixtures.py) and comparing numbers with stated tolerances.
//
// LRLAB_FIXTURE_DIR is set by CMake to the fixtures folder (an absolute path; the wasm build
// reads real files through NODERAWFS). Tests may do file I/O; src/core never does.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "core/config/config.hpp"
#include "core/config/json.hpp"
#include "core/model/params.hpp"

#ifndef LRLAB_FIXTURE_DIR
#error "LRLAB_FIXTURE_DIR must name tests/parity/fixtures (CMakeLists.txt sets it)"
#endif

namespace lrlab::parity
{

// The whole fixture document; fails the calling test (REQUIRE) when the file is missing.
inline nlohmann::json load_fixture(const std::string& file)
{
    const std::string path = std::string(LRLAB_FIXTURE_DIR) + "/" + file;
    std::ifstream in(path, std::ios::binary);
    INFO("fixture: ", path);
    REQUIRE(in.good());
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json doc = nlohmann::json::parse(text.str(), nullptr, false);
    REQUIRE(!doc.is_discarded());
    REQUIRE(doc.contains("cases"));
    return doc;
}

// Fixture numbers are written so that parsing as double then casting to float gives the
// float32 value torch held exactly (gen_fixtures.py, short_f32).
inline std::vector<float> floats(const nlohmann::json& a)
{
    std::vector<float> out;
    out.reserve(a.size());
    for (const auto& v : a)
        out.push_back(static_cast<float>(v.get<double>()));
    return out;
}

inline std::vector<double> doubles(const nlohmann::json& a)
{
    std::vector<double> out;
    out.reserve(a.size());
    for (const auto& v : a)
        out.push_back(v.get<double>());
    return out;
}

// A ParamSet from the fixture's layout [[name, rows, cols], ...]: names "w*" are weights,
// "b*" biases, anything else a free point (the 2-D test functions).
inline ParamSet params_from_layout(const nlohmann::json& layout)
{
    ParamSet p;
    for (const auto& t : layout)
    {
        const std::string name = t[0].get<std::string>();
        const TensorKind kind = name[0] == 'w'   ? TensorKind::weight
                                : name[0] == 'b' ? TensorKind::bias
                                                 : TensorKind::point;
        add_tensor(p, name, kind, t[1].get<std::size_t>(), t[2].get<std::size_t>());
    }
    return p;
}

inline void set_values(ParamSet& p, const std::vector<float>& v)
{
    REQUIRE(p.size() == v.size());
    for (std::size_t i = 0; i < v.size(); ++i)
        p.values(i) = v[i];
}

inline std::string errors_text(const std::vector<ConfigError>& errors)
{
    std::string out;
    for (const ConfigError& e : errors)
        out += to_string(e) + "; ";
    return out;
}

// Builds the configs through the public parsers, as the CLI does; `steps` feeds the
// schedule defaults that depend on train.steps.
inline OptimizerConfig optimizer_config(const nlohmann::json& j)
{
    OptimizerConfig c;
    const auto errors = parse_optimizer(j, "optimizer", c);
    INFO("optimizer ", j.dump(), ": ", errors_text(errors));
    CHECK(errors.empty());
    return c;
}

inline ScheduleConfig schedule_config(const nlohmann::json& j, const OptimizerConfig& opt,
                                      std::int64_t steps)
{
    ScheduleConfig c;
    if (j.is_null())
        return c;  // constant
    const auto errors = parse_schedule(j, "schedule", opt, steps, c);
    INFO("schedule ", j.dump(), ": ", errors_text(errors));
    CHECK(errors.empty());
    return c;
}

inline ClipConfig clip_config(const nlohmann::json& j)
{
    ClipConfig c;
    if (j.is_null())
        return c;  // none
    const auto errors = parse_clip(j, "clip", c);
    INFO("clip ", j.dump(), ": ", errors_text(errors));
    CHECK(errors.empty());
    return c;
}

// A number for failure messages: 9 significant digits tell float32 values apart, 17 doubles.
inline std::string num(double v, int digits = 9)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    return buf;
}

// |got - expected| <= atol + rtol * |expected|; non-finite values must match exactly.
inline bool close(double got, double expected, double rtol, double atol)
{
    if (!std::isfinite(expected) || !std::isfinite(got))
        return got == expected || (std::isnan(got) && std::isnan(expected));
    return std::fabs(got - expected) <= atol + rtol * std::fabs(expected);
}

// The first index where got and expected differ beyond the tolerance, or -1. Also gives the
// largest error relative to the tolerance (1 = at the limit), for reports.
template <class A, class B>
long first_mismatch(const A& got, const B& expected, std::size_t n, double rtol, double atol,
                    double* worst = nullptr)
{
    long first = -1;
    for (std::size_t i = 0; i < n; ++i)
    {
        const double g = got[i], e = expected[i];
        if (worst && std::isfinite(g) && std::isfinite(e))
            *worst = std::fmax(*worst, std::fabs(g - e) / (atol + rtol * std::fabs(e)));
        if (first < 0 && !close(g, e, rtol, atol))
            first = static_cast<long>(i);
    }
    return first;
}

}  // namespace lrlab::parity
