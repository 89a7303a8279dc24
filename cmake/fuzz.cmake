# The fuzz targets of tests/fuzz (issue 14, "Parsers, fuzzed"). Each target is one source file
# defining LLVMFuzzerTestOneInput, with its seed corpus in tests/fuzz/corpus/<name>/ (findings
# are added there too). Two ways to build each:
#   - LRLAB_FUZZ=ON (clang, its own build dir): `fuzz_<name>`, a libFuzzer binary;
#     `make fuzz` / `make test-fuzz` run them (tests/fuzz/run.sh).
#   - the normal builds: `fuzz_<name>_replay`, the same target with tests/fuzz/replay_main.cpp
#     (g++, and em++ for node: the same parsers as wasm), a ctest that replays the committed
#     corpus on every build; tests/hardening/replay.py also feeds it the malformed URLs.
# A new target: a tests/fuzz/fuzz_<name>.cpp, a corpus/<name>/ folder (and a <name>.dict, which
# tests/fuzz/run.sh passes to libFuzzer) and one lrlab_fuzz_target(<name>) line below;
# tests/fuzz/run.sh runs every fuzz_* binary it finds.
if(NOT (LRLAB_FUZZ OR LRLAB_TESTS OR LRLAB_SANITIZE))
    return()
endif()

set(LRLAB_FUZZ_DIR ${CMAKE_SOURCE_DIR}/tests/fuzz)
if(LRLAB_FUZZ)
    add_custom_target(lrlab_fuzzers)
endif()
# The divergence matrix's runner (tests/hardening/matrix.py) in the instrumented builds: the
# engine's run and surface without CLI11, so that the sanitized build stays small.
if(LRLAB_FUZZ OR LRLAB_SANITIZE)
    add_executable(matrix_runner ${CMAKE_SOURCE_DIR}/tests/hardening/matrix_runner.cpp)
    target_link_libraries(matrix_runner PRIVATE lrlab_core)
endif()

# lrlab_fuzz_target(NAME [LIBS lib...]): LIBS are linked beside lrlab_core.
function(lrlab_fuzz_target name)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "LIBS")
    set(src ${LRLAB_FUZZ_DIR}/fuzz_${name}.cpp)
    if(LRLAB_FUZZ)
        add_executable(fuzz_${name} ${src})
        target_link_libraries(fuzz_${name} PRIVATE lrlab_core ${arg_LIBS})
        target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
        add_dependencies(lrlab_fuzzers fuzz_${name})
    else()
        add_executable(fuzz_${name}_replay ${src} ${LRLAB_FUZZ_DIR}/replay_main.cpp)
        target_link_libraries(fuzz_${name}_replay PRIVATE lrlab_core ${arg_LIBS})
        set(prefix fuzz)
        if(EMSCRIPTEN)
            set_target_properties(fuzz_${name}_replay PROPERTIES SUFFIX ".js")
            target_link_options(fuzz_${name}_replay PRIVATE -sNODERAWFS=1 -sEXIT_RUNTIME=1
                                -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=node
                                -sWASM_ASYNC_COMPILATION=0)
            set(prefix wasm_fuzz)
        endif()
        add_test(NAME ${prefix}_${name}_corpus
                 COMMAND ${CMAKE_CROSSCOMPILING_EMULATOR} $<TARGET_FILE:fuzz_${name}_replay>
                         ${LRLAB_FUZZ_DIR}/corpus/${name})
    endif()
endfunction()

lrlab_fuzz_target(config)
lrlab_fuzz_target(url)
lrlab_fuzz_target(surface)
lrlab_fuzz_target(points_csv)
# The page's message dispatcher (src/app/api_dispatch.hpp) over a page of core objects.
lrlab_fuzz_target(api LIBS lrlab_api_dispatch)
