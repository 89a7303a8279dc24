// The last training steps before a run diverged, kept beside the evaluation rows (which, and
// the CSV contract, stay as they are). A run that blows up between two evaluations — the
// lr-too-high lesson's sgd 0.05 diverges at step 6, its first evaluation after step 0 is at 10
// — has no finite loss in its rows after step 0, so without these samples a chart can show
// neither the growth nor where it ended. What is kept is what the step computed anyway: the
// loss of its batch (data loss + L1/L2 penalty, with the weights before the update) and the
// gradient norm before clipping.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace lrlab
{

struct StepSample
{
    std::int64_t step = 0;   // steps done before this one: the loss is at row `step`'s weights
    double batch_loss = 0.0;
    double grad_norm = 0.0;  // of this step's gradient, before clipping
};

// A ring of the last `capacity` steps; fixed storage, so recording never allocates (a training
// step must not). A run stops stepping once diverged, so the ring then holds the steps that led
// up to it.
class RecentSteps
{
public:
    static constexpr std::size_t capacity = 64;

    void clear() { next_ = count_ = 0; }
    void record(std::int64_t step, double batch_loss, double grad_norm)
    {
        ring_[next_] = {step, batch_loss, grad_norm};
        next_ = (next_ + 1) % capacity;
        count_ = count_ < capacity ? count_ + 1 : capacity;
    }
    std::size_t size() const { return count_; }
    // Oldest first: i = 0 is the earliest step kept.
    const StepSample& operator[](std::size_t i) const
    {
        return ring_[(next_ + capacity - count_ + i) % capacity];
    }

private:
    std::array<StepSample, capacity> ring_{};
    std::size_t next_ = 0, count_ = 0;
};

}  // namespace lrlab
