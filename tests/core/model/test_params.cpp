// ParamSet helpers: layout, zeros_like, the deterministic global norm and all_finite.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/model/params.hpp"

using namespace lrlab;

TEST_CASE("add_tensor appends shapes at increasing offsets and keeps earlier values")
{
    ParamSet p;
    add_tensor(p, "w0", TensorKind::weight, 2, 3);
    p.values(5) = 7.0f;
    add_tensor(p, "b0", TensorKind::bias, 1, 3);
    add_tensor(p, "xy", TensorKind::point, 1, 2);
    REQUIRE(p.tensors.size() == 3);
    CHECK(p.size() == 11);
    CHECK(p.tensors[1].offset == 6);
    CHECK(p.tensors[2].offset == 9);
    CHECK(p.tensors[1].size() == 3);
    CHECK(p.tensors[0].kind == TensorKind::weight);
    CHECK(p.tensors[2].name == "xy");
    CHECK(p.values(5) == 7.0f);
    CHECK(p.values(10) == 0.0f);
    CHECK(p.data(1) == p.data() + 6);
}

TEST_CASE("zeros_like copies the layout and fills every value")
{
    ParamSet p;
    add_tensor(p, "w0", TensorKind::weight, 2, 2);
    add_tensor(p, "b0", TensorKind::bias, 1, 2);
    p.values(0) = 3.0f;
    for (float fill : {0.0f, 0.25f})
    {
        const ParamSet z = zeros_like(p, fill);
        REQUIRE(z.size() == p.size());
        CHECK(z.tensors.size() == 2);
        CHECK(z.tensors[1].offset == 4);
        for (std::size_t i = 0; i < z.size(); ++i)
            CHECK(z.values(i) == fill);
    }
}

TEST_CASE("global_norm is the L2 norm of all values, summed in double")
{
    ParamSet p;
    add_tensor(p, "a", TensorKind::bias, 1, 2);
    add_tensor(p, "b", TensorKind::bias, 1, 1);
    CHECK(global_norm(p) == 0.0);
    p.values(0) = 3.0f;
    p.values(1) = -4.0f;
    CHECK(global_norm(p) == 5.0);
    // 1 + (2^-13)^2 is exact in double, lost in float
    p.values(0) = 1.0f;
    p.values(1) = 0.0f;
    p.values(2) = 1.0f / 8192.0f;
    CHECK(global_norm(p) == std::sqrt(1.0 + 1.0 / 67108864.0));
    CHECK(global_norm(p) > 1.0);
}

TEST_CASE("all_finite spots NaN and infinities")
{
    ParamSet p;
    add_tensor(p, "a", TensorKind::bias, 1, 3);
    CHECK(all_finite(p));
    for (float bad : {std::numeric_limits<float>::quiet_NaN(),
                      std::numeric_limits<float>::infinity(),
                      -std::numeric_limits<float>::infinity()})
    {
        ParamSet q = p;
        q.values(2) = bad;
        CHECK_FALSE(all_finite(q));
    }
}
