// Datasets and features: registry, sizes, label ranges, bounds, determinism, balance, split
// sizes, the shapes of a few sets, and feature values.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/data/datasets.hpp"
#include "core/math/detmath.hpp"
#include "core/data/features.hpp"

using namespace lrlab;

namespace
{
DataConfig config(const std::string& name, int samples = 400, double noise = 0.0,
                  std::uint64_t seed = 1)
{
    DataConfig c;
    c.dataset = name;
    c.samples = samples;
    c.noise = noise;
    c.seed = seed;
    return c;
}

bool equal(const Dataset& a, const Dataset& b)
{
    return a.train_x == b.train_x && a.test_x == b.test_x && a.train_y == b.train_y &&
           a.test_y == b.test_y;
}

std::vector<int> class_counts(const Dataset& d)
{
    std::vector<int> counts(static_cast<std::size_t>(d.classes), 0);
    for (const Vector* y : {&d.train_y, &d.test_y})
        for (float v : *y)
            ++counts[static_cast<std::size_t>(v)];
    return counts;
}
}  // namespace

TEST_CASE("dataset registry lists every set in display order")
{
    const char* names[] = {"circle", "xor", "gauss", "spiral", "moons", "checkerboard", "blobs",
                           "reg_plane", "reg_gauss", "digits8x8", "points"};
    const auto& reg = dataset_registry();
    REQUIRE(reg.size() == 11);
    for (std::size_t i = 0; i < reg.size(); ++i)
    {
        CHECK(std::string(reg[i].name) == names[i]);
        CHECK(find_dataset(names[i]) != nullptr);
        CHECK(std::string(reg[i].label).size() > 0);
    }
    CHECK(find_dataset("nope") == nullptr);
    CHECK(find_dataset("blobs")->task == TaskKind::multiclass);
    CHECK(find_dataset("reg_gauss")->task == TaskKind::regression);
    CHECK(find_dataset("digits8x8")->raw_dims == 64);
    CHECK(std::string(find_dataset("xor")->label) == "Exclusive or");
}

TEST_CASE("every dataset: sizes, labels, bounds, balance, determinism")
{
    for (const DatasetInfo& info : dataset_registry())
    {
        CAPTURE(std::string(info.name));
        if (info.raw_dims == 0)
            continue;  // points: rows typed by a person (test_points.cpp)
        for (double noise : {0.0, 0.5, 1.0})
        {
            CAPTURE(noise);
            const Dataset d = make_dataset(config(info.name, 400, noise));
            CHECK(d.task == info.task);
            CHECK(d.raw_dims == info.raw_dims);
            REQUIRE(d.train_x.shape(0) == 200);
            REQUIRE(d.test_x.shape(0) == 200);
            CHECK(d.train_x.shape(1) == static_cast<std::size_t>(info.raw_dims));
            CHECK(d.train_y.size() == 200);
            CHECK(d.test_y.size() == 200);
            const double bound = info.raw_dims == 64 ? 1.0 : 6.0;
            const double lower = info.raw_dims == 64 ? 0.0 : -6.0;
            for (const Tensor* x : {&d.train_x, &d.test_x})
                for (float v : *x)
                {
                    REQUIRE(std::isfinite(v));
                    REQUIRE(v >= lower);
                    REQUIRE(v <= bound);
                }
            for (const Vector* y : {&d.train_y, &d.test_y})
                for (float v : *y)
                {
                    if (info.task == TaskKind::regression)
                    {
                        REQUIRE(v >= -1.0f);
                        REQUIRE(v <= 1.0f);
                    }
                    else
                    {
                        REQUIRE(v == std::floor(v));
                        REQUIRE(v >= 0.0f);
                        REQUIRE(v < static_cast<float>(d.classes));
                    }
                }
            if (info.task != TaskKind::regression)
                for (int count : class_counts(d))
                    CHECK(std::abs(count - 400 / d.classes) <= 1);
            else
                CHECK(d.classes == 1);
        }
        const Dataset a = make_dataset(config(info.name, 300, 0.3, 7));
        const Dataset b = make_dataset(config(info.name, 300, 0.3, 7));
        const Dataset c = make_dataset(config(info.name, 300, 0.3, 8));
        CHECK(equal(a, b));
        CHECK_FALSE(equal(a, c));
        // Noise changes the data (only the noise stream and its scale differ).
        CHECK_FALSE(equal(make_dataset(config(info.name, 300, 0.0, 7)), a));
    }
}

TEST_CASE("split sizes follow train_fraction, at least one sample on each side")
{
    struct Row
    {
        int samples;
        double fraction;
        std::size_t n_train;
    };
    const Row rows[] = {{500, 0.5, 250}, {500, 0.8, 400}, {10, 0.25, 3}, {10, 0.35, 4},
                        {2, 0.5, 1},     {2, 0.0, 1},     {2, 1.0, 1},   {100, 0.001, 1},
                        {100, 0.999, 99}};
    for (const Row& r : rows)
    {
        DataConfig c = config("gauss", r.samples);
        c.train_fraction = r.fraction;
        const Dataset d = make_dataset(c);
        CHECK(d.train_x.shape(0) == r.n_train);
        CHECK(d.test_x.shape(0) == static_cast<std::size_t>(r.samples) - r.n_train);
    }
}

