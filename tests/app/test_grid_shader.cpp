// The GPU grid shader and core agree (src/app/grid_shader.hpp): its constants are core's, it draws
// today's activations and features, it reads the ParamSet's real layout, and whatever it does not
// name goes to the CPU grid instead of a default branch.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "../core/experiment_fixtures.hpp"
#include "app/grid_shader.hpp"
#include "core/data/features.hpp"
#include "core/model/activations.hpp"

using namespace lrlab;

namespace
{

std::string grid_fs()
{
    std::FILE* f = std::fopen(LRLAB_SHADER_DIR "/grid_fs.glsl", "rb");
    REQUIRE(f != nullptr);
    std::string text;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0)
        text.append(buffer, n);
    std::fclose(f);
    return text;
}

std::string erase_all(std::string s, const std::string& what)
{
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what))
        s.erase(at, what.size());
    return s;
}

bool has(const std::vector<std::string>& v, const std::string& s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

std::string planar(const char* activation, const char* extra = "")
{
    return std::string(R"({"data": {"dataset": "circle", "samples": 40)") + extra +
           R"(}, "model": {"hidden": [6, 4], "activation": ")" + activation +
           R"("}, "train": {"steps": 2}, "runs": [{"optimizer": {"type": "sgd"}}]})";
}

}  // namespace

TEST_CASE("the grid shader's prelude holds core's ids, after the #version line")
{
    const std::string src = grid_shader_source(grid_fs());
    CHECK(src.rfind("#version 300 es\n", 0) == 0);
    for (const ActivationInfo& a : activation_registry())
        CHECK(src.find("\n#define ACT_" + std::string(a.name) + " " +
                       std::to_string(int(a.id)) + "\n") != std::string::npos);
    const std::vector<FeatureInfo>& features = feature_registry();
    for (std::size_t i = 0; i < features.size(); ++i)
        CHECK(src.find("\n#define FEATURE_" + std::string(features[i].name) + " " +
                       std::to_string(i) + "\n") != std::string::npos);
    CHECK(src.find("\n#define TASK_multiclass " + std::to_string(int(TaskKind::multiclass))) !=
          std::string::npos);
    CHECK(src.find("\n#line 2\nprecision") == std::string::npos);  // the file's line 2 follows
    CHECK(src.find("\n#line 2\n// The model over the input plane") != std::string::npos);
}

TEST_CASE("the grid shader compares ids by name only, never by number")
{
    const std::string src = grid_fs();
    for (const char* use : {"u_activation ==", "id ==", "u_task =="})
        for (std::size_t at = src.find(use); at != std::string::npos; at = src.find(use, at + 1))
        {
            const std::string rhs = src.substr(at + std::string(use).size() + 1, 8);
            CAPTURE(use);
            CAPTURE(rhs);
            CHECK((rhs.rfind("ACT_", 0) == 0 || rhs.rfind("FEATURE_", 0) == 0 ||
                   rhs.rfind("TASK_", 0) == 0));
        }
}

TEST_CASE("the grid shader draws today's activations, features and tasks")
{
    const GridShaderSupport s = grid_shader_support(grid_fs());
    for (const char* a : {"relu", "tanh", "sigmoid", "linear", "leaky_relu", "gelu"})
        CHECK_MESSAGE(has(s.activations, a), a);
    for (const FeatureInfo& f : feature_registry())
        CHECK_MESSAGE(has(s.features, f.name), f.name);
    for (const char* t : {"binary", "multiclass", "regression"})
        CHECK_MESSAGE(has(s.tasks, t), t);
}

TEST_CASE("what the shader does not name goes to the CPU grid")
{
    const std::string full = grid_fs();
    const Experiment gelu(testing::config_from(planar("gelu")));
    CHECK(grid_shader_fits(grid_shader_support(full), gelu));
    // A shader without a GELU branch (as one without a new activation of core's): CPU, not linear.
    const std::string no_gelu = erase_all(full, "ACT_gelu");
    CHECK_FALSE(has(grid_shader_support(no_gelu).activations, "gelu"));
    CHECK_FALSE(grid_shader_fits(grid_shader_support(no_gelu), gelu));
    // A constant named only in a comment draws nothing.
    const std::string commented = erase_all(full, "ACT_gelu)") + "// ACT_gelu\n/* ACT_gelu */";
    CHECK_FALSE(grid_shader_fits(grid_shader_support(commented), gelu));

    const Experiment sin_x2(
        testing::config_from(planar("tanh", R"(, "features": ["x1", "sin_x2"])")));
    CHECK(grid_shader_fits(grid_shader_support(full), sin_x2));
    CHECK_FALSE(grid_shader_fits(grid_shader_support(erase_all(full, "FEATURE_sin_x2")), sin_x2));
    CHECK_FALSE(grid_shader_fits(grid_shader_support(erase_all(full, "TASK_binary")), sin_x2));
}

TEST_CASE("models the shader cannot hold go to the CPU grid")
{
    const GridShaderSupport s = grid_shader_support(grid_fs());
    auto fits = [&](const std::string& json)
    { return grid_shader_fits(s, Experiment(testing::config_from(json))); };
    CHECK(fits(R"({"model": {"hidden": [64]}, "runs": [{"optimizer": {"type": "sgd"}}]})"));
    CHECK_FALSE(fits(R"({"model": {"hidden": [65]}, "runs": [{"optimizer": {"type": "sgd"}}]})"));
    // The most layers a config may have (8 hidden) fit the shader's 9 weight matrices.
    CHECK(fits(R"({"model": {"hidden": [2, 2, 2, 2, 2, 2, 2, 2]},
                   "runs": [{"optimizer": {"type": "sgd"}}]})"));
    // Widths within 64 but more than the 4096 parameters of the uniform block.
    CHECK_FALSE(fits(R"({"model": {"hidden": [64, 64]},
                         "runs": [{"optimizer": {"type": "sgd"}}]})"));
    CHECK_FALSE(fits(R"({"data": {"dataset": "digits8x8"},
                         "runs": [{"optimizer": {"type": "sgd"}}]})"));
}

TEST_CASE("the layer offsets the shader reads are the ParamSet's")
{
    const Experiment e(testing::config_from(planar("relu")));
    const ParamSet& p = e.run(0).params();
    const GridLayout g = grid_layout(p, e.model().sizes());
    REQUIRE(g.ok);
    REQUIRE(g.layers == 3);
    for (int l = 0; l < g.layers; ++l)
    {
        CHECK(std::size_t(g.weights[l]) == p.tensors[std::size_t(2 * l)].offset);
        CHECK(std::size_t(g.biases[l]) == p.tensors[std::size_t(2 * l + 1)].offset);
    }
    // A layout the shader does not read (bias first, or a wrong shape) is refused, not misread.
    ParamSet swapped = p;
    std::swap(swapped.tensors[0], swapped.tensors[1]);
    CHECK_FALSE(grid_layout(swapped, e.model().sizes()).ok);
    ParamSet reshaped = p;
    std::swap(reshaped.tensors[0].rows, reshaped.tensors[0].cols);
    CHECK_FALSE(grid_layout(reshaped, e.model().sizes()).ok);
    CHECK_FALSE(grid_layout(p, {2, 6}).ok);
}
