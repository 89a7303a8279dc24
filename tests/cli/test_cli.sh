#!/bin/sh
# CLI contract tests: verbs, columns, exit codes, files and standard input.
#   tests/cli/test_cli.sh LRLAB_COMMAND...     e.g. build/lrlab, or node build-web/lrlab.js
set -u
[ $# -ge 1 ] || { echo "usage: $0 LRLAB_COMMAND..." >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

# expect_status CODE ARGS... : runs lrlab, stdout to $T/out, stderr to $T/err
expect_status() {
    want=$1; shift
    "$LRLAB" "$@" >"$T/out" 2>"$T/err" </dev/null
    got=$?
    if [ "$got" -eq "$want" ]; then ok; else fail "lrlab $* -> $got, expected $want: $(head -c 300 "$T/err")"; fi
}
expect_in() {  # expect_in FILE TEXT
    if grep -qF -- "$2" "$1"; then ok; else fail "$1 lacks '$2': $(head -c 300 "$1")"; fi
}

LRLAB_ARGS="$*"
LRLAB="$T/lrlab"
printf '#!/bin/sh\nexec %s "$@"\n' "$LRLAB_ARGS" >"$LRLAB"
chmod +x "$LRLAB"

# Help and usage
expect_status 0 --help
for verb in run schedule surface validate bench reference; do expect_status 0 "$verb" --help; done
expect_status 2
expect_status 2 frobnicate
expect_status 2 run --no-such-flag "$ROOT/examples/blobs.json"
expect_status 2 run "$T/missing.json"
expect_in "$T/err" "missing.json"
# LRLAB_SIMD names a vector width; anything else is refused, naming it. A width the CPU lacks is
# capped (the numbers are the same at every width). The wasm CLI has one width and sees none of
# node's environment (Emscripten's own), so only the native one is asked.
case "$LRLAB_ARGS" in
*.js*) ;;
*)
    for level in sse2 avx2 avx512; do
        LRLAB_SIMD=$level expect_status 0 validate "$ROOT/examples/blobs.json"
    done
    LRLAB_SIMD=avx3 expect_status 2 validate "$ROOT/examples/blobs.json"
    expect_in "$T/err" "LRLAB_SIMD: expected sse2, avx2 or avx512, got 'avx3'"
    ;;
esac

# run: CSV header, one row per run and evaluation, ordered by step then run
cat >"$T/small.json" <<'JSON'
{"data": {"dataset": "xor", "samples": 100}, "train": {"steps": 30, "eval_every": 10},
 "runs": [{"name": "a, quoted \"name\"", "optimizer": {"type": "sgd"}},
          {"name": "b", "optimizer": {"type": "adam"}}]}
JSON
expect_status 0 run "$T/small.json"
head -1 "$T/out" >"$T/header"
expect_in "$T/header" "run,step,epoch,lr,train_loss,test_loss,train_acc,test_acc,grad_norm,clipped_grad_norm,diverged"
[ "$(wc -l <"$T/out")" -eq 9 ] && ok || fail "expected 9 lines, got $(wc -l <"$T/out")"
expect_in "$T/out" '"a, quoted ""name""",0,0,0.03,'
sed -n 3p "$T/out" | grep -q '^b,0,' && ok || fail "rows not ordered by step then run"
# standard input and --out
"$LRLAB" run - --out "$T/stdin.csv" <"$T/small.json" && ok || fail "run - failed"
cmp -s "$T/out" "$T/stdin.csv" && ok || fail "stdin output differs"
# JSONL
expect_status 0 run "$T/small.json" --format jsonl
[ "$(wc -l <"$T/out")" -eq 8 ] && ok || fail "jsonl: expected 8 lines"
expect_in "$T/out" '"grad_norm":null'
expect_in "$T/out" '"diverged":false'
expect_status 2 run "$T/small.json" --format xml

# Invalid configs: exit 2, the message names the key
echo '{"runs": [{"optimizer": {"type": "sgd"}}, {"optimizer": {"type": "sgd", "lr": -1}}]}' >"$T/bad.json"
expect_status 2 run "$T/bad.json"
expect_in "$T/err" "runs[1].optimizer.lr"
echo '{"runs": [' >"$T/syntax.json"
expect_status 2 run "$T/syntax.json"
expect_in "$T/err" "line"
expect_status 2 validate "$T/bad.json"
expect_in "$T/out" "runs[1].optimizer.lr"
expect_status 0 validate "$ROOT/examples/lr-compare.json"

