#!/bin/sh
# The dependency rule of DESIGN.md ("Architecture"), enforced:
#   - src/core includes nothing of ours outside core, no ImGui, GL, GLFW, Emscripten or CLI11,
#     and no file, stream, clock or thread facility (<fstream>, <iostream>, <chrono>, <thread>,
#     ...); <cstdio> is allowed for snprintf, not for files or the standard streams;
#   - src/cli and src/app do not include each other;
#   - CLI11 is linked into the CLI only: no other target's link closure reaches it.
#
#   check_deps.sh SRC_DIR LINK_CLOSURE_FILE   (the file is written by CMakeLists.txt)
#   check_deps.sh --self-test                 (shows that each rule catches a violation)
# Prints every violation as FILE:LINE: text, exits 1 if there is any.
set -u

# Lines of $2 (a directory) matching the extended regex $1 in C++ sources, as FILE:LINE: text,
# with // comments left out. A leading ^ in $1 anchors at the start of the source line.
matches() {
    case $1 in
        ^*) pattern="^[^:]*:[0-9]+:${1#^}" ;;
        *) pattern="^[^:]*:[0-9]+:.*($1)" ;;
    esac
    find "$2" -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) | sort |
        xargs awk '{ line = $0; sub(/\/\/.*$/, "", line); print FILENAME ":" FNR ":" line }' |
        grep -E "$pattern"
}

# Prints the violations of $1 (a directory with core/, cli/, app/ below it).
check_sources() {
    src=$1
    inc='^[[:space:]]*#[[:space:]]*include[[:space:]]*'
    matches "$inc[<\"](app|cli)/" "$src/core" | sed 's/$/   <- core includes app or cli/'
    matches "$inc[<\"](CLI/|imgui|GL|GLES|GLFW|EGL|emscripten|webgpu)" "$src/core" |
        sed 's/$/   <- core includes a UI, GL, Emscripten or CLI11 header/'
    headers='fstream|iostream|istream|ostream|chrono|thread|mutex|future|condition_variable'
    headers="$headers|filesystem|ctime|time\\.h|stdio\\.h|unistd\\.h|sys/|pthread\\.h"
    headers="$headers|dirent\\.h|fcntl\\.h"
    matches "$inc<($headers)" "$src/core" |
        sed 's/$/   <- core includes a file, stream, clock or thread header/'
    calls='fopen|freopen|fclose|fread|fwrite|fprintf|printf|fputs|puts|fgets|fputc|putchar'
    calls="$calls|getchar|fflush|perror|tmpfile"
    streams='\bstd::(cout|cerr|clog|cin)\b|\bFILE\b|\b(stdout|stderr|stdin)\b'
    matches "($streams|\\b($calls)[[:space:]]*\\()" "$src/core" |
        sed 's/$/   <- core uses files or the standard streams/'
    matches '(EM_ASM|EM_JS|__EMSCRIPTEN__|emscripten_)' "$src/core" |
        sed 's/$/   <- core depends on Emscripten/'
    matches "$inc[<\"]app/" "$src/cli" | sed 's/$/   <- cli includes app/'
    matches "$inc[<\"](cli/|CLI/)" "$src/app" | sed 's/$/   <- app includes cli or CLI11/'
}

# Prints the targets other than the CLI (`lrlab`) whose link closure reaches CLI11, and fails the
# check when the CLI's own closure does not (the closure file would then be wrong or stale).
check_links() {
    grep -q '^lrlab: .*lrlab_cli11' "$1" ||
        echo "$1: lrlab does not link lrlab_cli11 (stale file?)"
    grep -E '^[a-z_]+: ' "$1" | grep -v '^lrlab: ' | grep -E '(lrlab_cli11|CLI11)' |
        sed "s|^|$1: |; s/\$/   <- links CLI11, which is the CLI's alone/"
}

# Each rule against a tree that breaks it once: the check must report exactly that file.
self_test() {
    t=$(mktemp -d)
    trap 'rm -rf "$t"' EXIT
    failed=0
    for case in 'core:#include "app/frame.hpp"' 'core:#include <chrono>' \
        'core:#include <fstream>' 'core:#include <imgui.h>' 'core:#include <GLES3/gl3.h>' \
        'core:#include <emscripten.h>' \
        'core:#include <CLI/CLI.hpp>' 'core:#include <thread>' 'core:#include <iostream>' \
        'core:std::FILE* f = std::fopen("x", "r");' 'core:std::fprintf(stderr, "x");' \
        'core:std::cout << 1;' 'core:FILE* f = nullptr;' 'core:f(stdout);' \
        'cli:#include "app/web_api.hpp"' 'app:#include "cli/io.hpp"' 'app:#include <CLI/CLI.hpp>'
    do
        rm -rf "$t/src" && mkdir -p "$t/src/core" "$t/src/cli" "$t/src/app"
        printf '#include <cstdio>\nint f(char* b) { return std::snprintf(b, 4, "%%d", 1); }\n' \
            > "$t/src/core/ok.cpp"
        printf '%s\n' "${case#*:}" > "$t/src/${case%%:*}/bad.cpp"
        out=$(check_sources "$t/src")
        if ! printf '%s\n' "$out" | grep -q "/bad.cpp:1:" || printf '%s\n' "$out" | grep -q ok.cpp
        then
            echo "self-test: not caught (or a false alarm) for ${case}: $out"
            failed=1
        fi
    done
    printf 'lrlab: lrlab_core lrlab_cli11 CLI11::CLI11\nlrlab_core: lrlab_deps\n' > "$t/good.txt"
    printf 'lrlab: lrlab_core lrlab_cli11\nlrlab_core: lrlab_deps CLI11::CLI11\n' > "$t/bad.txt"
    [ -z "$(check_links "$t/good.txt")" ] ||
        { echo "self-test: false alarm on links"; failed=1; }
    [ -n "$(check_links "$t/bad.txt")" ] ||
        { echo "self-test: CLI11 in core not caught"; failed=1; }
    [ $failed -eq 0 ] && echo "self-test: every rule catches its violation"
    return $failed
}

if [ "${1:-}" = "--self-test" ]; then
    self_test
    exit $?
fi
SRC=${1:?usage: check_deps.sh SRC_DIR LINK_CLOSURE_FILE | --self-test}
LINKS=${2:?usage: check_deps.sh SRC_DIR LINK_CLOSURE_FILE | --self-test}
[ -d "$SRC/core" ] && [ -f "$LINKS" ] ||
    { echo "check_deps.sh: no $SRC/core or $LINKS" >&2; exit 2; }
report=$( (check_sources "$SRC"; check_links "$LINKS") )
if [ -n "$report" ]; then
    printf '%s\n' "$report"
    n=$(printf '%s\n' "$report" | wc -l)
    echo "the dependency rule is broken (DESIGN.md, Architecture): $n violation(s)"
    exit 1
fi
echo "dependency rule holds: $(find "$SRC/core" -type f | wc -l) core files," \
    "$(wc -l < "$LINKS") targets' links"
