#version 300 es
// The data points on a heatmap (src/app/gl_points.cpp): one GL point per sample, drawn into the
// heatmap's texture, so the page's per-frame UI does not rebuild thousands of circles.
layout(location = 0) in vec2 a_pos;    // raw input (x1, x2)
layout(location = 1) in vec4 a_color;  // class colour (regression: sign and size of the target)
uniform float u_extent;                // the plane shown is [-extent, extent]^2
uniform float u_radius;                // texels
out vec4 v_color;
void main()
{
    v_color = a_color;
    gl_Position = vec4(a_pos / u_extent, 0.0, 1.0);
    gl_PointSize = 2.0 * u_radius + 3.0;
}
