#version 300 es
// A disc with a thin white outline (train points) or a ring (test points), anti-aliased by the
// distance to the point's centre; premultiplied alpha (blend ONE, ONE_MINUS_SRC_ALPHA).
precision highp float;
uniform float u_radius;  // texels
uniform int u_hollow;    // 1: ring (test points)
in vec4 v_color;
out vec4 o_color;

// Coverage of a band of half-width w around distance r from the centre.
float band(float d, float r, float w)
{
    return clamp(w + 0.5 - abs(d - r), 0.0, 1.0);
}

void main()
{
    float d = length(gl_PointCoord - 0.5) * (2.0 * u_radius + 3.0);
    vec4 c;
    if (u_hollow == 1)
    {
        float a = v_color.a * band(d, u_radius, 0.6);
        c = vec4(v_color.rgb * a, a);
    }
    else
    {
        float fill = v_color.a * clamp(u_radius + 0.5 - d, 0.0, 1.0);
        // ImDrawList's 0.8 px outline plus its 1 px anti-aliasing fringe.
        float ring = 0.85 * band(d, u_radius, 0.6);
        c = vec4(vec3(ring) + v_color.rgb * fill * (1.0 - ring), ring + fill * (1.0 - ring));
    }
    if (c.a <= 0.0)
        discard;
    o_color = c;
}
