#!/bin/sh
# Determinism across builds: the native CLI and the wasm CLI under node must print the same
# bytes for the same configs (DESIGN.md, Determinism).
#   tests/cli/determinism.sh build/lrlab build-web/lrlab.js
set -u
[ $# -eq 2 ] || { echo "usage: $0 NATIVE_LRLAB LRLAB_JS" >&2; exit 2; }
NATIVE=$1
WASM="node --no-experimental-fetch $2"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
passed=0
failed=0

compare() {  # compare NAME ARGS...
    name=$1; shift
    "$NATIVE" "$@" >"$T/native" 2>/dev/null; a=$?
    $WASM "$@" >"$T/wasm" 2>/dev/null; b=$?
    if [ "$a" -eq "$b" ] && cmp -s "$T/native" "$T/wasm"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $name differs (exit $a vs $b)" >&2
        diff "$T/native" "$T/wasm" | head -6 >&2
    fi
}

for config in "$ROOT"/examples/*.json; do
    case "$config" in
        */surface-*) compare "$(basename "$config")" surface "$config" ;;
        *) compare "$(basename "$config")" run "$config"
           compare "$(basename "$config") jsonl" run "$config" --format jsonl ;;
    esac
done
for s in '{"type":"cosine","T_max":37}' '{"type":"one_cycle","three_phase":true}' \
         '{"type":"cyclic","mode":"exp_range","gamma":0.999}' '{"type":"exponential"}' \
         '{"type":"polynomial","power":2.5}' '{"type":"cosine_warm_restarts","T_mult":2}'; do
    compare "schedule $s" schedule "$s" --lr 0.1 --steps 400
done
compare "invalid config" validate "$ROOT/tests/cli/determinism.sh"
compare "lessons" lessons
compare "check-lesson lr-too-high" check-lesson lr-too-high --seed 4
compare "check-lesson schedules (a claim fails)" check-lesson schedules --seed 17

echo "determinism: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
