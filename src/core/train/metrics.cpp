#include "core/train/metrics.hpp"

namespace lrlab
{

const std::vector<std::string>& metrics_columns()
{
    static const std::vector<std::string> columns = {
        "run",     "step",     "epoch",     "lr",        "train_loss",        "test_loss",
        "train_acc", "test_acc", "grad_norm", "clipped_grad_norm", "diverged"};
    return columns;
}

}  // namespace lrlab
