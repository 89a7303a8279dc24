#!/bin/sh
# CLI contract tests of the tuning verbs lr-find and cv (DESIGN.md, "Choosing the LR"): columns,
# JSON shapes, files and standard input, and exit 2 naming the flag or path for bad arguments.
#   tests/cli/test_tuning.sh LRLAB_COMMAND...     e.g. build/lrlab, or node build-web/lrlab.js
set -u
[ $# -ge 1 ] || { echo "usage: $0 LRLAB_COMMAND..." >&2; exit 2; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

expect_status() {  # expect_status CODE ARGS... : stdout to $T/out, stderr to $T/err
    want=$1; shift
    "$LRLAB" "$@" >"$T/out" 2>"$T/err" </dev/null
    got=$?
    if [ "$got" -eq "$want" ]; then ok; else fail "lrlab $* -> $got, expected $want: $(head -c 300 "$T/err")"; fi
}
expect_in() {  # expect_in FILE TEXT
    if grep -qF -- "$2" "$1"; then ok; else fail "$1 lacks '$2': $(head -c 300 "$1")"; fi
}
expect_error() {  # expect_error TEXT ARGS... : exit 2, TEXT on stderr, nothing on stdout
    text=$1; shift
    expect_status 2 "$@"
    expect_in "$T/err" "$text"
    [ -s "$T/out" ] && fail "lrlab $* printed output before failing" || ok
}

LRLAB_ARGS="$*"
LRLAB="$T/lrlab"
printf '#!/bin/sh\nexec %s "$@"\n' "$LRLAB_ARGS" >"$LRLAB"
chmod +x "$LRLAB"

cat >"$T/c.json" <<'JSON'
{"data": {"dataset": "circle", "samples": 120, "noise": 0.1}, "model": {"hidden": [6]},
 "train": {"steps": 30, "batch_size": 10, "eval_every": 10},
 "runs": [{"name": "sgd", "optimizer": {"type": "sgd", "lr": 0.1, "momentum": 0.9},
           "schedule": {"type": "cosine"}},
          {"name": "adam", "optimizer": {"type": "adam", "lr": 0.01}}]}
JSON

# ---- lr-find ----
expect_status 0 lr-find --help
expect_status 0 lr-find "$T/c.json" --num-iter 30 --suggest-json "$T/s.json"
head -1 "$T/out" >"$T/header"
expect_in "$T/header" "iter,lr,loss,smoothed_loss"
sed -n 2p "$T/out" | grep -q '^0,1e-07,' && ok || fail "first row is not iteration 0 at 1e-07"
expect_in "$T/s.json" '"suggestions"'
expect_in "$T/s.json" '"steepest"'
expect_in "$T/s.json" '"minimum"'
expect_in "$T/s.json" '"valley"'
expect_in "$T/s.json" '"stopped_early"'
expect_in "$T/s.json" '"stop_iter"'
expect_in "$T/s.json" '"note"'
rows=$(($(wc -l <"$T/out") - 1))
if grep -q '"stop_iter": null' "$T/s.json"; then
    [ "$rows" -eq 30 ] && ok || fail "30 iterations without a stop, got $rows rows"
else
    [ "$rows" -le 30 ] && ok || fail "stopped early with $rows rows"
fi
cp "$T/out" "$T/first.csv"
"$LRLAB" lr-find - --num-iter 30 --out "$T/stdin.csv" <"$T/c.json" && ok || fail "lr-find - failed"
cmp -s "$T/first.csv" "$T/stdin.csv" && ok || fail "lr-find from stdin differs"
# The base run by name; the two runs' tests differ (SGD with momentum vs Adam).
expect_status 0 lr-find "$T/c.json" --num-iter 30 --run adam
cmp -s "$T/first.csv" "$T/out" && fail "--run adam gave sgd's curve" || ok
expect_status 0 lr-find "$T/c.json" --num-iter 20 --mode linear --start-lr 0.001 --end-lr 1 \
    --smooth 0 --diverge-th 100 --on test
sed -n 2p "$T/out" | grep -q '^0,0.001,' && ok || fail "linear sweep does not start at 0.001"
tail -1 "$T/out" | grep -q '^19,1,' && ok || fail "linear sweep does not end at 1: $(tail -1 "$T/out")"
# --smooth 0: the smoothed loss is the loss
awk -F, 'NR > 1 && $3 != $4 { bad = 1 } END { exit bad }' "$T/out" && ok || fail "--smooth 0 smooths"
# A blow-up stops early and says so.
expect_status 0 lr-find "$T/c.json" --start-lr 1 --end-lr 1e30 --num-iter 50 --suggest-json "$T/d.json"
expect_in "$T/d.json" '"stopped_early": true'

expect_error "--run" lr-find "$T/c.json" --run nobody
expect_error "--num-iter" lr-find "$T/c.json" --num-iter 1
expect_error "--start-lr" lr-find "$T/c.json" --start-lr 0
expect_error "--end-lr" lr-find "$T/c.json" --start-lr 1 --end-lr 1
expect_error "--end-lr" lr-find "$T/c.json" --start-lr 2 --end-lr 1
expect_error "--smooth" lr-find "$T/c.json" --smooth 1
expect_error "--smooth" lr-find "$T/c.json" --smooth -0.1
expect_error "--diverge-th" lr-find "$T/c.json" --diverge-th 1
expect_status 2 lr-find "$T/c.json" --mode cubic
expect_status 2 lr-find "$T/c.json" --on valid
expect_status 2 lr-find "$T/c.json" --num-iter ten
expect_error "missing.json" lr-find "$T/missing.json"
expect_error "--suggest-json" lr-find "$T/c.json" --num-iter 5 --suggest-json "$T/no/such/dir/s.json"

# ---- cv ----
expect_status 0 cv --help
expect_status 0 cv "$T/c.json" --values 0.01,0.1 --folds 3 --summary-json "$T/cv.json"
head -1 "$T/out" >"$T/header"
expect_in "$T/header" "value,fold,val_loss,val_acc,diverged"
[ "$(wc -l <"$T/out")" -eq 7 ] && ok || fail "cv: expected 7 lines, got $(wc -l <"$T/out")"
sed -n 2p "$T/out" | grep -q '^0.01,0,' && ok || fail "cv: first row is not value 0.01 fold 0"
sed -n 7p "$T/out" | grep -q '^0.1,2,' && ok || fail "cv: rows not by value then fold"
expect_in "$T/cv.json" '"param": "runs[0].optimizer.lr"'
for key in mean_val_loss std_val_loss mean_val_acc std_val_acc diverged_folds '"best"'; do
    expect_in "$T/cv.json" "$key"
done
cp "$T/out" "$T/cv.csv"
"$LRLAB" cv - --values 0.01,0.1 --folds 3 <"$T/c.json" >"$T/cv-stdin.csv" && ok || fail "cv - failed"
cmp -s "$T/cv.csv" "$T/cv-stdin.csv" && ok || fail "cv from stdin differs"
expect_status 0 cv "$T/c.json" --param train.l2 --values lin:0:0.01:2 --folds 2 --run adam
[ "$(wc -l <"$T/out")" -eq 5 ] && ok || fail "cv train.l2: expected 5 lines"
expect_status 0 cv "$T/c.json" --param runs[1].train.batch_size --values 5,20 --folds 2 --run adam --summary-json "$T/bs.json"
expect_in "$T/bs.json" '"param": "runs[1].train.batch_size"'

expect_error "--param" cv "$T/c.json" --param 'runs[3].optimizer.lr' --values 0.1
expect_error "--param" cv "$T/c.json" --param 'runs[0].name' --values 0.1
expect_error "--param" cv "$T/c.json" --param 'runs[0].optimizer.' --values 0.1
expect_error "--values" cv "$T/c.json" --values ''
expect_error "--values" cv "$T/c.json" --values 'log:0:1:3'
expect_error "--values" cv "$T/c.json" --values 'log:-1:1:3'
expect_error "--values" cv "$T/c.json" --values '0.1,abc'
expect_error "runs[0].optimizer.lr" cv "$T/c.json" --values '-0.1,0.1'
expect_error "runs[0].train.batch_size" cv "$T/c.json" --param runs[0].train.batch_size --values 2.5
expect_error "--folds" cv "$T/c.json" --values 0.1 --folds 1
expect_error "--folds" cv "$T/c.json" --values 0.1 --folds 61
expect_error "--run" cv "$T/c.json" --values 0.1 --run nobody
expect_status 2 cv "$T/c.json"
expect_in "$T/err" "--values"
expect_error "missing.json" cv "$T/missing.json" --values 0.1
expect_error "--summary-json" cv "$T/c.json" --values 0.1 --folds 2 --summary-json "$T/no/such/dir/s.json"

echo "tuning: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
