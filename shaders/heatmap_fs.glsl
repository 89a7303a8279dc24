#version 300 es
// Colours the model's output over the input plane (src/app/boundary_grid.cpp writes it).
// u_values: RG32F, (res, res); R = p(class 1) | regression value | argmax class, G = class
// probability (multiclass). R32F/RG32F are not filterable in WebGL2: bilinear by hand.
precision highp float;
uniform highp sampler2D u_values;
uniform int u_mode;          // 0 binary probability, 1 regression value, 2 multiclass
uniform float u_scale;       // regression: |value| of full colour
uniform int u_classes;
uniform vec3 u_palette[8];   // class colours (multiclass)
in vec2 v_uv;
out vec4 o_color;

// Diverging map of TensorFlow Playground: orange (class 0 / negative) - white - blue.
const vec3 c_neg = vec3(0.961, 0.576, 0.133);
const vec3 c_mid = vec3(0.97, 0.97, 0.97);
const vec3 c_pos = vec3(0.031, 0.467, 0.741);

vec2 texel(ivec2 p, ivec2 size)
{
    return texelFetch(u_values, clamp(p, ivec2(0), size - 1), 0).rg;
}

vec2 bilinear(vec2 uv)
{
    ivec2 size = textureSize(u_values, 0);
    vec2 t = uv * vec2(size) - 0.5;
    ivec2 i = ivec2(floor(t));
    vec2 f = t - floor(t);
    vec2 a = mix(texel(i, size), texel(i + ivec2(1, 0), size), f.x);
    vec2 b = mix(texel(i + ivec2(0, 1), size), texel(i + ivec2(1, 1), size), f.x);
    return mix(a, b, f.y);
}

vec3 diverging(float t)  // t in [-1, 1]
{
    t = clamp(t, -1.0, 1.0);
    return t < 0.0 ? mix(c_mid, c_neg, -t) : mix(c_mid, c_pos, t);
}

void main()
{
    vec3 color;
    if (u_mode == 2)
    {
        ivec2 size = textureSize(u_values, 0);
        vec2 v = texel(ivec2(v_uv * vec2(size)), size);
        int k = clamp(int(v.r + 0.5), 0, 7);
        float chance = 1.0 / float(max(u_classes, 2));
        float confidence = clamp((v.g - chance) / (1.0 - chance), 0.0, 1.0);
        color = mix(c_mid, u_palette[k], 0.25 + 0.6 * confidence);
    }
    else
    {
        float v = bilinear(v_uv).r;
        float t = u_mode == 0 ? 2.0 * v - 1.0 : v / max(u_scale, 1e-6);
        color = diverging(t * 0.85);
        if (u_mode == 0)
        {
            // The decision boundary p = 0.5, about a pixel wide at any size.
            float d = abs(v - 0.5) / max(fwidth(v), 1e-6);
            color = mix(vec3(0.25), color, smoothstep(0.5, 1.5, d));
        }
    }
    o_color = vec4(color, 1.0);
}
