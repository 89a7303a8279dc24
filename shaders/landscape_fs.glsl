#version 300 es
// The landscape map (src/app/landscape_gl.cpp): the surface config's function evaluated per
// pixel in float32, log-scaled filled contours with contour lines. One GLSL function per
// surface function of src/core/surface/functions.cpp, selected by u_function, which is the
// index in landscape_shader_functions() (landscape_gl.cpp); the browser test compares every one
// with the engine at sampled pixels (tests/web/landscape.test.mjs).
// u_mode 0 draws colours; 1, 2, 3 write the bits of x, y or f(x, y) into RGBA8 (the read-back
// path of that test: float render targets need an extension WebGL2 may lack).
precision highp float;
precision highp int;
uniform int u_function;
uniform vec4 u_view;     // x min, x max, y min, y max
uniform vec2 u_size;     // the target's size in pixels
uniform float u_lo;      // the window's lowest value (a minimum, or the lowest sample)
uniform float u_span;    // highest - lowest sample
uniform float u_levels;  // contour bands over the log range
uniform int u_mode;
out vec4 o_color;

const float two_pi = 6.2831853;

// cos(2 pi t) without the GPU's cos: GLSL leaves its precision to the implementation (Vulkan
// allows an absolute error of 2^-11, and SwiftShader was off by 2e-4 at 2 pi * 0.48, 4e-3 in
// rastrigin's value), while the engine evaluates cos(2 pi t) in double (detmath). Reduced
// exactly to a quarter period (u = t - round(t) and 0.5 - |u| are exact in float32), then
// cos z = sum (-z^2)^k / (2k)! to k = 6 on z in [0, pi/2]: truncation below (pi/2)^14 / 14! =
// 6e-9, so the two agree within float32 rounding on every GPU.
float cos_2pi(float t)
{
    float a = abs(t - floor(t + 0.5));  // in [0, 0.5]
    float sign = 1.0;
    if (a > 0.25)
    {
        a = 0.5 - a;  // cos(2 pi (1/2 - a)) = -cos(2 pi a)
        sign = -1.0;
    }
    float z = two_pi * a;
    float z2 = z * z;
    float c = 1.0 + z2 * (-1.0 / 2.0 + z2 * (1.0 / 24.0 + z2 * (-1.0 / 720.0 + z2 * (1.0 / 40320.0 +
              z2 * (-1.0 / 3628800.0 + z2 * (1.0 / 479001600.0))))));
    return sign * c;
}

float rosenbrock(float x, float y) { float a = 1.0 - x; float b = y - x * x; return a * a + 100.0 * b * b; }
float beale(float x, float y)
{
    float t1 = 1.5 - x + x * y;
    float t2 = 2.25 - x + x * y * y;
    float t3 = 2.625 - x + x * y * y * y;
    return t1 * t1 + t2 * t2 + t3 * t3;
}
float himmelblau(float x, float y) { float a = x * x + y - 11.0; float b = x + y * y - 7.0; return a * a + b * b; }
float rastrigin(float x, float y)
{
    return 20.0 + (x * x - 10.0 * cos_2pi(x)) + (y * y - 10.0 * cos_2pi(y));
}
float saddle(float x, float y) { return x * x - y * y; }
float quadratic(float x, float y) { return 0.5 * (x * x + 10.0 * y * y); }
float six_hump_camel(float x, float y)
{
    float x2 = x * x;
    float y2 = y * y;
    return (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (-4.0 + 4.0 * y2) * y2;
}
float ackley(float x, float y)
{
    float r = sqrt(0.5 * (x * x + y * y));
    float w = exp(0.5 * (cos_2pi(x) + cos_2pi(y)));
    return -20.0 * exp(-0.2 * r) - w + 2.7182817 + 20.0;
}
float styblinski_tang(float x, float y)
{
    float x2 = x * x;
    float y2 = y * y;
    return 0.5 * ((x2 * x2 - 16.0 * x2 + 5.0 * x) + (y2 * y2 - 16.0 * y2 + 5.0 * y));
}

float f(float x, float y)
{
    switch (u_function)
    {
    case 0: return rosenbrock(x, y);
    case 1: return beale(x, y);
    case 2: return himmelblau(x, y);
    case 3: return rastrigin(x, y);
    case 4: return saddle(x, y);
    case 5: return quadratic(x, y);
    case 6: return six_hump_camel(x, y);
    case 7: return ackley(x, y);
    case 8: return styblinski_tang(x, y);
    }
    return 0.0;
}

// Low values dark blue, high ones light yellow: five stops, linear between them.
vec3 palette(float t)
{
    const vec3 c0 = vec3(0.05, 0.03, 0.25);
    const vec3 c1 = vec3(0.15, 0.23, 0.55);
    const vec3 c2 = vec3(0.10, 0.52, 0.55);
    const vec3 c3 = vec3(0.42, 0.76, 0.36);
    const vec3 c4 = vec3(0.98, 0.90, 0.40);
    t = clamp(t, 0.0, 1.0) * 4.0;
    if (t < 1.0) return mix(c0, c1, t);
    if (t < 2.0) return mix(c1, c2, t - 1.0);
    if (t < 3.0) return mix(c2, c3, t - 2.0);
    return mix(c3, c4, t - 3.0);
}

vec4 bytes_of(float v)
{
    uint b = floatBitsToUint(v);
    return vec4(float(b & 255u), float((b >> 8) & 255u), float((b >> 16) & 255u),
                float(b >> 24)) / 255.0;
}

void main()
{
    vec2 uv = gl_FragCoord.xy / u_size;
    float x = u_view.x + (u_view.y - u_view.x) * uv.x;
    float y = u_view.z + (u_view.w - u_view.z) * uv.y;
    float v = f(x, y);
    if (u_mode == 1) { o_color = bytes_of(x); return; }
    if (u_mode == 2) { o_color = bytes_of(y); return; }
    if (u_mode == 3) { o_color = bytes_of(v); return; }
    // log scale: t = log(1 + d / delta) / log(1 + span / delta), delta = span / 1000, so that
    // the bottom of a basin (d small) gets as many bands as the walls (d large).
    float delta = max(u_span, 1e-30) * 1e-3;
    float d = max(v - u_lo, 0.0);
    float t = log(1.0 + d / delta) / log(1.0 + u_span / delta);
    float bands = t * u_levels;
    float band = (floor(bands) + 0.5) / u_levels;
    vec3 color = palette(mix(band, t, 0.35));
    // A contour line where t crosses a band edge, about a pixel wide at any zoom.
    float edge = abs(fract(bands + 0.5) - 0.5) / max(fwidth(bands), 1e-6);
    color = mix(color * 0.55, color, smoothstep(0.5, 1.5, edge));
    if (isnan(v) || isinf(v)) color = vec3(0.35, 0.1, 0.1);
    o_color = vec4(color, 1.0);
}