TEST_CASE("blobs and extreme sizes never fail")
{
    for (int k = 2; k <= 8; ++k)
    {
        DataConfig c = config("blobs", 2 + 37 * k, 0.2);
        c.classes = k;
        const Dataset d = make_dataset(c);
        CHECK(d.classes == k);
        for (int count : class_counts(d))
            CHECK(std::abs(count - c.samples / k) <= 1);
    }
    for (const DatasetInfo& info : dataset_registry())
    {
        const Dataset small = make_dataset(config(info.name, 2, 1.0));
        CHECK(small.train_x.shape(0) + small.test_x.shape(0) == 2);
    }
    const Dataset big = make_dataset(config("digits8x8", 20000, 1.0));
    CHECK(big.train_x.shape(0) == 10000);
    CHECK(find_dataset("digits8x8") != nullptr);
    CHECK(make_dataset(config("digits8x8", 50)).classes == 10);
}

TEST_CASE("dataset shapes at noise 0")
{
    auto all_points = [](const Dataset& d, auto&& f)
    {
        const Tensor* xs[] = {&d.train_x, &d.test_x};
        const Vector* ys[] = {&d.train_y, &d.test_y};
        for (int s = 0; s < 2; ++s)
            for (std::size_t i = 0; i < xs[s]->shape(0); ++i)
                f((*xs[s])(i, 0), (*xs[s])(i, 1), (*ys[s])(i));
    };
    all_points(make_dataset(config("circle")), [](float x1, float x2, float y)
    {
        const float r = std::sqrt(x1 * x1 + x2 * x2);
        CHECK((y == 1.0f ? r <= 2.5001f : (r >= 3.4999f && r <= 5.0001f)));
    });
    all_points(make_dataset(config("xor")), [](float x1, float x2, float y)
    {
        CHECK((x1 * x2 > 0) == (y == 1.0f));
        CHECK(std::fabs(x1) >= 0.3f);
        CHECK(std::fabs(x2) >= 0.3f);
    });
    all_points(make_dataset(config("checkerboard")), [](float x1, float x2, float y)
    {
        const int cell = static_cast<int>(std::floor((x1 + 6) / 3) + std::floor((x2 + 6) / 3));
        CHECK(cell % 2 == static_cast<int>(y));
    });
    all_points(make_dataset(config("reg_plane")), [](float x1, float x2, float y)
    {
        CHECK(y == doctest::Approx((x1 + x2) / 12.0f).epsilon(1e-5));
    });
    double mean_x2[2] = {0, 0};
    all_points(make_dataset(config("moons")), [&mean_x2](float, float x2, float y)
    {
        mean_x2[static_cast<int>(y)] += x2;
    });
    CHECK(mean_x2[1] > mean_x2[0]);  // label 1 is the upper moon
    // Digits: the ten class-mean images are clearly different from one another.
    const Dataset dg = make_dataset(config("digits8x8", 1000));
    std::vector<std::vector<double>> mean(10, std::vector<double>(64, 0.0));
    for (std::size_t i = 0; i < dg.train_x.shape(0); ++i)
        for (std::size_t p = 0; p < 64; ++p)
            mean[static_cast<std::size_t>(dg.train_y(i))][p] += dg.train_x(i, p);
    for (int a = 0; a < 10; ++a)
        for (int b = a + 1; b < 10; ++b)
        {
            double d2 = 0;
            for (int p = 0; p < 64; ++p)
            {
                const double diff = mean[a][p] / 50 - mean[b][p] / 50;
                d2 += diff * diff;
            }
            CHECK(d2 > 0.5);
        }
}

TEST_CASE("features: registry, values and input dims")
{
    const auto& reg = feature_registry();
    REQUIRE(reg.size() == 7);
    CHECK(std::string(reg[2].name) == "x1_sq");
    CHECK(std::string(reg[2].label) == "x1\u00b2");
    CHECK(is_feature("sin_x2"));
    CHECK_FALSE(is_feature("x3"));

    Tensor raw = {{1.5f, -2.0f}, {0.0f, 3.25f}};
    const std::vector<std::string> names = {"x1",    "x2",     "x1_sq", "x2_sq",
                                            "x1_x2", "sin_x1", "sin_x2"};
    Tensor out;
    apply_features_into(raw, names, out);
    REQUIRE(out.shape(0) == 2);
    REQUIRE(out.shape(1) == 7);
    for (std::size_t r = 0; r < 2; ++r)
    {
        const float x1 = raw(r, 0);
        const float x2 = raw(r, 1);
        const float expect[] = {x1, x2, x1 * x1, x2 * x2, x1 * x2,
                                static_cast<float>(std::sin(static_cast<double>(x1))),
                                static_cast<float>(std::sin(static_cast<double>(x2)))};
        for (std::size_t j = 0; j < 7; ++j)
            CHECK(out(r, j) == doctest::Approx(expect[j]).epsilon(1e-6));
    }
    CHECK(out(0, 5) == static_cast<float>(detmath::sin(1.5)));
    apply_features_into(raw, {"x2"}, out);
    CHECK(out.shape(1) == 1);
    CHECK(out(1, 0) == 3.25f);

    DataConfig c;
    c.features = {"x1", "x2", "sin_x1"};
    CHECK(input_dims(c) == 3);
    c.dataset = "digits8x8";
    CHECK(input_dims(c) == 64);
}
