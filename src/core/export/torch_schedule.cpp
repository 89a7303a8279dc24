// make_scheduler(optimizer) of an exported script: one torch scheduler per schedule (children
// of a sequential first, in order, as schedules/sequential.cpp builds them), every key written
// out (lrlab's defaults depend on train.steps; torch's differ or are required), each with a
// comment naming its key. Where torch 1.13 would raise or compute something else than lrlab,
// the key is refused (an error naming it), never silently dropped.
#include "core/export/torch_schedule.hpp"

#include <algorithm>
#include <limits>

#include "core/export/python_text.hpp"
#include "core/schedules/descriptor.hpp"

namespace lrlab
{
namespace
{

using config_detail::join;
using config_detail::Kind;

struct Builder
{
    const OptimizerDescriptor& opt;
    std::vector<ConfigError>& errors;
    TorchScheduler out;
};

std::string torch_argument(const ScheduleDescriptor& d, const std::string& key)
{
    for (const auto& [from, to] : d.torch_renamed)
        if (from == key)
            return to;
    return key;
}

// cycle_momentum as torch 1.13 takes it (the validator refuses it for optimizers with neither
// momentum nor betas). CyclicLR 1.13 cycles only group['momentum'].
py::Argument cycle_momentum_argument(Builder& b, const ScheduleConfig& s, const std::string& path,
                                     const std::string& doc)
{
    const std::string key = join(path, "cycle_momentum");
    if (!s.cycle_momentum)
        return {"cycle_momentum", "False", key + ": " + doc};
    if (s.type == "cyclic" && b.opt.momentum == MomentumSlot::beta1)
        b.errors.push_back({key, "PyTorch 1.13's CyclicLR cycles only an optimizer's "
                                 "'momentum', not " + std::string(b.opt.type) + "'s betas[0] "
                                 "(lrlab does, as torch >= 2.0); set it to false or use sgd "
                                 "or rmsprop"});
    b.out.cycles_momentum = true;
    return {"cycle_momentum", "True", key + ": " + doc};
}

// OneCycleLR divides by each phase's length: torch raises where one is 0 (lrlab takes the end
// of that phase). Returns total_steps, the rows it defines as lrlab does.
std::int64_t check_one_cycle(Builder& b, const ScheduleConfig& s, const std::string& path)
{
    const double total = static_cast<double>(std::max<std::int64_t>(1, s.total_steps));
    std::vector<double> ends{s.pct_start * total - 1.0};
    if (s.three_phase)
        ends.push_back(2.0 * s.pct_start * total - 2.0);
    ends.push_back(total - 1.0);
    double start = 0.0;
    for (const double end : ends)
    {
        if (end - start == 0.0)
            b.errors.push_back({join(path, "pct_start"),
                                "gives a phase of length 0 with total_steps " +
                                    std::to_string(s.total_steps) +
                                    ", where PyTorch's OneCycleLR divides by zero"});
        start = end;
    }
    return std::max<std::int64_t>(1, s.total_steps);
}

std::string constructor(Builder& b, const ScheduleConfig& s, const std::string& path,
                        const std::string& children);

// A sequential's children as variables, in order; returns "[schedule_0, ...]". A child that
// is restarted at a milestone gets step(0), torch's closed form, which divides by total_iters.
std::string children(Builder& b, const ScheduleConfig& s, const std::string& path)
{
    std::string list = "[";
    for (std::size_t i = 0; i < s.schedules.size(); ++i)
    {
        const ScheduleConfig& child = s.schedules[i];
        const std::string child_path = config_detail::index_path(join(path, "schedules"), i);
        const bool closed_form_divides = child.type == "linear" || child.type == "polynomial";
        if (i > 0 && closed_form_divides && child.total_iters == 0)
            b.errors.push_back({join(child_path, "total_iters"),
                                "must be > 0 after a milestone: PyTorch restarts the schedule "
                                "there with its closed form, which divides by total_iters"});
        const std::string name = "schedule_" + std::to_string(i);
        b.out.body += "    # " + child_path + ": from step " +
                      (i == 0 ? std::string("0") : std::to_string(s.milestones[i - 1])) + "\n";
        b.out.body += "    " + name + " = " + constructor(b, child, child_path, "").substr(4);
        list += (i ? ", " : "") + name;
        if (child.type == "one_cycle")
        {
            // Past total_steps lrlab holds the LR; the script can hold only the last child.
            const std::int64_t start = i == 0 ? 0 : s.milestones[i - 1];
            const std::int64_t end = i + 1 < s.schedules.size()
                                         ? s.milestones[i]
                                         : std::numeric_limits<std::int64_t>::max();
            const std::int64_t rows = check_one_cycle(b, child, child_path);
            if (end - start > rows && i + 1 < s.schedules.size())
                b.errors.push_back({join(child_path, "total_steps"),
                                    "must be at least the " + std::to_string(end - start) +
                                        " steps to the next milestone: PyTorch's OneCycleLR "
                                        "raises after total_steps (lrlab holds the last LR)"});
            else if (end - start > rows)
                b.out.hold_from = start + rows;
        }
    }
    return list + "]";
}

std::vector<py::Argument> arguments(Builder& b, const ScheduleDescriptor& d,
                                    const ScheduleConfig& s, const std::string& path,
                                    const std::string& children_list)
{
    std::vector<py::Argument> args{{"", "optimizer", ""}};
    if (d.torch_lambda)
    {
        args.push_back({"lr_lambda", d.torch_lambda(s), path + ": " + d.doc});
        return args;
    }
    for (const ScheduleKey& k : d.keys)
    {
        const std::string key = join(path, k.name);
        if (k.kind == Kind::schedules)
            args.push_back({torch_argument(d, k.name), children_list, key});
        else if (std::string(k.name) == "cycle_momentum")
            args.push_back(cycle_momentum_argument(b, s, path, k.doc));
        else
            args.push_back({torch_argument(d, k.name), py::literal(k.kind, k.field.get(s)),
                            key + ": " + k.doc});
    }
    return args;
}

// `    torch_class(\n        optimizer,\n        key=value,  # path.key: doc\n    )\n`
std::string constructor(Builder& b, const ScheduleConfig& s, const std::string& path,
                        const std::string& children_list)
{
    const ScheduleDescriptor* d = find_schedule_descriptor(s.type);
    if (!d)
    {
        b.errors.push_back({join(path, "type"), "unknown schedule type \"" + s.type + "\""});
        return "";
    }
    if (d->torch_source &&
        std::find(b.out.sources.begin(), b.out.sources.end(), d->torch_source) ==
            b.out.sources.end())
        b.out.sources.push_back(d->torch_source);
    const std::string math = d->torch_math ? d->torch_math : "";
    b.out.lrlab_cos = b.out.lrlab_cos || math == "cos";
    b.out.lrlab_pow = b.out.lrlab_pow || math == "pow";
    b.out.plateau = b.out.plateau || d->observes_metric;
    return py::call(d->torch_class, arguments(b, *d, s, path, children_list), 4);
}

}  // namespace

TorchScheduler torch_scheduler(const ScheduleConfig& s, const OptimizerDescriptor& opt,
                               const std::string& path, std::vector<ConfigError>& errors)
{
    Builder b{opt, errors, {}};
    const std::string list = s.type == "sequential" ? children(b, s, path) : "";
    if (s.type == "one_cycle")
        b.out.hold_from = check_one_cycle(b, s, path);
    b.out.body += "    # " + path + "\n";
    if (s.type == "sequential")
        b.out.body += "    # SequentialLR (1.13) restarts a schedule with step(0), which warns "
                      "that the epoch\n    # argument is deprecated: that is torch's own call.\n"
                      "    warnings.filterwarnings('ignore', 'The epoch parameter')\n";
    b.out.body += "    return " + constructor(b, s, path, list).substr(4);
    return b.out;
}

}  // namespace lrlab
