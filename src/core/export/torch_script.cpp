// Assembles an exported script: header, constants, definitions torch lacks, make_optimizer,
// make_scheduler, clip_gradients, the placeholder model and the training loop, print_lrs (the
// bytes of `lrlab schedule`) and main.
#include "core/export/torch_script.hpp"

#include <nlohmann/json.hpp>

#include "core/export/python_text.hpp"
#include "core/export/torch_math.hpp"
#include "core/export/torch_parts.hpp"
#include "core/optim/descriptor.hpp"

namespace lrlab
{
namespace
{

std::string header(const Config& c, std::size_t run)
{
    const std::string name = nlohmann::json(c.runs[run].name).dump();
    return "#!/usr/bin/env python3\n"
           "\"\"\"The lrlab run " + name + " as PyTorch code (written by `lrlab export-torch`).\n"
           "\n"
           "Its optimizer, schedule and clipping, key for key (each comment names the key), in "
           "the order of\nlrlab's training step: loss -> backward() -> clip -> optimizer.step() "
           "-> scheduler.step().\nNeeds PyTorch 1.13 or later. Put your model and data in place "
           "of the placeholders.\n"
           "\n"
           "    python3 SCRIPT --print-lrs N [--momentum]  step,lr for steps 0..N-1, the bytes "
           "of `lrlab schedule`\n"
           "    python3 SCRIPT [--steps N]                 trains the placeholder model on "
           "random data\n"
           "\"\"\"\n"
           "import argparse\nimport math\nimport struct\nimport warnings\n\n"
           "import torch\nfrom torch.optim import lr_scheduler\n\n";
}

std::string constants(const Config& c, std::size_t run, const TorchScheduler& s)
{
    const std::string r = "runs[" + std::to_string(run) + "]";
    std::string out;
    out += "STEPS = " + std::to_string(c.train.steps) + "  # train.steps\n";
    out += "BATCH_SIZE = " + std::to_string(c.runs[run].train.batch_size) + "  # " + r +
           ".train.batch_size\n";
    out += "EVAL_EVERY = " + std::to_string(c.train.eval_every) +
           "  # train.eval_every: lrlab evaluates every EVAL_EVERY steps\n";
    out += std::string("CYCLES_MOMENTUM = ") + (s.cycles_momentum ? "True" : "False") + "  # " +
           r + ".schedule drives the optimizer's momentum (or betas[0])\n";
    out += "HOLD_FROM = " + (s.hold_from >= 0 ? std::to_string(s.hold_from) : "math.inf") +
           "  # rows from which lrlab holds the LR (one_cycle after total_steps)\n";
    return out;
}

const char* const print_lrs_head = R"py(def lrlab_float(v):
    """v as lrlab prints a double: the shortest %.Ng that reads back as v (integers in full)."""
    v = float(v)
    if v != v:
        return 'nan'
    if math.isinf(v):
        return 'inf' if v > 0 else '-inf'
    digits = 1
    while digits < 17 and float('%.*g' % (digits, v)) != v:
        digits += 1
    integral, a = 1, abs(v)
    while a >= 10.0:
        a /= 10.0
        integral += 1
    return '%.*g' % (integral if digits < integral <= 17 else digits, v)


def print_lrs(n, momentum=False, out=None):
    """step,lr for steps 0..n-1 as `lrlab schedule` prints them, to the file `out` (None: standard
    output): row k is the LR of optimizer step k, after k scheduler steps (and the momentum,
    when the schedule cycles it)."""
)py";

std::string print_lrs(const TorchScheduler& s)
{
    std::string out = print_lrs_head;
    if (s.lrlab_cos)
        out += "    saved_math, lr_scheduler.math = lr_scheduler.math, _LrlabMath()\n";
    out += "    params = [torch.zeros(1, requires_grad=True)]  # no gradient: step() leaves it\n";
    out += "    optimizer = make_optimizer(params)\n";
    if (s.lrlab_pow)
        out += "    lr_scheduler._LRScheduler._initial_step = _initial_step_with_lrlab_pow\n";
    out += "    scheduler = make_scheduler(optimizer)\n";
    if (s.lrlab_pow)
        out += "    lr_scheduler._LRScheduler._initial_step = _TORCH_INITIAL_STEP\n";
    out += "    group = optimizer.param_groups[0]\n";
    out += "    momentum = momentum and CYCLES_MOMENTUM\n";
    out += "    rows = ['step,lr,momentum' if momentum else 'step,lr']\n";
    out += "    for k in range(n):\n";
    out += "        row = '%d,%s' % (k, lrlab_float(group['lr']))\n";
    out += "        if momentum:\n";
    out += "            row += ',' + lrlab_float(group['betas'][0] if 'betas' in group "
           "else group['momentum'])\n";
    out += "        rows.append(row)\n";
    out += "        optimizer.step()\n";
    if (s.plateau)
        out += "        # reduce_on_plateau needs a metric: the base LR throughout\n";
    else
        out += "        if k + 1 < HOLD_FROM:\n            scheduler.step()\n";
    if (s.lrlab_cos)
        out += "    lr_scheduler.math = saved_math\n";
    return out + "    print('\\n'.join(rows), file=out)\n";
}

const char* const main_source = R"py(def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--print-lrs', type=int, metavar='N',
                        help='print step,lr for steps 0..N-1 (as `lrlab schedule`) and exit')
    parser.add_argument('--momentum', action='store_true',
                        help='with --print-lrs: add the momentum the schedule cycles')
    parser.add_argument('--steps', type=int, default=STEPS, help='training steps')
    args = parser.parse_args()
    if args.print_lrs is not None:
        if args.print_lrs < 1:
            parser.error('--print-lrs: must be >= 1')
        print_lrs(args.print_lrs, args.momentum)
        return
    torch.manual_seed(1)
    model = make_model()
    x_test, y_test = placeholder_data(256)

    def batches():
        while True:
            yield placeholder_data(BATCH_SIZE)

    def evaluate(m):
        with torch.no_grad():
            return data_loss(m(x_test), y_test).item()
    train(model, batches(), evaluate, args.steps)
    print('test loss after %d steps: %.6g' % (args.steps, evaluate(model)))


