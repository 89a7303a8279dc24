// The work and memory budget (core/config/budget.hpp).
#include "core/config/budget.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <string>

#include "core/data/datasets.hpp"
#include "core/data/points.hpp"

namespace lrlab
{

namespace
{

// sizeof(MetricsRow) (train/metrics.hpp; the config layer sits below train, so it is restated
// here and checked by a test).
constexpr double bytes_per_row = 96.0;
constexpr double eval_chunk = 256.0;  // rows per forward call when evaluating (train/run.cpp)

// 1234567 -> "1,234,567": row counts are read by people.
std::string grouped(std::int64_t v)
{
    std::string digits = std::to_string(v);
    for (int at = int(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(std::size_t(at), ",");
    return digits;
}

std::string approx(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

std::string mib(double bytes)
{
    const double gib = double(1 << 30);
    return bytes >= gib ? approx(bytes / gib) + " GiB" : approx(bytes / double(1 << 20)) + " MiB";
}

// Inputs and output units of the config's data: a 2-D set (built-in or points with two
// inputs) feeds its features, others their raw dimensions; multiclass has one output per class.
void data_shape(const Config& c, double& inputs, double& outputs)
{
    const DatasetInfo* info = find_dataset(c.data.dataset);
    if (info && info->raw_dims == 0)  // points: the table says
    {
        PointsSummary summary;
        std::vector<PointsIssue> issues;
        const bool ok = check_points(c.data.points, c.data.task, summary, issues);
        inputs = !ok ? 1.0 : summary.inputs == 2 ? double(c.data.features.size())
                                                 : double(summary.inputs);
        outputs = ok && summary.task == TaskKind::multiclass ? summary.classes : 1.0;
        return;
    }
    const bool two_d = !info || info->raw_dims == 2;
    inputs = double(two_d ? c.data.features.size() : info->raw_dims);
    const bool multiclass = info && info->task == TaskKind::multiclass;
    outputs = multiclass ? (info->raw_dims == 64 ? 10 : std::clamp(c.data.classes, 2, 8)) : 1;
}

// Points the data holds (train and test): the rows of a points table, else data.samples.
double sample_count(const Config& c)
{
    const DatasetInfo* info = find_dataset(c.data.dataset);
    return info && info->raw_dims == 0 ? double(points_rows(c.data)) : double(c.data.samples);
}

// The model's layer sizes: the data's inputs, the hidden widths and the outputs.
std::vector<double> layer_sizes(const Config& c)
{
    double inputs = 0, outputs = 0;
    data_shape(c, inputs, outputs);
    std::vector<double> sizes{inputs};
    for (int h : c.model.hidden)
        sizes.push_back(h);
    sizes.push_back(outputs);
    return sizes;
}

// A run's largest batch size (its own, or one a change sets) and how many of its changes
// rebuild the schedule table.
void scan_run(const RunConfig& r, double& batch, std::int64_t& rebuilds)
{
    batch = r.train.batch_size;
    rebuilds = 0;
    for (const Change& ch : r.changes)
    {
        if (ch.path == "train.batch_size" && ch.value.is_number())
            batch = std::max(batch, ch.value.get<double>());
        if (ch.path.rfind("schedule.", 0) == 0 || ch.path == "optimizer.lr")
            ++rebuilds;
    }
}

// The memory parts, largest named by its key.
struct MemoryParts
{
    double history = 0, tables = 0, workspaces = 0, params = 0, data = 0;
    double total() const { return history + tables + workspaces + params + data; }
    const char* key() const
    {
        const double top = std::max({history, tables, workspaces, params, data});
        return top == history      ? "train.eval_every"
               : top == tables     ? "train.steps"
               : top == workspaces ? "train.batch_size"
               : top == params     ? "model.hidden"
                                   : "data.samples";
    }
};

MemoryParts memory_parts(const Config& c)
{
    const std::vector<double> sizes = layer_sizes(c);
    double params = 0, widths = 0;
    for (std::size_t l = 0; l + 1 < sizes.size(); ++l)
    {
        params += sizes[l] * sizes[l + 1] + sizes[l + 1];
        widths += sizes[l + 1];
    }
    const double n = sample_count(c), steps = double(c.train.steps);
    const double evals = double(evaluation_count(c.train.steps, c.train.eval_every));
    MemoryParts m;
    m.data = n * (sizes.front() + 3.0) * 4.0 * 2.0;  // raw points and model inputs
    for (const RunConfig& r : c.runs)
    {
        double batch = 0;
        std::int64_t rebuilds = 0;
        scan_run(r, batch, rebuilds);
        m.history += evals * bytes_per_row;
        m.tables += (steps + 1.0) * 16.0;  // LR and momentum, doubles
        // z, delta and activations per layer for a batch and an evaluation chunk
        m.workspaces += (batch + std::min(eval_chunk, n)) * widths * 3.0 * 4.0 + 2.0 * params * 4.0;
        m.params += params * 4.0 * 6.0;  // weights, gradients, initial and optimizer state
    }
    return m;
}

double parameter_count(const Config& c)
{
    const std::vector<double> sizes = layer_sizes(c);
    double p = 0;
    for (std::size_t l = 0; l + 1 < sizes.size(); ++l)
        p += sizes[l] * sizes[l + 1] + sizes[l + 1];
    return p;
}

void push(std::vector<ConfigError>& errors, const std::string& path, const std::string& what,
          const std::string& limit, const Budget& b, const std::string& advice)
{
    const std::string where = std::string(b.who) == "lrlab" ? "" : std::string(" in ") + b.who;
    errors.push_back({path, what + "; the limit" + where + " is " + limit + " (" + advice + ")"});
}

}  // namespace

const Budget& cli_budget()
{
    // No bound of its own on one step: the total work bounds it (a step is a part of it).
    static const Budget b{"lrlab", limits::max_history_rows, 2e11, 200000000, 4.0 * (1 << 30),
                          std::numeric_limits<double>::infinity()};
    return b;
}

const Budget& page_budget()
{
    // History and total work are the CLI's (README: the history bound is the same; the page
    // plays in frames, so a long config never freezes it); LR tables and memory are lower (a tab
    // has at most 2 GiB of wasm), and one step of every run must fit a frame or so.
    static const Budget b{"the page", limits::max_history_rows, 2e11, 20000000,
                          512.0 * (1 << 20), 1e8};
    return b;
}

std::int64_t evaluation_count(std::int64_t steps, std::int64_t eval_every)
{
    if (steps <= 0 || eval_every <= 0)
        return 1;
    return steps / eval_every + 1 + (steps % eval_every != 0 ? 1 : 0);
}

Footprint footprint(const Config& c)
{
    Footprint f;
    const double p = parameter_count(c);
    const std::int64_t evals = evaluation_count(c.train.steps, c.train.eval_every);
    for (const RunConfig& r : c.runs)
    {
        double batch = 0;
        std::int64_t rebuilds = 0;
        scan_run(r, batch, rebuilds);
        f.history_rows += evals;
        f.work += p * (3.0 * double(c.train.steps) * batch + double(evals) * sample_count(c));
        f.schedule_rows += (1 + rebuilds) * (c.train.steps + 1);
        f.step_work += p * (3.0 * batch + sample_count(c));
    }
    f.memory_bytes = memory_parts(c).total();
    return f;
}

std::int64_t schedule_rows_of(const nlohmann::json& config, std::int64_t steps)
{
    const auto runs = config.find("runs");
    if (runs == config.end() || !runs->is_array())
        return steps + 1;
    std::int64_t rows = 0;
    for (const nlohmann::json& run : *runs)
    {
        std::int64_t rebuilds = 0;
        const auto changes = run.is_object() ? run.find("changes") : run.end();
        if (run.is_object() && changes != run.end() && changes->is_array())
            for (const nlohmann::json& ch : *changes)
            {
                const auto path = ch.is_object() ? ch.find("path") : ch.end();
                if (ch.is_object() && path != ch.end() && path->is_string())
                {
                    const std::string& p = path->get_ref<const std::string&>();
                    rebuilds += p.rfind("schedule.", 0) == 0 || p == "optimizer.lr" ? 1 : 0;
                }
            }
        rows += (1 + rebuilds) * (steps + 1);
    }
    return rows;
}

void check_history_budget(const Config& c, std::vector<ConfigError>& errors, const Budget& b)
{
    const std::int64_t runs = std::int64_t(c.runs.size());
    const std::int64_t steps = c.train.steps;
    if (runs == 0 || steps <= 0 || c.train.eval_every <= 0)
        return;
    const std::int64_t rows = runs * evaluation_count(steps, c.train.eval_every);
    if (rows <= b.max_history_rows)
        return;
    // The smallest eval_every whose rows fit: evaluation_count falls as eval_every grows.
    std::int64_t lo = c.train.eval_every, hi = steps;
    while (lo < hi)
    {
        const std::int64_t mid = lo + (hi - lo) / 2;
        if (runs * evaluation_count(steps, mid) <= b.max_history_rows)
            hi = mid;
        else
            lo = mid + 1;
    }
    const std::string held = grouped(runs) + (runs == 1 ? " run × " : " runs × ") +
                             grouped(evaluation_count(steps, c.train.eval_every));
    push(errors, "train.eval_every",
         "the history would hold " + held + " evaluations = " + grouped(rows) + " rows",
         grouped(b.max_history_rows), b,
         "raise train.eval_every to at least " + grouped(lo) + " or lower train.steps");
}

void check_budget(const Config& c, const Budget& b, std::vector<ConfigError>& errors)
{
    if (c.runs.empty() || c.train.steps <= 0 || c.train.eval_every <= 0)
        return;
    check_history_budget(c, errors, b);
    const Footprint f = footprint(c);
    if (f.work > b.max_work)
        push(errors, "train.steps",
             "training and evaluating would take about " + approx(f.work) +
                 " multiply-adds (runs × parameters × (3 × steps × batch_size + evaluations × "
                 "samples))",
             approx(b.max_work), b,
             "lower train.steps, a batch_size, model.hidden, data.samples or the number of runs");
    if (f.schedule_rows > b.max_schedule_rows)
    {
        std::string path = "train.steps";
        std::int64_t most = 0;
        for (std::size_t i = 0; i < c.runs.size(); ++i)
        {
            double batch = 0;
            std::int64_t rebuilds = 0;
            scan_run(c.runs[i], batch, rebuilds);
            if (rebuilds > most)
            {
                most = rebuilds;
                path = "runs[" + std::to_string(i) + "].changes";
            }
        }
        push(errors, path,
             "the LR tables would hold " + grouped(f.schedule_rows) +
                 " rows (runs × (1 + changes of a schedule key or optimizer.lr) × (steps + 1))",
             grouped(b.max_schedule_rows), b,
             "fewer such changes, fewer runs or lower train.steps");
    }
    if (f.step_work > b.max_step_work)
        push(errors, "train.batch_size",
             "one step of every run and an evaluation would take about " + approx(f.step_work) +
                 " multiply-adds (runs × parameters × (3 × batch_size + samples))",
             approx(b.max_step_work), b,
             "lower a batch_size, model.hidden, data.samples or the number of runs");
    const MemoryParts m = memory_parts(c);
    if (m.total() > b.max_memory_bytes)
        push(errors, m.key(), "the runs would need about " + mib(m.total()) + " of memory",
             mib(b.max_memory_bytes), b,
             "history " + mib(m.history) + ", LR tables " + mib(m.tables) + ", workspaces " +
                 mib(m.workspaces) + ", weights and state " + mib(m.params) + ", data " +
                 mib(m.data));
}

}  // namespace lrlab
