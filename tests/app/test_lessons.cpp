// Every lesson's caption makes a claim (src/app/lessons.cpp): run the lesson's config through the
// engine, as the page does, and check the claim.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>

#include "app/lessons.hpp"
#include "core/config/json.hpp"
#include "core/train/experiment.hpp"

using namespace lrlab;

namespace
{

std::unique_ptr<Experiment> finished_lesson(const char* name)
{
    const Lesson* l = find_lesson(name);
    REQUIRE(l != nullptr);
    const ConfigResult r = parse_config(lesson_config(*l));
    for (const ConfigError& e : r.errors)
        FAIL(to_string(e));
    auto e = std::make_unique<Experiment>(r.config);
    e->step_all(e->steps());
    REQUIRE(e->finished());
    return e;
}

const MetricsRow& first(const Experiment& e, std::size_t i) { return e.run(i).history().front(); }
const MetricsRow& last(const Experiment& e, std::size_t i) { return e.run(i).history().back(); }

double min_test_loss(const Experiment& e, std::size_t i)
{
    double m = INFINITY;
    for (const MetricsRow& r : e.run(i).history())
        m = std::min(m, r.test_loss);
    return m;
}

// The train loss at the evaluation of `step`.
double loss_at(const Experiment& e, std::size_t i, std::int64_t step)
{
    for (const MetricsRow& r : e.run(i).history())
        if (r.step == step)
            return r.train_loss;
    FAIL("no evaluation at step " << step);
    return NAN;
}

}  // namespace

TEST_CASE("lessons: the page's list is DESIGN.md's, every config is valid")
{
    const char* names[] = {"good-lr",  "lr-too-low",    "lr-too-high", "adaptive-vs-sgd",
                           "schedules", "warm-restarts", "clipping",    "generalization"};
    for (const char* n : names)
    {
        CAPTURE(n);
        const Lesson* l = find_lesson(n);
        REQUIRE(l != nullptr);
        CHECK(parse_config(lesson_config(*l)).ok());
    }
    CHECK(parse_config(default_config_json()).ok());
}

TEST_CASE("lesson good-lr: SGD at 0.1 and 0.3 both learn the circle")
{
    auto e = finished_lesson("good-lr");
    for (std::size_t i = 0; i < 2; ++i)
    {
        CHECK(last(*e, i).test_acc >= 0.93);
        CHECK(last(*e, i).train_loss < 0.25 * first(*e, i).train_loss);
    }
}

TEST_CASE("lesson lr-too-low: 0.001 is slow, not stuck; 0.1 solves it")
{
    auto e = finished_lesson("lr-too-low");
    const std::vector<MetricsRow>& slow = e->run(0).history();
    CHECK(last(*e, 0).train_loss > 0.9 * first(*e, 0).train_loss);  // barely moved
    for (std::size_t k = 1; k < slow.size(); ++k)
        CHECK(slow[k].train_loss <= slow[k - 1].train_loss);          // but always down
    CHECK(last(*e, 1).train_loss < 0.1 * first(*e, 1).train_loss);
    CHECK(last(*e, 1).test_acc > last(*e, 0).test_acc + 0.3);
}

TEST_CASE("lesson lr-too-high: 0.01 and 0.03 converge, 0.05 diverges within a few steps")
{
    auto e = finished_lesson("lr-too-high");
    for (std::size_t i = 0; i < 2; ++i)
    {
        CHECK_FALSE(e->run(i).diverged());
        CHECK(last(*e, i).train_loss < 0.01 * first(*e, i).train_loss);
    }
    CHECK(e->run(2).diverged());
    CHECK(e->run(2).diverged_at() <= 20);
}

TEST_CASE("lesson adaptive-vs-sgd: Adam and RMSprop beat SGD at the same LR")
{
    auto e = finished_lesson("adaptive-vs-sgd");
    CHECK(last(*e, 0).train_loss > 0.9 * first(*e, 0).train_loss);  // SGD has hardly started
    for (std::size_t i = 1; i < 3; ++i)
    {
        CHECK(last(*e, i).train_loss < 0.6 * last(*e, 0).train_loss);
        CHECK(last(*e, i).test_acc > last(*e, 0).test_acc + 0.1);
    }
}

TEST_CASE("lesson schedules: every schedule ends 100x lower and with a lower test loss")
{
    auto e = finished_lesson("schedules");
    const double base = first(*e, 0).lr;
    CHECK(last(*e, 0).lr == base);
    for (std::size_t i = 1; i < e->size(); ++i)
    {
        CAPTURE(e->config().runs[i].name);
        CHECK(first(*e, i).lr <= base);
        CHECK(last(*e, i).lr <= base / 100 * (1 + 1e-9));  // exponential: exactly 100x
        CHECK(last(*e, i).test_loss < last(*e, 0).test_loss);
    }
}

TEST_CASE("lesson warm-restarts: the LR restarts every 500 steps, each cycle ends lower")
{
    auto e = finished_lesson("warm-restarts");
    for (std::size_t i = 0; i < e->size(); ++i)
    {
        CAPTURE(e->config().runs[i].name);
        const std::vector<MetricsRow>& h = e->run(i).history();
        int bumps = 0;
        for (std::int64_t t : {500, 1000, 1500})
        {
            CHECK(h[std::size_t(t / 10)].lr == first(*e, i).lr);  // back at the start value
            CHECK(loss_at(*e, i, t + 500) < loss_at(*e, i, t));   // this cycle ends lower
            double peak = 0;
            for (const MetricsRow& r : h)
                if (r.step > t && r.step <= t + 200)
                    peak = std::max(peak, r.train_loss);
            bumps += peak > loss_at(*e, i, t);
        }
        CHECK(bumps >= 2);  // "most restarts shake the loss up"
    }
}

TEST_CASE("lesson clipping: the LR that diverges unclipped converges clipped")
{
    auto e = finished_lesson("clipping");
    CHECK(e->run(0).diverged());
    CHECK_FALSE(e->run(1).diverged());
    CHECK(last(*e, 1).train_loss < 0.01 * first(*e, 1).train_loss);
    int clipped = 0;
    for (const MetricsRow& r : e->run(1).history())
        clipped += r.has_grad && r.clipped_grad_norm < r.grad_norm;
    CHECK(clipped > 0);  // the clip was active (the runs table shows how often)
}

TEST_CASE("lesson generalization: a high LR overfits, L2 helps, a tiny LR underfits")
{
    auto e = finished_lesson("generalization");
    CHECK(last(*e, 0).train_loss < 0.01);                        // memorised
    CHECK(last(*e, 0).test_loss > 3 * min_test_loss(*e, 0));     // test loss climbed back
    CHECK(last(*e, 1).test_loss < 0.5 * last(*e, 0).test_loss);  // L2 keeps it lower
    CHECK(last(*e, 2).train_loss > 0.2);                         // tiny LR: still underfits
    CHECK(last(*e, 2).train_loss > 10 * last(*e, 0).train_loss);
}
