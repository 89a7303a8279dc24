// Parity with torch.nn.utils.clip_grad_norm_ / clip_grad_value_ (1.13) for lrlab's clip link
// (make_clip): value, norm (clip_grad_norm_ on each tensor alone) and global_norm (over all
// tensors), with norm types 2, 1, 3 and inf, on gradient sets above and below the thresholds
// (clip.json, written by gen_fixtures.py).
//
// torch scales by clamp(max_norm / (total_norm + 1e-6), max=1), all in float32. lrlab may
// accumulate the norm in double: the scale factor then differs by an ulp or two, and so does
// every clipped value, hence rtol 1e-6 (8 float32 ulp). clip_grad_value_ is a clamp: exact.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/optim/optimizers.hpp"
#include "fixtures.hpp"

namespace lrlab
{

TEST_CASE("parity: clipping matches torch's clip_grad_norm_ and clip_grad_value_")
{
    const nlohmann::json doc = parity::load_fixture("clip.json");
    int below_threshold = 0;
    for (const nlohmann::json& c : doc["cases"])
    {
        const std::string name = c["name"].get<std::string>();
        INFO("case: ", name);
        const ClipConfig cc = parity::clip_config(c["clip"]);
        const GradientTransform link = make_clip(cc);
        ParamSet params = parity::params_from_layout(c["layout"]);
        parity::set_values(params, parity::floats(c["params"]));
        ParamSet grads = zeros_like(params);
        const std::vector<float> input = parity::floats(c["grads"]);
        parity::set_values(grads, input);
        const std::vector<float> want = parity::floats(c["clipped"]);
        below_threshold += want == input;

        TransformState state = link.init(params);
        StepReport report;
        StepContext ctx;
        ctx.lr = 0.1;
        ctx.report = &report;
        link.update(grads, state, params, ctx);

        const double rtol = cc.type == "value" ? 0.0 : 1e-6;
        const long i = parity::first_mismatch(grads.data(), want, want.size(), rtol, 0.0);
        CHECK_MESSAGE(i < 0, name << ": element " << i << " expected "
                                  << parity::num(i < 0 ? 0 : want[i]) << " got "
                                  << parity::num(i < 0 ? 0 : grads.values(i)));
        // The report's norms are L2 whatever the norm type (DESIGN.md's grad_norm column).
        CHECK(parity::close(report.grad_norm, c["grad_norm"].get<double>(), 1e-12, 0.0));
        CHECK(parity::close(report.clipped_grad_norm, c["clipped_grad_norm"].get<double>(),
                            rtol, 0.0));
        // Clipping never touches the parameters.
        CHECK(parity::first_mismatch(params.data(), parity::floats(c["params"]), params.size(),
                                     0.0, 0.0) < 0);
    }
    CHECK(below_threshold >= 8);  // the fixture covers the "nothing to clip" path
}

}  // namespace lrlab
