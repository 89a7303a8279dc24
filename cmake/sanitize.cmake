# Instrumented builds (issue 14, "Parsers, fuzzed" and "The engine under sanitizers"), each in a
# build directory of its own (the Makefile's build-sanitize and build-fuzz). Included from the
# top-level CMakeLists.txt before any target, so that every object of the tree is instrumented.
#
#   -DLRLAB_SANITIZE=ON   AddressSanitizer + UndefinedBehaviorSanitizer + float-cast-overflow
#                         (a double -> int conversion out of range), every report fatal
#                         (-fno-sanitize-recover=all): the divergence matrix must see 0 reports,
#                         so a report must fail the run, not scroll past.
#   -DLRLAB_FUZZ=ON       clang only: everything built with -fsanitize=fuzzer-no-link plus ASan
#                         and UBSan, for the libFuzzer targets of cmake/fuzz.cmake.
# -O1: the sanitizers' own recommendation (fast enough, stack traces still readable); it also
# keeps the instrumented build of the core at about half the compile time of -O3.
option(LRLAB_SANITIZE "Build with ASan, UBSan and float-cast-overflow, reports fatal" OFF)
option(LRLAB_FUZZ "Build the libFuzzer targets (clang)" OFF)

if(LRLAB_SANITIZE OR LRLAB_FUZZ)
    if(EMSCRIPTEN)
        message(FATAL_ERROR "LRLAB_SANITIZE and LRLAB_FUZZ are native builds")
    endif()
    set(lrlab_sanitizers address,undefined,float-cast-overflow)
    if(LRLAB_FUZZ)
        if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
            message(FATAL_ERROR "LRLAB_FUZZ needs clang (libFuzzer): "
                                "-DCMAKE_CXX_COMPILER=clang++")
        endif()
        set(lrlab_sanitizers fuzzer-no-link,${lrlab_sanitizers})
    endif()
    add_compile_options(-O1 -g -fno-omit-frame-pointer -fsanitize=${lrlab_sanitizers}
                        -fno-sanitize-recover=all)
    add_link_options(-fsanitize=address,undefined,float-cast-overflow
                     -fno-sanitize-recover=all)
endif()
