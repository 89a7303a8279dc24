#include "core/tuning/folds.hpp"

#include <algorithm>
#include <cmath>

#include "core/math/rng.hpp"

namespace lrlab
{
namespace
{

// Class index of every training row; regression: all 0.
std::vector<std::uint32_t> strata(const TrainingData& data)
{
    const std::size_t n = data.train_y.shape(0);
    std::vector<std::uint32_t> s(n, 0);
    if (data.task == TaskKind::regression)
        return s;
    for (std::size_t i = 0; i < n; ++i)
        s[i] = static_cast<std::uint32_t>(std::lround(data.train_y.data()[i]));
    return s;
}

// Copies rows `rows` of (x, y) into (out_x, out_y).
void gather_rows(const Tensor& x, const Vector& y, const std::vector<std::uint32_t>& rows,
                 Tensor& out_x, Vector& out_y)
{
    const std::size_t inputs = x.shape(1);
    out_x = Tensor::from_shape({rows.size(), inputs});
    out_y = Vector::from_shape({rows.size()});
    for (std::size_t r = 0; r < rows.size(); ++r)
    {
        std::copy_n(x.data() + rows[r] * inputs, inputs, out_x.data() + r * inputs);
        out_y.data()[r] = y.data()[rows[r]];
    }
}

}  // namespace

Folds make_folds(const TrainingData& data, int k, std::uint64_t seed)
{
    const std::vector<std::uint32_t> s = strata(data);
    const std::uint32_t classes = s.empty() ? 0 : *std::max_element(s.begin(), s.end()) + 1;
    Folds folds;
    folds.members.resize(static_cast<std::size_t>(k));
    Rng rng = Rng::stream(seed, Stream::split, 1);
    std::size_t next = 0;  // the fold that gets the next row dealt
    std::vector<std::uint32_t> rows;
    for (std::uint32_t c = 0; c < classes; ++c)
    {
        rows.clear();
        for (std::size_t i = 0; i < s.size(); ++i)
            if (s[i] == c)
                rows.push_back(static_cast<std::uint32_t>(i));
        rng.shuffle(rows.data(), rows.size());
        for (std::uint32_t r : rows)
        {
            folds.members[next].push_back(r);
            next = (next + 1) % folds.members.size();
        }
    }
    for (std::vector<std::uint32_t>& m : folds.members)
        std::sort(m.begin(), m.end());
    return folds;
}

TrainingData fold_data(const TrainingData& data, const Folds& folds, std::size_t f)
{
    std::vector<std::uint32_t> train;
    for (std::size_t g = 0; g < folds.size(); ++g)
        if (g != f)
            train.insert(train.end(), folds.members[g].begin(), folds.members[g].end());
    std::sort(train.begin(), train.end());
    TrainingData out;
    out.task = data.task;
    out.order_seed = data.order_seed;
    gather_rows(data.train_x, data.train_y, train, out.train_x, out.train_y);
    gather_rows(data.train_x, data.train_y, folds.members[f], out.test_x, out.test_y);
    return out;
}

}  // namespace lrlab
