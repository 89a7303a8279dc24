// The optimizer alias table (Optax's alias.py): each type is a fixed chain
//   clip -> coupled weight decay | decoupled weight decay -> update rule.
// The chain's shape depends only on the type, so a run whose hyperparameters change mid-way
// (including weight_decay to or from 0, or the clip type) keeps its state layout.
#include "core/optim/optimizers.hpp"

namespace lrlab
{
namespace
{

using RuleFactory = GradientTransform (*)(const OptimizerConfig&);

struct OptimizerEntry
{
    OptimizerInfo info;
    RuleFactory rule;
    bool decoupled_decay;  // torch AdamW and Lion: p *= 1 - lr * wd; the others: g += wd * p
};

const std::vector<OptimizerEntry>& entries()
{
    static const std::vector<OptimizerEntry> table = {
        {{"sgd", "SGD", true, false}, sgd_rule, false},
        {{"adagrad", "Adagrad", false, false}, adagrad_rule, false},
        {{"rmsprop", "RMSprop", true, false}, rmsprop_rule, false},
        {{"adadelta", "Adadelta", false, false}, adadelta_rule, false},
        {{"adam", "Adam", false, true}, adam_rule, false},
        {{"adamw", "AdamW", false, true}, adam_rule, true},
        {{"adamax", "Adamax", false, true}, adamax_rule, false},
        {{"nadam", "NAdam", false, true}, nadam_rule, false},
        {{"radam", "RAdam", false, true}, radam_rule, false},
        {{"lion", "Lion", false, true}, lion_rule, true},
    };
    return table;
}

const OptimizerEntry* find_entry(const std::string& type)
{
    for (const OptimizerEntry& e : entries())
        if (type == e.info.type)
            return &e;
    return nullptr;
}

}  // namespace

const std::vector<OptimizerInfo>& optimizer_registry()
{
    static const std::vector<OptimizerInfo> infos = []
    {
        std::vector<OptimizerInfo> out;
        for (const OptimizerEntry& e : entries())
            out.push_back(e.info);
        return out;
    }();
    return infos;
}

const OptimizerInfo* find_optimizer(const std::string& type)
{
    for (const OptimizerInfo& info : optimizer_registry())
        if (type == info.type)
            return &info;
    return nullptr;
}

Optimizer make_optimizer(const OptimizerConfig& opt, const ClipConfig& clip)
{
    Optimizer o;
    o.chain.push_back(make_clip(clip));
    const OptimizerEntry* e = find_entry(opt.type);
    if (!e)
        return o;  // an invalid config (the validator rejects it): clip only, params unchanged
    o.chain.push_back(e->decoupled_decay ? add_decoupled_weight_decay(opt.weight_decay)
                                         : add_coupled_weight_decay(opt.weight_decay));
    o.chain.push_back(e->rule(opt));
    return o;
}

}  // namespace lrlab
