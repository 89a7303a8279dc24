// TensorFlow Playground's input features. Products are float32 products of the float32 raw
// coordinates; sin is detmath::sin on the coordinate widened to double, rounded once to float
// (exact widening, < 1 ulp kernel, so the float result is correctly rounded or next to it, and
// the same on every platform).
#include "core/data/features.hpp"

#include "core/math/detmath.hpp"

namespace lrlab
{
namespace
{
enum class Feature
{
    x1,
    x2,
    x1_sq,
    x2_sq,
    x1_x2,
    sin_x1,
    sin_x2,
    unknown
};

struct Entry
{
    FeatureInfo info;
    Feature id;
};

const std::vector<Entry>& entries()
{
    static const std::vector<Entry> table = {
        {{"x1", "x1"}, Feature::x1},
        {{"x2", "x2"}, Feature::x2},
        {{"x1_sq", "x1\u00b2"}, Feature::x1_sq},
        {{"x2_sq", "x2\u00b2"}, Feature::x2_sq},
        {{"x1_x2", "x1\u00b7x2"}, Feature::x1_x2},
        {{"sin_x1", "sin(x1)"}, Feature::sin_x1},
        {{"sin_x2", "sin(x2)"}, Feature::sin_x2},
    };
    return table;
}

Feature find(const std::string& name)
{
    for (const Entry& e : entries())
        if (name == e.info.name)
            return e.id;
    return Feature::unknown;
}

float feature_value(Feature f, float x1, float x2)
{
    switch (f)
    {
    case Feature::x1: return x1;
    case Feature::x2: return x2;
    case Feature::x1_sq: return x1 * x1;
    case Feature::x2_sq: return x2 * x2;
    case Feature::x1_x2: return x1 * x2;
    case Feature::sin_x1: return static_cast<float>(detmath::sin(static_cast<double>(x1)));
    case Feature::sin_x2: return static_cast<float>(detmath::sin(static_cast<double>(x2)));
    case Feature::unknown: break;
    }
    return 0.0f;  // unknown names are rejected by config validation
}
}  // namespace

const std::vector<FeatureInfo>& feature_registry()
{
    static const std::vector<FeatureInfo> infos = []
    {
        std::vector<FeatureInfo> v;
        for (const Entry& e : entries())
            v.push_back(e.info);
        return v;
    }();
    return infos;
}

bool is_feature(const std::string& name)
{
    return find(name) != Feature::unknown;
}

void apply_features_into(const Tensor& raw, const std::vector<std::string>& features, Tensor& out)
{
    const std::size_t n = raw.shape(0);
    if (raw.shape(1) != 2)  // digits8x8: its pixels are the inputs
    {
        if (out.shape() != raw.shape())
            out = Tensor::from_shape(raw.shape());
        out = raw;
        return;
    }
    const std::size_t nf = features.size();
    if (out.shape(0) != n || out.shape(1) != nf)
        out = Tensor::from_shape({n, nf});
    std::vector<Feature> ids;
    ids.reserve(nf);
    for (const std::string& name : features)
        ids.push_back(find(name));
    for (std::size_t r = 0; r < n; ++r)
    {
        const float x1 = raw(r, 0);
        const float x2 = raw(r, 1);
        for (std::size_t j = 0; j < nf; ++j)
            out(r, j) = feature_value(ids[j], x1, x2);
    }
}

int input_dims(const DataConfig& c)
{
    const DatasetInfo* info = find_dataset(c.dataset);
    if (c.dataset == "points" && !c.points.empty() && c.points[0].size() != 3)
        return static_cast<int>(c.points[0].size()) - 1;  // points take features at 2 inputs
    if (info != nullptr && info->raw_dims > 0 && info->raw_dims != 2)
        return info->raw_dims;
    return static_cast<int>(c.features.size());
}

}  // namespace lrlab
