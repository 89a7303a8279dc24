// The GPU grid shader's constants from core, and what it can draw (grid_shader.hpp).
#include "app/grid_shader.hpp"

#include <algorithm>
#include <cctype>

#include "core/data/features.hpp"
#include "core/model/activations.hpp"

namespace lrlab
{

namespace
{

// Core's task kinds under the names the shader uses (TASK_<name>).
struct TaskName
{
    TaskKind kind;
    const char* name;
};
constexpr TaskName task_names[] = {{TaskKind::binary, "binary"},
                                   {TaskKind::multiclass, "multiclass"},
                                   {TaskKind::regression, "regression"}};

bool identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Whether `word` occurs in `text` as a whole identifier (ACT_relu, not ACT_relu6).
bool names(const std::string& text, const std::string& word)
{
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1))
    {
        const std::size_t end = at + word.size();
        if ((at == 0 || !identifier_char(text[at - 1])) &&
            (end == text.size() || !identifier_char(text[end])))
            return true;
    }
    return false;
}

bool contains(const std::vector<std::string>& v, const std::string& s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

std::string prelude()
{
    std::string p = "// Generated from core's registries by src/app/grid_shader.cpp.\n";
    for (const ActivationInfo& a : activation_registry())
        p += "#define ACT_" + std::string(a.name) + " " + std::to_string(int(a.id)) + "\n";
    const std::vector<FeatureInfo>& features = feature_registry();
    for (std::size_t i = 0; i < features.size(); ++i)
        p += "#define FEATURE_" + std::string(features[i].name) + " " + std::to_string(i) + "\n";
    for (const TaskName& t : task_names)
        p += "#define TASK_" + std::string(t.name) + " " + std::to_string(int(t.kind)) + "\n";
    p += "#define MAX_FEATURES " + std::to_string(features.size()) + "\n";
    p += "#define MAX_WIDTH " + std::to_string(grid_max_width) + "\n";
    p += "#define MAX_LAYERS " + std::to_string(grid_max_layers) + "\n";
    p += "#define PARAM_VEC4S " + std::to_string(grid_max_params / 4) + "\n";
    return p;
}

}  // namespace

// The text without // and /* */ comments: a constant named in a comment is drawn by nothing.
std::string without_comments(const std::string& glsl)
{
    std::string out;
    for (std::size_t i = 0; i < glsl.size(); ++i)
    {
        if (glsl.compare(i, 2, "//") == 0)
            i = std::min(glsl.find('\n', i), glsl.size()) - 1;
        else if (glsl.compare(i, 2, "/*") == 0)
            i = std::min(glsl.find("*/", i + 2), glsl.size() - 2) + 1;
        else
            out += glsl[i];
    }
    return out;
}

GridShaderSupport grid_shader_support(const std::string& glsl)
{
    const std::string code = without_comments(glsl);
    GridShaderSupport s;
    for (const ActivationInfo& a : activation_registry())
        if (names(code, "ACT_" + std::string(a.name)))
            s.activations.push_back(a.name);
    for (const FeatureInfo& f : feature_registry())
        if (names(code, "FEATURE_" + std::string(f.name)))
            s.features.push_back(f.name);
    for (const TaskName& t : task_names)
        if (names(code, "TASK_" + std::string(t.name)))
            s.tasks.push_back(t.name);
    return s;
}

std::string grid_shader_source(const std::string& glsl)
{
    const std::size_t eol = glsl.find('\n');
    if (eol == std::string::npos)
        return glsl;
    return glsl.substr(0, eol + 1) + prelude() + "#line 2\n" + glsl.substr(eol + 1);
}

GridLayout grid_layout(const ParamSet& p, const std::vector<int>& sizes)
{
    GridLayout g;
    const std::size_t layers = sizes.empty() ? 0 : sizes.size() - 1;
    if (layers == 0 || layers > std::size_t(grid_max_layers) || p.tensors.size() != 2 * layers)
        return g;
    for (std::size_t l = 0; l < layers; ++l)
    {
        const TensorInfo& w = p.tensors[2 * l];
        const TensorInfo& b = p.tensors[2 * l + 1];
        const std::size_t rows = std::size_t(sizes[l]), cols = std::size_t(sizes[l + 1]);
        if (w.kind != TensorKind::weight || w.rows != rows || w.cols != cols ||
            b.kind != TensorKind::bias || b.rows != 1 || b.cols != cols)
            return g;
        g.weights[l] = int(w.offset);
        g.biases[l] = int(b.offset);
    }
    g.layers = int(layers);
    g.ok = true;
    return g;
}

bool grid_shader_fits(const GridShaderSupport& s, const Experiment& e)
{
    if (e.size() == 0 || e.dataset().raw_dims != 2)
        return false;
    const Config& c = e.config();
    if (!contains(s.activations, c.model.activation) ||
        !contains(s.tasks, grid_task_name(e.model().task())) ||
        c.data.features.size() > feature_registry().size())
        return false;
    for (const std::string& f : c.data.features)
        if (!contains(s.features, f))
            return false;
    const std::vector<int>& sizes = e.model().sizes();
    for (int width : sizes)
        if (width > grid_max_width)
            return false;
    const ParamSet& p = e.run(0).params();
    return p.size() <= std::size_t(grid_max_params) && grid_layout(p, sizes).ok;
}

int grid_feature_id(const std::string& name)
{
    const std::vector<FeatureInfo>& all = feature_registry();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (name == all[i].name)
            return int(i);
    return -1;
}

int grid_task_id(TaskKind t) { return int(t); }

const char* grid_task_name(TaskKind t)
{
    for (const TaskName& n : task_names)
        if (n.kind == t)
            return n.name;
    return "";
}

}  // namespace lrlab
