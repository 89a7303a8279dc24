// The range test's smoothing and its three suggestion rules on synthetic curves with known
// answers (core/tuning/smoothing.hpp, suggestions.hpp).
#include <doctest/doctest.h>

#include <cmath>
#include <algorithm>

#include "core/math/rng.hpp"
#include "core/tuning/smoothing.hpp"
#include "core/tuning/suggestions.hpp"
#include "core/tuning/value_list.hpp"

using namespace lrlab;

namespace
{

// lrs 1e-6 .. 1e2 geometric, n points.
std::vector<double> grid(int n) { return log_spaced(1e-6, 1e2, n); }

// A clean range-test shape: flat at 1, a logistic descent to 0.2 centred on 10^c, then (from
// 10^up on) a steep rise.
std::vector<double> curve(const std::vector<double>& lrs, double c, double up)
{
    std::vector<double> y;
    for (double lr : lrs)
    {
        const double x = std::log10(lr);
        double v = 0.2 + 0.8 / (1.0 + std::exp(3.0 * (x - c)));
        if (x > up)
            v += 5.0 * (x - up) * (x - up);
        y.push_back(v);
    }
    return y;
}

double log10_of(const std::optional<double>& v) { return std::log10(*v); }

}  // namespace

TEST_CASE("the debiased EMA starts at the first loss and follows the recurrence")
{
    DebiasedEma ema(0.9);
    CHECK(ema.add(2.0) == doctest::Approx(2.0).epsilon(1e-15));
    // avg = 0.9 * 0.2 + 0.1 * 4 = 0.58; / (1 - 0.81) = 3.0526...
    CHECK(ema.add(4.0) == doctest::Approx(0.58 / 0.19).epsilon(1e-14));
    DebiasedEma raw(0.0);
    CHECK(raw.add(3.5) == 3.5);
    CHECK(raw.add(-1.25) == -1.25);
    // A constant stays that constant at every point (the debiasing is exact).
    DebiasedEma c(0.98);
    for (int i = 0; i < 50; ++i)
        CHECK(c.add(0.7) == doctest::Approx(0.7).epsilon(1e-12));
}

TEST_CASE("the EMA noise factor is 1 at the first point and falls towards sqrt((1-b)/(1+b))")
{
    CHECK(ema_noise_factor(0.98, 0) == doctest::Approx(1.0));
    CHECK(ema_noise_factor(0.0, 37) == doctest::Approx(1.0));
    // Two points, beta 0.5: weights 1/3, 2/3 -> sqrt(5)/3.
    CHECK(ema_noise_factor(0.5, 1) == doctest::Approx(std::sqrt(5.0) / 3.0));
    CHECK(ema_noise_factor(0.9, 5000) == doctest::Approx(std::sqrt(0.1 / 1.9)));
}

TEST_CASE("steepest, minimum and valley on a clean curve")
{
    const std::vector<double> lrs = grid(161);  // 20 points per decade
    const std::vector<double> y = curve(lrs, -2.0, 0.0);
    const Suggestions s = suggest_lrs(lrs, y, y, {});
    REQUIRE(s.steepest);
    REQUIRE(s.minimum);
    REQUIRE(s.valley);
    // The logistic falls fastest at its centre, 1e-2 (to the grid's 1/20 decade).
    CHECK(log10_of(s.steepest) == doctest::Approx(-2.0).epsilon(0.06));
    // The minimum sits just before the rise at 1e0 (the tail of the logistic still falls);
    // the suggestion is a tenth of it.
    CHECK(log10_of(s.minimum) == doctest::Approx(-1.0).epsilon(0.15));
    // The curve falls strictly from the first point to the minimum at index m: the valley is
    // fastai's index start + floor(L/3) + floor(L/6) with L = m + 1, start = m - L = -1.
    const std::size_t m = std::size_t(std::min_element(y.begin(), y.end()) - y.begin());
    const long L = long(m) + 1;
    const long idx = -1 + long(L / 3.0) + long((L / 3.0) / 2.0);
    CHECK(*s.valley == lrs[std::size_t(idx)]);
}

TEST_CASE("valley follows fastai's index on a hand-made curve")
{
    // Longest strictly decreasing subsequence: 9 7 5 3 1 (indices 1..5 of 8), L = 5, end = 5,
    // start = 0, sections = 5/3: idx = 0 + 1 + 0 = 1.
    const std::vector<double> loss{8, 9, 7, 5, 3, 1, 4, 6};
    const auto v = valley_index(loss);
    REQUIRE(v);
    CHECK(*v == 1);
    // Nothing decreases: no valley.
    CHECK_FALSE(valley_index({1, 2, 3, 4}));
    // A two-point descent from the first point: fastai's index -1, clamped to 0.
    CHECK(*valley_index({2, 1}) == 0);
}

