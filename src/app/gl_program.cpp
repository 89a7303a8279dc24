// GLSL program helpers (gl_program.hpp).
#include "app/gl_program.hpp"

#include <cstdio>

namespace lrlab
{

namespace
{

GLuint compile(GLenum kind, const char* source)
{
    GLuint s = glCreateShader(kind);
    glShaderSource(s, 1, &source, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok)
    {
        char log[2048];
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        std::fprintf(stderr, "lrlab: shader compile failed: %s\n", log);
        glDeleteShader(s);
        return 0;
    }
    return s;
}

}  // namespace

GLuint gl_make_program(const char* vertex_source, const char* fragment_source)
{
    const GLuint vs = compile(GL_VERTEX_SHADER, vertex_source);
    const GLuint fs = compile(GL_FRAGMENT_SHADER, fragment_source);
    if (!vs || !fs)
        return 0;
    GLuint p = glCreateProgram();
    glAttachShader(p, vs);
    glAttachShader(p, fs);
    glLinkProgram(p);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok)
    {
        char log[2048];
        glGetProgramInfoLog(p, sizeof log, nullptr, log);
        std::fprintf(stderr, "lrlab: program link failed: %s\n", log);
        glDeleteProgram(p);
        return 0;
    }
    return p;
}

}  // namespace lrlab
