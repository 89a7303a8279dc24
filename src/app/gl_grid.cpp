// The model over the plane on the GPU (gl_grid.hpp).
#include "app/gl_grid.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>

#include "app/gl_program.hpp"
#include "app/shaders.hpp"
#include "core/model/activations.hpp"
#include "core/data/features.hpp"

namespace lrlab
{

namespace
{

constexpr int max_width = 64;       // units per layer (grid_fs.glsl's arrays)
constexpr int max_params = 4096;    // floats in grid_fs.glsl's uniform block

int feature_index(const std::string& name)
{
    const std::vector<FeatureInfo>& all = feature_registry();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (name == all[i].name)
            return int(i);
    return 0;
}

// Software renderers draw every pixel on the CPU, the page's cores: with them, redrawing all
// tiles every frame halves the frame rate. The unmasked renderer name tells.
bool software_renderer()
{
    return EM_ASM_INT({
        const gl = GLctx;
        const info = gl.getExtension('WEBGL_debug_renderer_info');
        const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
        return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name) ? 1 : 0;
    }) != 0;
}

// Whether an RG32F texture is complete as a colour attachment here (the extension promises it;
// a driver may still refuse).
bool renders_to_rg32f(GLuint fbo)
{
    GLuint probe = 0;
    glGenTextures(1, &probe);
    glBindTexture(GL_TEXTURE_2D, probe);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RG32F, 4, 4, 0, GL_RG, GL_FLOAT, nullptr);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, probe, 0);
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, 0, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glDeleteTextures(1, &probe);
    return complete;
}

int task_index(TaskKind t) { return t == TaskKind::binary ? 0 : t == TaskKind::regression ? 1 : 2; }

void upload_params(const GpuGrid& g, const ParamSet& p)
{
    glBindBuffer(GL_UNIFORM_BUFFER, g.params);
    glBufferSubData(GL_UNIFORM_BUFFER, 0, GLsizeiptr(p.size() * sizeof(float)), p.data());
    glBindBufferBase(GL_UNIFORM_BUFFER, 0, g.params);
}

void set_model_uniforms(const GpuGrid& g, const Experiment& e, double extent, int res)
{
    const Config& c = e.config();
    const std::vector<int>& sizes = e.model().sizes();
    int features[7] = {0, 0, 0, 0, 0, 0, 0};
    const int n_features = int(std::min<std::size_t>(7, c.data.features.size()));
    for (int i = 0; i < n_features; ++i)
        features[i] = feature_index(c.data.features[std::size_t(i)]);
    int padded_sizes[10] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    for (std::size_t i = 0; i < std::min<std::size_t>(10, sizes.size()); ++i)
        padded_sizes[i] = sizes[i];
    const ActivationInfo* act = find_activation(c.model.activation);
    glUniform1iv(g.u_features, 7, features);
    glUniform1i(g.u_feature_count, n_features);
    glUniform1iv(g.u_sizes, 10, padded_sizes);
    glUniform1i(g.u_layers, int(sizes.size()) - 1);
    glUniform1i(g.u_activation, int(act ? act->id : Activation::tanh));
    glUniform1f(g.u_slope, float(c.model.leaky_slope));
    glUniform1i(g.u_task, task_index(e.model().task()));
    glUniform1f(g.u_extent, float(extent));
    glUniform1f(g.u_res, float(res));
}

}  // namespace

bool gpu_grid_init(GpuGrid& g)
{
    // Rendering to RG32F needs EXT_color_buffer_float (nearly every WebGL2 has it).
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_get_current_context();
    if (!ctx || !emscripten_webgl_enable_extension(ctx, "EXT_color_buffer_float"))
        return false;
    g.program = gl_make_program(shaders::heatmap_vs, shaders::grid_fs);
    if (!g.program)
        return false;
    glGenVertexArrays(1, &g.vao);
    glGenBuffers(1, &g.params);
    glBindBuffer(GL_UNIFORM_BUFFER, g.params);
    glBufferData(GL_UNIFORM_BUFFER, max_params * sizeof(float), nullptr, GL_DYNAMIC_DRAW);
    glBindBuffer(GL_UNIFORM_BUFFER, 0);
    glUniformBlockBinding(g.program, glGetUniformBlockIndex(g.program, "Params"), 0);
    glGenFramebuffers(1, &g.fbo);
    g.u_features = glGetUniformLocation(g.program, "u_features");
    g.u_feature_count = glGetUniformLocation(g.program, "u_feature_count");
    g.u_sizes = glGetUniformLocation(g.program, "u_sizes");
    g.u_layers = glGetUniformLocation(g.program, "u_layers");
    g.u_activation = glGetUniformLocation(g.program, "u_activation");
    g.u_slope = glGetUniformLocation(g.program, "u_slope");
    g.u_task = glGetUniformLocation(g.program, "u_task");
    g.u_extent = glGetUniformLocation(g.program, "u_extent");
    g.u_res = glGetUniformLocation(g.program, "u_res");
    g.software = software_renderer();
    g.available = renders_to_rg32f(g.fbo);
    return g.available;
}

bool gpu_grid_fits(const GpuGrid& g, const Experiment& e)
{
    if (!g.available || g.disabled || e.size() == 0 || e.dataset().raw_dims != 2)
        return false;
    const std::vector<int>& sizes = e.model().sizes();
    if (sizes.size() > 10)
        return false;
    for (int width : sizes)
        if (width > max_width)
            return false;
    return e.run(0).params().size() <= std::size_t(max_params);
}

void gpu_grid_render(GpuGrid& g, const Experiment& e, std::size_t run, double extent, int res,
                     GLuint values)
{
    upload_params(g, e.run(run).params());
    glUseProgram(g.program);
    glBindVertexArray(g.vao);
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    set_model_uniforms(g, e, extent, res);
    glBindFramebuffer(GL_FRAMEBUFFER, g.fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, values, 0);
    glViewport(0, 0, res, res);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

}  // namespace lrlab
