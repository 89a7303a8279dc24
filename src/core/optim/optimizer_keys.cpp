// Keys shared by several optimizer types (optim/optimizer_keys.hpp).
#include "core/optim/optimizer_keys.hpp"

namespace lrlab::optimizer_keys
{

using namespace config_detail;
using O = OptimizerConfig;

namespace
{
OptimizerKey weight_decay(double d, const char* doc)
{
    return key<O>("weight_decay", Kind::number, LRLAB_FIELD(O, weight_decay), d, at_least(0),
                  doc);
}
}  // namespace

OptimizerKey lr(double d)
{
    return key<O>("lr", Kind::number, LRLAB_FIELD(O, lr), d, above(0), "learning rate").log();
}

OptimizerKey eps(double d)
{
    return key<O>("eps", Kind::number, LRLAB_FIELD(O, eps), d, above(0),
                  "added to the denominator for numerical stability")
        .log();
}

OptimizerKey betas(double b1, double b2)
{
    return key<O>("betas", Kind::pair, LRLAB_FIELD(O, betas), json::array({b1, b2}),
                  right_open(0, 1), "decay rates of the first and second moment averages");
}

OptimizerKey momentum()
{
    return key<O>("momentum", Kind::number, LRLAB_FIELD(O, momentum), 0.0, at_least(0),
                  "momentum factor");
}

OptimizerKey amsgrad()
{
    return key<O>("amsgrad", Kind::boolean, LRLAB_FIELD(O, amsgrad), false, any(),
                  "keep the maximum of the second moment (Reddi et al. 2018)");
}

OptimizerKey coupled_weight_decay()
{
    return weight_decay(0.0, "L2 penalty added to the gradient (coupled)");
}

OptimizerKey decoupled_weight_decay(double d)
{
    return weight_decay(d, "decoupled weight decay: p *= 1 - lr * weight_decay");
}

}  // namespace lrlab::optimizer_keys