if __name__ == '__main__':
    main()
)py";

std::string scheduler_function(const TorchScheduler& s, const ScheduleConfig& c,
                               const std::string& path)
{
    const std::string doc = s.plateau ? ": call scheduler.step(val_loss) after each evaluation"
                                      : ": call scheduler.step() after each optimizer.step()";
    return "def make_scheduler(optimizer):\n    \"\"\"" + path + " (" + c.type + ")" + doc +
           ".\"\"\"\n" + s.body;
}

}  // namespace

TorchScript torch_script(const Config& c, std::size_t run)
{
    TorchScript t;
    const RunConfig& r = c.runs[run];
    const std::string path = "runs[" + std::to_string(run) + "]";
    if (!r.changes.empty())
        t.errors.push_back({path + ".changes",
                            "changes made while training have no PyTorch form here; export the "
                            "run without them"});
    const OptimizerDescriptor* opt = find_optimizer_descriptor(r.optimizer.type);
    std::vector<std::string> sources;
    const std::string optimizer =
        torch_parts::make_optimizer(r.optimizer, path + ".optimizer", sources, t.errors);
    if (!opt)
        return t;
    const TorchScheduler s = torch_scheduler(r.schedule, *opt, path + ".schedule", t.errors);
    for (const std::string& src : s.sources)
        sources.push_back(src);
    const std::string clip = torch_parts::clip_gradients(r.clip, path + ".clip", sources, t.errors);
    if (!t.ok())
        return t;
    std::string& out = t.text;
    out = header(c, run) + constants(c, run, s) + "\n\n";
    for (const std::string& src : sources)
        out += std::string(src) + "\n\n";
    out += optimizer + "\n\n" + scheduler_function(s, r.schedule, path + ".schedule") + "\n\n" +
           clip + "\n\n" + torch_parts::model_and_data(c, run) + "\n\n" +
           torch_parts::training_loop(c, run, s) + "\n\n" + print_lrs(s) + "\n\n";
    if (s.lrlab_cos || s.lrlab_pow)
        out += std::string(torch_lrlab_math_source()).substr(1) + "\n\n";
    out += main_source;
    return t;
}

}  // namespace lrlab
