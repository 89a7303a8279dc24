#version 300 es
// The model over the input plane, one fragment per grid cell (src/app/gl_grid.cpp): what
// boundary_grid.cpp computes on the CPU, in GLSL floats — the features of features.cpp, the
// layers of mlp.cpp, the outputs of losses.cpp's outputs_to_predictions. For pictures only; the
// numbers the page reports all come from the engine.
precision highp float;
precision highp int;

const int max_width = 64;          // gl_grid.cpp sends wider models to the CPU
// The run's ParamSet values, 4 per vec4: a uniform block, because a texture fetch per weight
// made software renderers (SwiftShader) ten times slower. 4096 floats: WebGL2's least block.
layout(std140) uniform Params
{
    vec4 u_params[1024];
};
uniform int u_features[7];         // feature_registry() indices: x1 x2 x1_sq x2_sq x1_x2 sin_x1 sin_x2
uniform int u_feature_count;
uniform int u_sizes[10];           // inputs, hidden..., outputs
uniform int u_layers;              // weight matrices
uniform int u_activation;          // Activation: relu tanh sigmoid linear leaky_relu gelu
uniform float u_slope;             // leaky_relu
uniform int u_task;                // 0 binary, 1 regression, 2 multiclass
uniform float u_extent;            // the plane is [-extent, extent]^2
uniform float u_res;               // grid points per side
out vec2 o_value;                  // as RunGrid::values: (p or value, 0) or (class, probability)

float param(int i)
{
    return u_params[i >> 2][i & 3];
}

float feature(int id, float x1, float x2)
{
    if (id == 0) return x1;
    if (id == 1) return x2;
    if (id == 2) return x1 * x1;
    if (id == 3) return x2 * x2;
    if (id == 4) return x1 * x2;
    if (id == 5) return sin(x1);
    return sin(x2);
}

float activate(float z)
{
    if (u_activation == 0) return max(z, 0.0);
    // tanh(z) saturates long before 15; some drivers return NaN for exp overflow inside tanh.
    if (u_activation == 1) return tanh(clamp(z, -15.0, 15.0));
    if (u_activation == 2) return 1.0 / (1.0 + exp(-clamp(z, -80.0, 80.0)));
    if (u_activation == 4) return z > 0.0 ? z : u_slope * z;
    if (u_activation == 5)  // GELU's tanh form (|error| < 1e-3 of the exact x Phi(x)): GLSL has no erf
        return 0.5 * z * (1.0 + tanh(clamp(0.7978845608 * (z + 0.044715 * z * z * z), -15.0, 15.0)));
    return z;
}

void main()
{
    // Cell centres, row 0 at the bottom, as boundary_grid.cpp's build_inputs: the viewport is
    // the grid, so gl_FragCoord is (c + 0.5, r + 0.5).
    vec2 centre = u_extent * (gl_FragCoord.xy / u_res * 2.0 - 1.0);
    float x1 = centre.x, x2 = centre.y;
    float a[max_width];
    float b[max_width];
    for (int i = 0; i < u_feature_count; ++i)
        a[i] = feature(u_features[i], x1, x2);
    int offset = 0;
    for (int l = 0; l < u_layers; ++l)
    {
        int rows = u_sizes[l], cols = u_sizes[l + 1];
        int bias = offset + rows * cols;
        for (int j = 0; j < cols; ++j)
        {
            float z = param(bias + j);
            for (int i = 0; i < rows; ++i)
                z += a[i] * param(offset + i * cols + j);
            b[j] = l + 1 < u_layers ? activate(z) : z;
        }
        for (int j = 0; j < cols; ++j)
            a[j] = b[j];
        offset = bias + cols;
    }
    int k = u_sizes[u_layers];
    if (u_task == 0)
        o_value = vec2(1.0 / (1.0 + exp(-clamp(a[0], -80.0, 80.0))), 0.0);
    else if (u_task == 1)
        o_value = vec2(a[0], 0.0);
    else
    {
        int best = 0;
        for (int j = 1; j < k; ++j)
            best = a[j] > a[best] ? j : best;
        float sum = 0.0;
        for (int j = 0; j < k; ++j)
            sum += exp(a[j] - a[best]);
        o_value = vec2(float(best), 1.0 / sum);
    }
}