TEST_CASE("steepest ignores the blow-up after the minimum")
{
    // Falls gently, then the loss swings down steeply *after* its minimum: not a descent.
    const std::vector<double> lrs = grid(21);
    std::vector<double> y{1.0, 0.98, 0.95, 0.9, 0.8, 0.6, 0.5, 0.45, 0.44, 0.6, 3.0,
                          9.0, 2.0,  0.5,  8.0, 9.0, 9.5, 9.9, 9.9,  9.9,  9.9};
    const auto i = steepest_index(lrs, y);
    REQUIRE(i);
    CHECK(*i <= 8);
    CHECK(*i >= 4);
}

TEST_CASE("flat, rising and noisy curves give no suggestion and say why")
{
    const std::vector<double> lrs = grid(100);
    SUBCASE("flat")
    {
        const std::vector<double> y(100, 0.693);
        const Suggestions s = suggest_lrs(lrs, y, y, {});
        CHECK_FALSE(s.steepest);
        CHECK_FALSE(s.minimum);
        CHECK_FALSE(s.valley);
        CHECK(s.note.find("never falls") != std::string::npos);
    }
    SUBCASE("nearly flat")
    {
        std::vector<double> y;
        for (std::size_t i = 0; i < 100; ++i)
            y.push_back(0.693 - 0.0001 * double(i));
        const Suggestions s = suggest_lrs(lrs, y, y, {});
        CHECK_FALSE(s.minimum);
        CHECK(s.note.find("flat") != std::string::npos);
    }
    SUBCASE("monotone rising")
    {
        std::vector<double> y;
        for (std::size_t i = 0; i < 100; ++i)
            y.push_back(0.5 + 0.01 * double(i));
        const Suggestions s = suggest_lrs(lrs, y, y, {});
        CHECK_FALSE(s.steepest);
        CHECK_FALSE(s.valley);
        CHECK(s.note.find("never falls") != std::string::npos);
    }
    SUBCASE("pure noise, smoothed")
    {
        Rng rng(7);
        std::vector<double> raw, smoothed;
        DebiasedEma ema(0.98);
        for (std::size_t i = 0; i < 100; ++i)
        {
            raw.push_back(0.7 + 0.1 * rng.normal());
            smoothed.push_back(ema.add(raw.back()));
        }
        SuggestionOptions o;
        o.skip_start = 10;
        o.skip_end = 5;
        o.beta = 0.98;
        const Suggestions s = suggest_lrs(lrs, raw, smoothed, o);
        CHECK_FALSE(s.steepest);
        CHECK_FALSE(s.minimum);
        CHECK_FALSE(s.valley);
        CHECK(s.note.find("noise") != std::string::npos);
    }
}

TEST_CASE("a real descent under noise is still found")
{
    const std::vector<double> lrs = grid(200);
    const std::vector<double> clean = curve(lrs, -2.0, 0.5);
    Rng rng(3);
    std::vector<double> raw, smoothed;
    DebiasedEma ema(0.9);
    for (double c : clean)
    {
        raw.push_back(c + 0.05 * rng.normal());
        smoothed.push_back(ema.add(raw.back()));
    }
    SuggestionOptions o;
    o.skip_start = 20;
    o.skip_end = 5;
    o.beta = 0.9;
    const Suggestions s = suggest_lrs(lrs, raw, smoothed, o);
    REQUIRE(s.steepest);
    REQUIRE(s.valley);
    // Within half a decade of the true centre (the EMA lags a little to the right).
    CHECK(std::fabs(log10_of(s.steepest) + 2.0) < 0.5);
    CHECK(log10_of(s.valley) > -4.0);
    CHECK(log10_of(s.valley) < 0.0);
}

TEST_CASE("a curve that never diverges: the minimum is the last point, and the note says so")
{
    const std::vector<double> lrs = grid(50);
    std::vector<double> y;
    for (std::size_t i = 0; i < 50; ++i)
        y.push_back(1.0 / (1.0 + 0.1 * double(i)));
    const Suggestions s = suggest_lrs(lrs, y, y, {});
    REQUIRE(s.minimum);
    CHECK(*s.minimum == lrs.back() / 10.0);
    CHECK(s.note.find("still falls") != std::string::npos);
    REQUIRE(s.steepest);
    CHECK(*s.steepest == lrs.front());  // 1/(1+0.1i) falls fastest at the start
}

TEST_CASE("two points, or fewer than five after skipping, give no suggestion")
{
    const std::vector<double> lrs{1e-3, 1e-2};
    const std::vector<double> y{1.0, 0.5};
    const Suggestions s = suggest_lrs(lrs, y, y, {});
    CHECK_FALSE(s.steepest);
    CHECK_FALSE(s.minimum);
    CHECK_FALSE(s.valley);
    CHECK(s.note.find("fewer than 5") != std::string::npos);
    const std::vector<double> g = grid(20);
    const std::vector<double> c = curve(g, -2.0, 0.0);
    SuggestionOptions o;
    o.skip_start = 10;
    o.skip_end = 6;
    CHECK_FALSE(suggest_lrs(g, c, c, o).minimum);
    CHECK_FALSE(suggest_lrs({}, {}, {}, o).minimum);
}
