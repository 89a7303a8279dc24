#version 300 es
// A full-viewport quad from gl_VertexID (no buffers): uv in [0, 1]^2, v = 0 at the bottom.
out vec2 v_uv;
void main()
{
    vec2 p = vec2(float((gl_VertexID & 1) << 1), float(gl_VertexID & 2));
    v_uv = p * 0.5;
    gl_Position = vec4(p - 1.0, 0.0, 1.0);
}
