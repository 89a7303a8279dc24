// The PyTorch exporter without Python: every type knows its torch class, literals read back as
// the config's values, refusals name their key. tests/torch/ runs the scripts against torch.
#include <doctest/doctest.h>

#include "core/config/json.hpp"
#include "core/export/python_text.hpp"
#include "core/export/torch_script.hpp"
#include "core/optim/clip.hpp"
#include "core/optim/descriptor.hpp"
#include "core/schedules/descriptor.hpp"

using namespace lrlab;
using nlohmann::json;

namespace
{
Config config_with(const json& run)
{
    const ConfigResult r = parse_config({{"train", {{"steps", 50}}}, {"runs", {run}}});
    REQUIRE(r.ok());
    return r.config;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("every optimizer, schedule and clip type names what the exported script builds")
{
    for (const OptimizerDescriptor& d : optimizer_descriptors())
        CHECK_MESSAGE(std::string(d.torch_class) != "", d.type);
    for (const ScheduleDescriptor& d : schedule_descriptors())
        CHECK_MESSAGE(std::string(d.torch_class) != "", d.type);
    for (const ClipDescriptor& d : clip_descriptors())
        CHECK_MESSAGE((d.torch_call != nullptr) == (std::string(d.type) != "none"), d.type);
}

TEST_CASE("python literals read back as the config's values")
{
    CHECK(py::float_literal(0.1) == "0.1");
    CHECK(py::float_literal(1e-05) == "1e-05");
    CHECK(py::float_literal(2000.0) == "2000.0");
    CHECK(py::float_literal(1.0 / 3.0) == "0.3333333333333333");
    CHECK(py::float_literal(config_detail::inf) == "math.inf");
    using config_detail::Kind;
    CHECK(py::literal(Kind::pair, json::array({0.9, 0.999})) == "(0.9, 0.999)");
    CHECK(py::literal(Kind::boolean, true) == "True");
    CHECK(py::literal(Kind::integer, 7) == "7");
    CHECK(py::literal(Kind::norm_type, "inf") == "math.inf");
}

TEST_CASE("an exported run: non-default optimizer arguments, every schedule key, the clip")
{
    const TorchScript t = torch_script(
        config_with({{"name", "a"},
                     {"optimizer", {{"type", "adam"}, {"lr", 0.01}, {"amsgrad", true}}},
                     {"schedule", {{"type", "step"}, {"step_size", 7}}},
                     {"clip", {{"type", "norm"}, {"max_norm", 2.0}}}}),
        0);
    REQUIRE(t.ok());
    CHECK(contains(t.text, "torch.optim.Adam("));
    CHECK(contains(t.text, "lr=0.01,  # runs[0].optimizer.lr"));
    CHECK(contains(t.text, "amsgrad=True,"));
    CHECK_FALSE(contains(t.text, "        eps="));  // at torch's default: not written
    CHECK(contains(t.text, "lr_scheduler.StepLR("));
    CHECK(contains(t.text, "step_size=7,"));
    CHECK(contains(t.text, "gamma=0.1,"));  // lrlab's default, written out
    CHECK(contains(t.text, "for p in parameters:"));
    CHECK(contains(t.text, "max_norm=2.0,"));
    CHECK_FALSE(contains(t.text, "def lrlab_cos"));  // StepLR needs no cos or pow
}

TEST_CASE("what torch 1.13 cannot do as lrlab does is refused, naming the key")
{
    const TorchScript beta1 = torch_script(
        config_with({{"optimizer", {{"type", "adam"}}},
                     {"schedule", {{"type", "cyclic"}, {"cycle_momentum", true}}}}),
        0);
    REQUIRE(beta1.errors.size() == 1);
    CHECK(beta1.errors[0].path == "runs[0].schedule.cycle_momentum");
    CHECK(beta1.text.empty());
    const TorchScript changes = torch_script(
        config_with({{"optimizer", {{"type", "sgd"}}},
                     {"changes", {{{"at", 5}, {"path", "optimizer.lr"}, {"value", 0.01}}}}}),
        0);
    REQUIRE(changes.errors.size() == 1);
    CHECK(changes.errors[0].path == "runs[0].changes");
}
