// Parity with PyTorch 1.13 for the model: outputs, mean data loss and gradients of a
// 3 -> [4, 3] -> k MLP for every activation (relu, tanh, sigmoid, linear, leaky_relu with slope
// 0.1, exact gelu) and every task (BCEWithLogitsLoss, CrossEntropyLoss, MSELoss, mean
// reduction), and the L1/L2 penalty on weights (mlp.json, written by gen_fixtures.py; torch's
// nn.Linear weight is stored transposed, as lrlab's (n_in, n_out)).
//
// Tolerances: both sides compute in float32, but in different orders (torch's sgemm blocks
// sums; lrlab sums in index order) and with different elementary functions (detmath vs
// SLEEF/libm, each within a few ulp). Outputs and losses: rtol 1e-5 (~80 ulp) over a short
// chain of operations. Gradients are sums over samples of products that may cancel, so each
// component gets an absolute allowance of 1e-5 of the case's largest component. The penalty
// is accumulated in double on both sides: 1e-12.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/model/mlp.hpp"
#include "fixtures.hpp"

namespace lrlab
{
namespace
{

using nlohmann::json;

constexpr double value_rtol = 1e-5, value_atol = 1e-6;
constexpr double grad_rtol = 1e-5, grad_share = 1e-5;

TaskKind task_kind(const std::string& task)
{
    return task == "binary" ? TaskKind::binary
           : task == "multiclass" ? TaskKind::multiclass
                                  : TaskKind::regression;
}

double max_abs(const std::vector<float>& v)
{
    double m = 0.0;
    for (float x : v)
        m = std::fmax(m, std::fabs(x));
    return m;
}

void check_values(const std::string& what, const std::string& name, const float* got,
                  const std::vector<float>& want, double rtol, double atol)
{
    const long i = parity::first_mismatch(got, want, want.size(), rtol, atol);
    CHECK_MESSAGE(i < 0, name << ": " << what << "[" << i << "] expected "
                              << parity::num(i < 0 ? 0 : want[i]) << " got "
                              << parity::num(i < 0 ? 0 : got[i]));
}

}  // namespace

TEST_CASE("parity: MLP outputs, loss, gradients and penalty match torch")
{
    const json doc = parity::load_fixture("mlp.json");
    for (const json& c : doc["cases"])
    {
        const std::string name = c["name"].get<std::string>();
        INFO("case: ", name);
        const json& m = c["model"];
        const std::vector<int> sizes = m["sizes"].get<std::vector<int>>();
        ModelConfig mc;
        mc.hidden.assign(sizes.begin() + 1, sizes.end() - 1);
        mc.activation = m["activation"].get<std::string>();
        mc.leaky_slope = m["leaky_slope"].get<double>();
        const Mlp mlp(sizes.front(), mc, sizes.back(), task_kind(m["task"].get<std::string>()));

        ParamSet params = mlp.make_params();
        REQUIRE(params.tensors.size() == c["layout"].size());
        parity::set_values(params, parity::floats(c["params"]));
        const std::vector<float> x = parity::floats(c["x"]), y = parity::floats(c["y"]);
        const std::size_t n = y.size();
        Workspace ws = mlp.make_workspace(n);
        ParamSet grads = zeros_like(params);

        const float* out = mlp.forward(params, x.data(), n, ws);
        check_values("outputs", name, out, parity::floats(c["outputs"]), value_rtol,
                     value_atol);

        const double loss = mlp.loss_and_grad(params, x.data(), y.data(), n, ws, grads);
        CHECK(parity::close(loss, c["loss"].get<double>(), value_rtol, value_atol));
        const std::vector<float> want = parity::floats(c["grads"]);
        check_values("grads", name, grads.data(), want, grad_rtol, grad_share * max_abs(want));

        const double l1 = c["l1"].get<double>(), l2 = c["l2"].get<double>();
        CHECK(parity::close(penalty(params, l1, l2), c["penalty"].get<double>(), 1e-12, 0.0));
        add_penalty_grad(params, l1, l2, grads);
        const std::vector<float> total = parity::floats(c["grads_with_penalty"]);
        check_values("grads_with_penalty", name, grads.data(), total, grad_rtol,
                     grad_share * max_abs(total));
    }
}

}  // namespace lrlab
