// The model over the plane on the GPU (gl_grid.hpp).
#include "app/gl_grid.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>

#include "app/gl_program.hpp"
#include "app/shaders.hpp"
#include "core/data/features.hpp"
#include "core/model/activations.hpp"

namespace lrlab
{

namespace
{

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

void upload_params(const GpuGrid& g, const ParamSet& p)
{
    glBindBuffer(GL_UNIFORM_BUFFER, g.params);
    glBufferSubData(GL_UNIFORM_BUFFER, 0, GLsizeiptr(p.size() * sizeof(float)), p.data());
    glBindBufferBase(GL_UNIFORM_BUFFER, 0, g.params);
}

// Only for experiments that grid_shader_fits(): ids, sizes and offsets are all in range.
void set_model_uniforms(const GpuGrid& g, const Experiment& e, double extent, int res)
{
    const Config& c = e.config();
    const std::vector<int>& sizes = e.model().sizes();
    // MAX_FEATURES ids (the registry's size; 64 leaves room for many more features).
    int features[64] = {};
    const std::size_t ids = std::min<std::size_t>(64, feature_registry().size());
    const int n_features = int(std::min(c.data.features.size(), ids));
    for (int i = 0; i < n_features; ++i)
        features[i] = grid_feature_id(c.data.features[std::size_t(i)]);
    int padded_sizes[grid_max_layers + 1] = {};
    for (std::size_t i = 0; i < std::min<std::size_t>(grid_max_layers + 1, sizes.size()); ++i)
        padded_sizes[i] = sizes[i];
    const GridLayout layout = grid_layout(e.run(0).params(), sizes);
    const ActivationInfo* act = find_activation(c.model.activation);
    glUniform1iv(g.u_features, GLsizei(ids), features);
    glUniform1i(g.u_feature_count, n_features);
    glUniform1iv(g.u_sizes, grid_max_layers + 1, padded_sizes);
    glUniform1iv(g.u_weights, grid_max_layers, layout.weights);
    glUniform1iv(g.u_biases, grid_max_layers, layout.biases);
    glUniform1i(g.u_layers, layout.layers);
    glUniform1i(g.u_activation, act ? int(act->id) : -1);
    glUniform1f(g.u_slope, float(c.model.leaky_slope));
    glUniform1i(g.u_task, grid_task_id(e.model().task()));
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
    // Core's ids and the limits go in as a #define prelude; what the shader text names decides
    // which activations and features it is given (grid_shader.hpp).
    g.program = gl_make_program(shaders::heatmap_vs, grid_shader_source(shaders::grid_fs).c_str());
    if (!g.program)
        return false;
    g.support = grid_shader_support(shaders::grid_fs);
    glGenVertexArrays(1, &g.vao);
    glGenBuffers(1, &g.params);
    glBindBuffer(GL_UNIFORM_BUFFER, g.params);
    glBufferData(GL_UNIFORM_BUFFER, grid_max_params * sizeof(float), nullptr, GL_DYNAMIC_DRAW);
    glBindBuffer(GL_UNIFORM_BUFFER, 0);
    glUniformBlockBinding(g.program, glGetUniformBlockIndex(g.program, "Params"), 0);
    glGenFramebuffers(1, &g.fbo);
    g.u_features = glGetUniformLocation(g.program, "u_features");
    g.u_feature_count = glGetUniformLocation(g.program, "u_feature_count");
    g.u_sizes = glGetUniformLocation(g.program, "u_sizes");
    g.u_weights = glGetUniformLocation(g.program, "u_weights");
    g.u_biases = glGetUniformLocation(g.program, "u_biases");
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
    return g.available && !g.disabled && grid_shader_fits(g.support, e);
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