# A diverging run is data, not an error
cat >"$T/diverge.json" <<'JSON'
{"data": {"dataset": "reg_plane"}, "model": {"activation": "linear"}, "train": {"steps": 50},
 "runs": [{"name": "huge", "optimizer": {"type": "sgd", "lr": 100}}]}
JSON
expect_status 0 run "$T/diverge.json"
tail -1 "$T/out" | grep -q ',1$' && ok || fail "diverged run not marked: $(tail -1 "$T/out")"

# schedule
expect_status 0 schedule '{"type": "step", "step_size": 2, "gamma": 0.5}' --lr 1 --steps 5
printf 'step,lr\n0,1\n1,1\n2,0.5\n3,0.5\n4,0.25\n' >"$T/want"
cmp -s "$T/out" "$T/want" && ok || fail "schedule output: $(cat "$T/out")"
expect_status 0 schedule '{"type": "reduce_on_plateau"}' --lr 0.1 --steps 3
expect_in "$T/err" "reduce_on_plateau"
expect_status 2 schedule '{"type": "cosine", "T_max": -3}' --lr 0.1 --steps 10
expect_in "$T/err" "T_max"
expect_status 2 schedule '{"type": ' --lr 0.1 --steps 10

# surface
expect_status 0 surface "$ROOT/examples/surface-rosenbrock.json"
expect_in "$T/out" "run,step,x,y,loss,lr,grad_norm"
expect_in "$T/out" "sgd,0,-1.5,2,"
[ "$(wc -l <"$T/out")" -eq $((1 + 5 * 301)) ] && ok || fail "surface rows: $(wc -l <"$T/out")"
echo '{"function": "nope", "runs": []}' >"$T/badsurf.json"
expect_status 2 surface "$T/badsurf.json"
expect_in "$T/err" "function"

# reference
expect_status 0 reference
expect_in "$T/out" "optimizer.lr"

# export-torch (tests/torch/ runs the scripts against PyTorch)
expect_status 0 export-torch --help
expect_status 0 export-torch "$ROOT/examples/lr-compare.json" --run "adam cosine"
expect_in "$T/out" "lr_scheduler.CosineAnnealingLR("
expect_in "$T/out" "def print_lrs(n, momentum=False, out=None):"
cp "$T/out" "$T/adam.py"
"$LRLAB" export-torch - --run "adam cosine" --out "$T/adam2.py" <"$ROOT/examples/lr-compare.json" &&
    cmp -s "$T/adam.py" "$T/adam2.py" && ok || fail "export-torch: stdin and --out differ"
expect_status 2 export-torch "$ROOT/examples/lr-compare.json" --run "no such run"
expect_in "$T/err" "--run: no run named"
printf '%s' '{"runs": [{"optimizer": {"type": "adam"}, "schedule": {"type": "cyclic",
  "cycle_momentum": true}}]}' >"$T/refused.json"
expect_status 2 export-torch "$T/refused.json"
expect_in "$T/err" "runs[0].schedule.cycle_momentum"
# lessons, lesson, check-lesson: the lessons as data with checkable claims (issue 11)
for verb in lessons lesson check-lesson; do expect_status 0 "$verb" --help; done
expect_status 0 lessons
expect_in "$T/out" '"name": "good-lr"'
expect_in "$T/out" '"claims": ['
expect_status 0 lesson lr-too-high --seed 7
expect_in "$T/out" '"seed": 7'
"$LRLAB" lesson lr-too-high --seed 7 --out "$T/lesson.json" && ok || fail "lesson --out failed"
expect_status 0 run "$T/lesson.json"
expect_status 0 check-lesson lr-too-high --seed 2
expect_in "$T/out" "claim,text,result,left,op,right"
expect_in "$T/out" "3,sgd 0.3 diverges,held,1,==,1"
expect_status 3 check-lesson schedules --seed 17  # the constant LR ends lower at this seed
expect_in "$T/out" ",failed,"
# The lessons of issues 9, 10 and 13 hold at every seed of 1-10 (tests/core/lessons: all ten).
for lesson in lr-finder cross-validation your-data; do expect_status 0 check-lesson $lesson --seed 4; done
expect_status 2 check-lesson no-such-lesson
expect_in "$T/err" '"no-such-lesson"'
expect_in "$T/err" "good-lr, lr-too-low"
expect_status 2 lesson good-lr --seed -1
expect_in "$T/err" "--seed"
expect_status 2 check-lesson

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
