// The dataset registry and make_dataset(): generate with the data and noise streams, then split
// with a shuffled permutation from the split stream. Generated in double, stored as float.
#include "core/data/datasets.hpp"

#include <cmath>
#include <cstdint>
#include <numeric>

#include "core/data/generators.hpp"
#include "core/data/points.hpp"
#include "core/math/rng.hpp"

namespace lrlab
{
namespace
{
struct Entry
{
    DatasetInfo info;
    datagen::Generator generate;
};

const std::vector<Entry>& entries()
{
    static const std::vector<Entry> table = {
        {{"circle", TaskKind::binary, 2, "Circle"}, datagen::circle},
        {{"xor", TaskKind::binary, 2, "Exclusive or"}, datagen::exclusive_or},
        {{"gauss", TaskKind::binary, 2, "Gaussian"}, datagen::gauss},
        {{"spiral", TaskKind::binary, 2, "Spiral"}, datagen::spiral},
        {{"moons", TaskKind::binary, 2, "Moons"}, datagen::moons},
        {{"checkerboard", TaskKind::binary, 2, "Checkerboard"}, datagen::checkerboard},
        {{"blobs", TaskKind::multiclass, 2, "Blobs (k classes)"}, datagen::blobs},
        {{"reg_plane", TaskKind::regression, 2, "Plane (regression)"}, datagen::reg_plane},
        {{"reg_gauss", TaskKind::regression, 2, "Gaussians (regression)"}, datagen::reg_gauss},
        {{"digits8x8", TaskKind::multiclass, 64, "Digits 8\u00d78"}, datagen::digits8x8},
        // Rows of the config (data/points.hpp): task and inputs come from the rows.
        {{"points", TaskKind::binary, 0, "My data (points)"}, nullptr},
    };
    return table;
}

const Entry* find_entry(const std::string& name)
{
    for (const Entry& e : entries())
        if (name == e.info.name)
            return &e;
    return nullptr;
}

int class_count(const DatasetInfo& info, int classes)
{
    if (info.task == TaskKind::regression)
        return 1;
    if (info.task == TaskKind::binary)
        return 2;
    if (info.raw_dims == 64)
        return 10;
    return classes < 2 ? 2 : (classes > 8 ? 8 : classes);
}

// Copies samples perm[from, to) into x: (to - from, dims) and y.
void gather(const datagen::Samples& s, int dims, const std::vector<std::uint32_t>& perm,
            std::size_t from, std::size_t to, Tensor& x, Vector& y)
{
    const std::size_t n = to - from;
    x = Tensor::from_shape({n, static_cast<std::size_t>(dims)});
    y = Vector::from_shape({n});
    for (std::size_t r = 0; r < n; ++r)
    {
        const std::size_t src = perm[from + r];
        for (int d = 0; d < dims; ++d)
            x(r, static_cast<std::size_t>(d)) = static_cast<float>(s.x[src * dims + d]);
        y(r) = static_cast<float>(s.y[src]);
    }
}
}  // namespace

const std::vector<DatasetInfo>& dataset_registry()
{
    static const std::vector<DatasetInfo> infos = []
    {
        std::vector<DatasetInfo> v;
        for (const Entry& e : entries())
            v.push_back(e.info);
        return v;
    }();
    return infos;
}

void datagen::split_into(const Samples& s, int dims, std::uint64_t seed, double train_fraction,
                         Dataset& d)
{
    const std::size_t samples = s.y.size();
    std::vector<std::uint32_t> perm(samples);
    std::iota(perm.begin(), perm.end(), 0u);
    Rng split = Rng::stream(seed, Stream::split);
    split.shuffle(perm.data(), perm.size());

    double fraction = train_fraction;
    if (!(fraction >= 0.0))  // also nan
        fraction = 0.0;
    const double n = static_cast<double>(samples);
    const double wanted = std::floor(n * (fraction > 1.0 ? 1.0 : fraction) + 0.5);
    const std::size_t n_train = static_cast<std::size_t>(
        wanted < 1.0 ? 1.0 : (wanted > n - 1 ? n - 1 : wanted));
    gather(s, dims, perm, 0, n_train, d.train_x, d.train_y);
    gather(s, dims, perm, n_train, perm.size(), d.test_x, d.test_y);
}

const DatasetInfo* find_dataset(const std::string& name)
{
    const Entry* e = find_entry(name);
    return e == nullptr ? nullptr : &e->info;
}

Dataset make_dataset(const DataConfig& c)
{
    // The config is validated upstream; stay safe anyway (no exceptions in core): an unknown
    // name falls back to circle, and sizes are clamped to what the split needs.
    const Entry* e = find_entry(c.dataset);
    if (e != nullptr && e->generate == nullptr)
        return make_points_dataset(c);
    if (e == nullptr)
        e = &entries().front();
    const int samples = c.samples < 2 ? 2 : (c.samples > limits::max_samples ?
                                             limits::max_samples : c.samples);
    const double noise = c.noise < 0.0 ? 0.0 : (c.noise > 1.0 ? 1.0 : c.noise);

    Dataset d;
    d.task = e->info.task;
    d.classes = class_count(e->info, c.classes);
    d.raw_dims = e->info.raw_dims;

    Rng pos = Rng::stream(c.seed, Stream::data);
    Rng noise_rng = Rng::stream(c.seed, Stream::noise);
    const datagen::Samples s = e->generate(samples, noise, d.classes, pos, noise_rng);

    datagen::split_into(s, d.raw_dims, c.seed, c.train_fraction, d);
    return d;
}

}  // namespace lrlab
