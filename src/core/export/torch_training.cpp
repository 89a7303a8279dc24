// The placeholder model, its loss and the commented training loop of an exported script, in
// the order of DESIGN.md's training step: loss (data loss + L1/L2 penalty) -> backward ->
// clip -> optimizer.step() (weight decay, update, the scheduled LR) -> scheduler.step().
#include "core/data/datasets.hpp"
#include "core/data/features.hpp"
#include "core/export/python_text.hpp"
#include "core/export/torch_parts.hpp"

namespace lrlab::torch_parts
{
namespace
{

std::string activation(const ModelConfig& m)
{
    if (m.activation == "relu")
        return "torch.nn.ReLU()";
    if (m.activation == "sigmoid")
        return "torch.nn.Sigmoid()";
    if (m.activation == "linear")
        return "torch.nn.Identity()";
    if (m.activation == "leaky_relu")
        return "torch.nn.LeakyReLU(" + py::float_literal(m.leaky_slope) + ")";
    if (m.activation == "gelu")
        return "torch.nn.GELU()";
    return "torch.nn.Tanh()";
}

std::string make_model(const Config& c, int inputs, int outputs)
{
    std::string hidden = "[";
    for (std::size_t i = 0; i < c.model.hidden.size(); ++i)
        hidden += (i ? ", " : "") + std::to_string(c.model.hidden[i]);
    hidden += "]";
    std::string out = "def make_model():\n";
    out += "    \"\"\"A placeholder for your model: lrlab's MLP for this config (model.hidden " +
           hidden + ", " + c.model.activation + ", " + std::to_string(inputs) +
           " inputs). lrlab\n    initialises it with model.init; torch.nn.Linear has its own "
           "default.\"\"\"\n";
    out += "    sizes = [" + std::to_string(inputs) + "] + " + hidden + " + [" +
           std::to_string(outputs) + "]\n";
    out += "    layers = []\n";
    out += "    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):\n";
    out += "        layers.append(torch.nn.Linear(n_in, n_out))\n";
    out += "        if i < len(sizes) - 2:\n";
    out += "            layers.append(" + activation(c.model) + ")  # model.activation\n";
    return out + "    return torch.nn.Sequential(*layers)\n";
}

// The output layer and loss lrlab picks for the task (model/losses.hpp).
std::string data_loss(TaskKind task)
{
    std::string out = "def data_loss(out, y):\n";
    if (task == TaskKind::binary)
        return out + "    \"\"\"Binary: one logit, sigmoid + binary cross-entropy.\"\"\"\n"
                     "    return torch.nn.functional.binary_cross_entropy_with_logits("
                     "out[:, 0], y)\n";
    if (task == TaskKind::multiclass)
        return out + "    \"\"\"Multi-class: softmax + cross-entropy over the logits.\"\"\"\n"
                     "    return torch.nn.functional.cross_entropy(out, y.long())\n";
    return out + "    \"\"\"Regression: one linear output, mean squared error.\"\"\"\n"
                 "    return torch.nn.functional.mse_loss(out[:, 0], y)\n";
}

std::string penalty(const RunTrainConfig& t, const std::string& path)
{
    std::string out = "def penalty(model):\n";
    out += "    \"\"\"" + path + ".l1 * sum |w| + " + path + ".l2 * 0.5 * sum w^2 over the "
           "weights (not the biases),\n    added to the loss (so clipping and the optimizer "
           "see it, unlike weight_decay).\"\"\"\n";
    if (t.l1 == 0.0 && t.l2 == 0.0)
        return out + "    return 0.0  # l1 = l2 = 0\n";
    out += "    weights = [p for name, p in model.named_parameters() if name.endswith('weight')]\n";
    std::string l1 = py::float_literal(t.l1) + " * sum(w.abs().sum() for w in weights)";
    std::string l2 = py::float_literal(t.l2) + " * 0.5 * sum((w * w).sum() for w in weights)";
    if (t.l1 == 0.0)
        return out + "    return " + l2 + "\n";
    if (t.l2 == 0.0)
        return out + "    return " + l1 + "\n";
    return out + "    return (" + l1 + "\n            + " + l2 + ")\n";
}

std::string placeholder_data(TaskKind task, int inputs, int classes)
{
    std::string target = "(x[:, 0] > 0).float()";
    if (task == TaskKind::multiclass)
        target = "torch.randint(0, " + std::to_string(classes) + ", (n,)).float()";
    if (task == TaskKind::regression)
        target = "x.sum(1)";
    std::string out = "def placeholder_data(n):\n";
    out += "    \"\"\"Random inputs and targets of the config's shape: use your own data.\"\"\"\n";
    out += "    x = torch.randn(n, " + std::to_string(inputs) + ")\n";
    return out + "    return x, " + target + "\n";
}

}  // namespace

std::string model_and_data(const Config& c, std::size_t)
{
    const Dataset data = make_dataset(c.data);
    const int inputs = input_dims(c.data);
    const int outputs = data.task == TaskKind::multiclass ? data.classes : 1;
    return make_model(c, inputs, outputs) + "\n\n" + data_loss(data.task) + "\n\n" +
           placeholder_data(data.task, inputs, data.classes);
}

std::string training_loop(const Config& c, std::size_t run, const TorchScheduler& s)
{
    const std::string r = "runs[" + std::to_string(run) + "]";
    std::string out = penalty(c.runs[run].train, r + ".train") + "\n\n";
    out += "def train(model, batches, evaluate, steps=STEPS):\n";
    out += "    \"\"\"lrlab's training step, `steps` times: `batches` yields (x, y) of "
           "BATCH_SIZE (a DataLoader\n    with shuffle=True, drop_last=False); evaluate(model) "
           "returns the test loss.\"\"\"\n";
    out += "    optimizer = make_optimizer(model.parameters())  # " + r + ".optimizer\n";
    out += "    scheduler = make_scheduler(optimizer)  # " + r + ".schedule\n";
    out += "    for step in range(steps):\n";
    out += "        x, y = next(batches)  # the next batch of " + r + ".train.batch_size\n";
    out += "        optimizer.zero_grad()  # forget the last step's gradients\n";
    out += "        loss = data_loss(model(x), y) + penalty(model)  # data loss + L1/L2 penalty\n";
    out += "        loss.backward()  # the gradients\n";
    out += "        clip_gradients(list(model.parameters()))  # " + r + ".clip, before the step\n";
    out += "        optimizer.step()  # weight decay and update with the LR of this step\n";
    if (s.plateau)
    {
        out += "        if (step + 1) % EVAL_EVERY == 0 or step + 1 == steps:  # an evaluation\n";
        out += "            scheduler.step(evaluate(model))  # " + r +
               ".schedule: reduce_on_plateau on the test loss\n";
    }
    else if (s.hold_from >= 0)
    {
        out += "        if step + 1 < HOLD_FROM:  # one_cycle: lrlab holds the LR after "
               "total_steps, torch raises\n";
        out += "            scheduler.step()  # the LR of the next step\n";
    }
    else
    {
        out += "        scheduler.step()  # the LR of the next step\n";
    }
    return out + "    return model\n";
}

}  // namespace lrlab::torch_parts
