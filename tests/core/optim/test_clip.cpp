// Gradient clipping links: torch.nn.utils.clip_grad_value_ / clip_grad_norm_ (per tensor and
// global, any p and inf, the 1e-6 in the coefficient), unit-wise AGC, and the step report.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "core/optim/optimizers.hpp"

using namespace lrlab;

namespace
{

struct Shape
{
    const char* name;
    TensorKind kind;
    std::size_t rows, cols;
};

ParamSet make(const std::vector<Shape>& shapes, const std::vector<float>& values)
{
    ParamSet p;
    for (const Shape& s : shapes)
        add_tensor(p, s.name, s.kind, s.rows, s.cols);
    REQUIRE(values.size() == p.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        p.values(i) = values[i];
    return p;
}

// Two (1, 2) bias tensors: A = (3, 4) with L2 norm 5, B = (0, 0.5) with norm 0.5.
const std::vector<Shape> kTwo = {{"a", TensorKind::bias, 1, 2}, {"b", TensorKind::bias, 1, 2}};

ClipConfig clip_of(const char* type, double max_norm = 1.0, double norm_type = 2.0)
{
    ClipConfig c;
    c.type = type;
    c.max_norm = max_norm;
    c.norm_type = norm_type;
    return c;
}

// Applies the clip link once; returns the report.
StepReport apply(const ClipConfig& c, ParamSet& grads, ParamSet params)
{
    const GradientTransform link = make_clip(c);
    TransformState s = link.init(params);
    StepReport report;
    StepContext ctx;
    ctx.report = &report;
    link.update(grads, s, params, ctx);
    return report;
}

ParamSet clipped(const ClipConfig& c, const ParamSet& grads, const ParamSet& params)
{
    ParamSet g = grads;
    apply(c, g, params);
    return g;
}

bool same_bits(const ParamSet& a, const ParamSet& b)
{
    return a.size() == b.size() &&
           std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

void check_values(const ParamSet& p, const std::vector<double>& expected, double eps = 1e-6)
{
    REQUIRE(p.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        CHECK(double(p.values(i)) == doctest::Approx(expected[i]).epsilon(eps));
}

}  // namespace

TEST_CASE("value clipping clamps each element to [-clip_value, clip_value]")
{
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const ParamSet g = make(kTwo, {3.0f, -0.5f, -7.0f, nan});
    ClipConfig c = clip_of("value");
    c.clip_value = 1.0;
    const ParamSet out = clipped(c, g, zeros_like(g));
    CHECK(out.values(0) == 1.0f);
    CHECK(out.values(1) == -0.5f);
    CHECK(out.values(2) == -1.0f);
    CHECK(std::isnan(out.values(3)));  // clamp keeps NaN, as torch does
}

TEST_CASE("norm clips each tensor on its own; global_norm clips all by one coefficient")
{
    const ParamSet g = make(kTwo, {3.0f, 4.0f, 0.0f, 0.5f});
    const ParamSet p = zeros_like(g);
    struct Row
    {
        const char* type;
        double norm_type;
        std::vector<double> expected;
    };
    const double inf = std::numeric_limits<double>::infinity();
    const double l2 = std::sqrt(25.0 + 0.25);
    const Row rows[] = {
        // per tensor: A to norm 1, B (norm 0.5 < 1) untouched
        {"norm", 2.0, {0.6, 0.8, 0.0, 0.5}},
        {"norm", inf, {0.75, 1.0, 0.0, 0.5}},
        {"norm", 1.0, {3.0 / 7.0, 4.0 / 7.0, 0.0, 0.5}},
        // global: the norm of the per-tensor norms
        {"global_norm", 2.0, {3.0 / l2, 4.0 / l2, 0.0, 0.5 / l2}},
        {"global_norm", inf, {0.75, 1.0, 0.0, 0.125}},
        {"global_norm", 1.0, {3.0 / 7.5, 4.0 / 7.5, 0.0, 0.5 / 7.5}},
        {"global_norm", 3.0, {3.0 / 4.5, 4.0 / 4.5, 0.0, 0.5 / 4.5}},  // (27+64+0.125)^(1/3)
    };
    for (const Row& r : rows)
    {
        const std::string type = r.type;
        CAPTURE(type);
        CAPTURE(r.norm_type);
        // the 1e-6 in max_norm / (total_norm + 1e-6) is below this tolerance
        check_values(clipped(clip_of(r.type, 1.0, r.norm_type), g, p), r.expected, 1e-5);
    }
    // norm leaves B bit for bit: its coefficient clamps to exactly 1
    const ParamSet per_tensor = clipped(clip_of("norm"), g, p);
    CHECK(per_tensor.values(3) == 0.5f);
}

TEST_CASE("clip_grad_norm_'s coefficient: max_norm / (total_norm + 1e-6), at most 1")
{
    const std::vector<Shape> one = {{"a", TensorKind::bias, 1, 1}};
    const ParamSet p = make(one, {0.0f});
    // A norm exactly at max_norm is still scaled, by 1 / (1 + 1e-6), as in torch.
    const ParamSet at = clipped(clip_of("global_norm", 1.0), make(one, {1.0f}), p);
    CHECK(at.values(0) < 1.0f);
    CHECK(double(at.values(0)) == doctest::Approx(1.0 / (1.0 + 1e-6)).epsilon(1e-7));
    // Below max_norm: untouched bit for bit.
    const ParamSet below = make(one, {-0.25f});
    CHECK(same_bits(clipped(clip_of("global_norm", 1.0), below, p), below));
    // A zero gradient stays zero (no 0/0).
    const ParamSet zero = make(one, {0.0f});
    CHECK(same_bits(clipped(clip_of("norm", 1.0), zero, p), zero));
    // A tiny max_norm: the 1e-6 dominates the denominator.
    const ParamSet tiny = clipped(clip_of("global_norm", 1e-6), make(one, {1e-6f}), p);
    CHECK(double(tiny.values(0)) == doctest::Approx(0.5e-6).epsilon(1e-5));
    // A non-finite norm makes a non-finite coefficient: the run diverges visibly.
    const ParamSet inf_grad = make(one, {std::numeric_limits<float>::infinity()});
    CHECK_FALSE(std::isfinite(clipped(clip_of("global_norm", 1.0), inf_grad, p).values(0)));
}

TEST_CASE("agc clips unit-wise: weight columns, and each bias or point element")
{
    // w (2, 2): column 0 of the params has norm 5, column 1 is zero (eps floor 1e-3).
    const std::vector<Shape> shapes = {{"w", TensorKind::weight, 2, 2},
                                       {"b", TensorKind::bias, 1, 2},
                                       {"xy", TensorKind::point, 1, 2}};
    const ParamSet params = make(shapes, {3.0f, 0.0f, 4.0f, 0.0f,  // w rows
                                          2.0f, -0.001f,           // b
                                          -1.0f, 0.0f});           // xy
    const ParamSet grads = make(shapes, {0.06f, 3e-5f, 0.08f, 4e-5f,  // w: norms 0.1 and 5e-5
                                         0.01f, 0.5f,                 // b
                                         -0.005f, -0.2f});            // xy
    ClipConfig c = clip_of("agc");
    c.clipping = 0.01;
    c.eps = 1e-3;
    const ParamSet out = clipped(c, grads, params);
    check_values(out, {
                          0.03, 6e-6, 0.04, 8e-6,  // col 0 to 0.01 * 5; col 1 to 0.01 * 1e-3
                          0.01, 1e-5,              // b0 under 0.01 * 2; b1 to 0.01 * 1e-3
                          -0.005, -1e-5,           // xy0 under 0.01 * 1 (kept); xy1 to 1e-5
                      },
                 1e-5);
    CHECK(out.values(4) == 0.01f);  // untouched units keep their bits
}

TEST_CASE("every clip link reports the gradient norm before and after")
{
    const ParamSet g = make(kTwo, {3.0f, 4.0f, 0.0f, 0.5f});
    const double before = std::sqrt(25.25);
    struct Row
    {
        const char* type;
        double after;
    };
    const Row rows[] = {{"none", before},
                        {"value", std::sqrt(1.0 + 1.0 + 0.25)},
                        {"norm", std::sqrt(1.0 + 0.25)},
                        {"global_norm", 1.0},
                        {"agc", std::sqrt(3.0) * 1e-5}};  // params zero: the three non-zero
                                                          // units clipped to 0.01 * 1e-3
    for (const Row& r : rows)
    {
        const std::string type = r.type;
        CAPTURE(type);
        ParamSet grads = g;
        ClipConfig c = clip_of(r.type);
        c.clip_value = 1.0;
        const StepReport report = apply(c, grads, zeros_like(g));
        CHECK(report.grad_norm == doctest::Approx(before).epsilon(1e-12));
        CHECK(report.clipped_grad_norm == doctest::Approx(global_norm(grads)).epsilon(1e-12));
        CHECK(report.clipped_grad_norm == doctest::Approx(r.after).epsilon(1e-5));
        // no state, so the clip type can change mid-run; a null report is allowed
        const GradientTransform link = make_clip(c);
        TransformState s = link.init(g);
        CHECK(s.slots.empty());
        CHECK(s.scalars.empty());
        ParamSet again = g, params = zeros_like(g);
        link.update(again, s, params, StepContext{});
        CHECK(same_bits(again, grads));
    }
}
