// The LR range test (Smith 2017, "Cyclical Learning Rates for Training Neural Networks",
// section 3.3; run as pytorch-lr-finder's LRFinder.range_test and fastai's lr_find do):
// DESIGN.md, "Choosing the LR", `lrlab lr-find`.
//
// A copy of one run of an experiment, from the experiment's initial weights and batch order,
// takes one training step per iteration (the run's own step: its optimizer with its momentum or
// Adam state, its L1/L2, its clip) with the LR of iteration i
//   exp:    start * (end/start)^(i/(num_iter-1))   (pytorch-lr-finder's ExponentialLR for torch
//                                                   >= 1.1: r = last_epoch / (num_iter - 1),
//                                                   so the last iteration uses end exactly;
//                                                   fastai's SchedExp uses i/num_iter)
//   linear: start + (end - start) * i/(num_iter-1) (pytorch-lr-finder's LinearLR)
// and no schedule. The loss of iteration i is the training objective of its batch before the
// update (as pytorch-lr-finder's _train_batch returns it), or with on_test the test set's mean
// data loss after the update (its val_loader mode). It is smoothed by a debiased EMA
// (smoothing.hpp). The test stops after iteration i when the smoothed loss exceeds diverge_th x
// its minimum so far, or when the loss is not finite; a non-finite point is not recorded.
//
// The experiment is not changed, and nothing allocates per iteration but the run's apply()
// (a new optimizer for the new LR). step(n) does n iterations, so that the page can spread the
// test over frames or workers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/train/experiment.hpp"
#include "core/tuning/smoothing.hpp"
#include "core/tuning/suggestions.hpp"

namespace lrlab
{

struct LrFinderOptions
{
    double start_lr = 1e-7;
    double end_lr = 10.0;
    int num_iter = 100;
    bool linear = false;     // --mode linear
    double smooth = 0.98;    // EMA beta, [0, 1)
    double diverge_th = 4.0; // > 1
    bool on_test = false;    // --on test
};

constexpr int max_lr_finder_iterations = 10000;

// Problems with the options, each naming its flag (--start-lr, ...); empty when valid.
std::vector<ConfigError> check_lr_finder_options(const LrFinderOptions& o);

struct LrFinderPoint
{
    std::int64_t iter = 0;
    double lr = 0.0, loss = 0.0, smoothed_loss = 0.0;
};

struct LrFinderResult
{
    std::vector<LrFinderPoint> points;  // the CSV rows
    bool stopped_early = false;
    std::int64_t stop_iter = -1;        // -1: ran all num_iter iterations
    Suggestions suggestions;            // filled once done()
};

class LrFinder
{
public:
    // `e` must outlive the finder; o must be valid (check_lr_finder_options).
    LrFinder(const Experiment& e, std::size_t run, const LrFinderOptions& o);

    void step(std::int64_t n);  // up to n more iterations
    bool done() const { return done_; }
    std::int64_t iterations_done() const { return iter_; }
    std::int64_t num_iter() const { return options_.num_iter; }
    const LrFinderResult& result() const { return result_; }

private:
    void iterate();
    void finish();
    double test_loss();

    const Experiment* experiment_;
    LrFinderOptions options_;
    RunConfig settings_;
    Run run_;
    std::vector<double> lrs_;
    DebiasedEma ema_;
    Workspace eval_ws_;
    double best_ = 0.0;
    std::int64_t iter_ = 0;
    bool done_ = false;
    LrFinderResult result_;
};

// The suggestion JSON of the contract: {"suggestions": {"steepest", "minimum", "valley"},
// "stopped_early", "stop_iter", "note"}.
nlohmann::json suggestion_json(const LrFinderResult& r);

}  // namespace lrlab
