#version 300 es
// The model over the input plane, one fragment per grid cell (src/app/gl_grid.cpp): what
// boundary_grid.cpp computes on the CPU, in GLSL floats — the features of features.cpp, the
// layers of mlp.cpp, the outputs of losses.cpp's outputs_to_predictions. For pictures only; the
// numbers the page reports all come from the engine.
//
// Nothing of core is hard-coded here. src/app/grid_shader.cpp inserts, after the #version line,
// a prelude of core's ids (ACT_<activation>, FEATURE_<feature>, TASK_<task>: the values of
// activation_registry(), feature_registry() and TaskKind) and of the limits (MAX_WIDTH,
// MAX_LAYERS, MAX_FEATURES, PARAM_VEC4S); the layer offsets come from the run's ParamSet. An
// activation or feature is drawn here only if this text names its constant: gl_grid.cpp sends
// every other one to the CPU grid.
precision highp float;
precision highp int;

// The run's ParamSet values, 4 per vec4: a uniform block, because a texture fetch per weight
// made software renderers (SwiftShader) ten times slower. 4096 floats: WebGL2's least block.
layout(std140) uniform Params
{
    vec4 u_params[PARAM_VEC4S];
};
uniform int u_features[MAX_FEATURES];  // FEATURE_ ids of the model's inputs, in order
uniform int u_feature_count;
uniform int u_sizes[MAX_LAYERS + 1];   // inputs, hidden..., outputs
uniform int u_weights[MAX_LAYERS];     // offset of layer l's (sizes[l], sizes[l+1]) weights
uniform int u_biases[MAX_LAYERS];      // offset of layer l's (1, sizes[l+1]) bias
uniform int u_layers;                  // weight matrices
uniform int u_activation;              // ACT_ id
uniform float u_slope;                 // leaky_relu
uniform int u_task;                    // TASK_ id
uniform float u_extent;                // the plane is [-extent, extent]^2
uniform float u_res;                   // grid points per side
out vec2 o_value;  // as RunGrid::values: (p or value, 0) or (class, probability)

float param(int i)
{
    return u_params[i >> 2][i & 3];
}

float feature(int id, float x1, float x2)
{
    if (id == FEATURE_x1) return x1;
    if (id == FEATURE_x2) return x2;
    if (id == FEATURE_x1_sq) return x1 * x1;
    if (id == FEATURE_x2_sq) return x2 * x2;
    if (id == FEATURE_x1_x2) return x1 * x2;
    if (id == FEATURE_sin_x1) return sin(x1);
    if (id == FEATURE_sin_x2) return sin(x2);
    return 0.0;  // not reached: gl_grid.cpp draws only the features named above
}

float activate(float z)
{
    if (u_activation == ACT_relu) return max(z, 0.0);
    // tanh(z) saturates long before 15; some drivers return NaN for exp overflow inside tanh.
    if (u_activation == ACT_tanh) return tanh(clamp(z, -15.0, 15.0));
    if (u_activation == ACT_sigmoid) return 1.0 / (1.0 + exp(-clamp(z, -80.0, 80.0)));
    if (u_activation == ACT_linear) return z;
    if (u_activation == ACT_leaky_relu) return z > 0.0 ? z : u_slope * z;
    // GELU's tanh form (|error| < 1e-3 of the exact x Phi(x)): GLSL has no erf.
    if (u_activation == ACT_gelu)
        return 0.5 * z * (1.0 + tanh(clamp(0.7978845608 * (z + 0.044715 * z * z * z),
                                           -15.0, 15.0)));
    return 0.0;  // not reached: gl_grid.cpp draws only the activations named above
}

void main()
{
    // Cell centres, row 0 at the bottom, as boundary_grid.cpp's build_inputs: the viewport is
    // the grid, so gl_FragCoord is (c + 0.5, r + 0.5).
    vec2 centre = u_extent * (gl_FragCoord.xy / u_res * 2.0 - 1.0);
    float x1 = centre.x, x2 = centre.y;
    float a[MAX_WIDTH];
    float b[MAX_WIDTH];
    for (int i = 0; i < u_feature_count; ++i)
        a[i] = feature(u_features[i], x1, x2);
    for (int l = 0; l < u_layers; ++l)
    {
        int rows = u_sizes[l], cols = u_sizes[l + 1];
        int weights = u_weights[l];
        for (int j = 0; j < cols; ++j)
        {
            float z = param(u_biases[l] + j);
            for (int i = 0; i < rows; ++i)
                z += a[i] * param(weights + i * cols + j);
            b[j] = l + 1 < u_layers ? activate(z) : z;
        }
        for (int j = 0; j < cols; ++j)
            a[j] = b[j];
    }
    int k = u_sizes[u_layers];
    if (u_task == TASK_binary)
        o_value = vec2(1.0 / (1.0 + exp(-clamp(a[0], -80.0, 80.0))), 0.0);
    else if (u_task == TASK_regression)
        o_value = vec2(a[0], 0.0);
    else if (u_task == TASK_multiclass)
    {
        int best = 0;
        for (int j = 1; j < k; ++j)
            best = a[j] > a[best] ? j : best;
        float sum = 0.0;
        for (int j = 0; j < k; ++j)
            sum += exp(a[j] - a[best]);
        o_value = vec2(float(best), 1.0 / sum);
    }
    else
        o_value = vec2(0.0);  // not reached: gl_grid.cpp draws only the tasks named above
}
