// Compiling and linking GLSL ES 3.0 programs (WebGL2); errors go to the console.
#pragma once

#include <GLES3/gl3.h>

namespace lrlab
{

// 0 on failure (the log is printed).
GLuint gl_make_program(const char* vertex_source, const char* fragment_source);

}  // namespace lrlab
