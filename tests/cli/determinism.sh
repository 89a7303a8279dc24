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
# The tuning verbs (lr-find, cv): the curve and the folds' scores, then the JSON alone.
tuning() {  # tuning NAME JSON_FLAG ARGS...
    name=$1; flag=$2; shift 2
    compare "$name" "$@"
    compare "$name json" "$@" --out /dev/null "$flag" /dev/stdout
}
for run in "sgd 0.03" "adam cosine" "sgd 3 clipped"; do
    tuning "lr-find $run" --suggest-json lr-find "$ROOT/examples/lr-compare.json" --run "$run"
done
tuning "lr-find linear on test" --suggest-json lr-find "$ROOT/examples/blobs.json" \
    --mode linear --start-lr 1e-4 --end-lr 3 --num-iter 60 --on test
tuning "cv lr" --summary-json cv "$ROOT/examples/lr-compare.json" --values log:0.003:3:4 --folds 3
tuning "cv l2 regression" --summary-json cv "$ROOT/examples/regression.json" --param train.l2 \
    --values lin:0:0.01:3 --folds 4
compare "invalid config" validate "$ROOT/tests/cli/determinism.sh"
# Sweeps and their merge (tests/cluster): the same cells, shards and merged bytes under node.
SWEEP="$ROOT/tests/cluster/sweep_config.json"
compare "sweep" sweep "$SWEEP" --lr-range 0.001:10:7 --optimizers sgd,adam,rmsprop --target-loss 0.6
compare "sweep --param" sweep "$SWEEP" --lr-range 0.01:1:2 --param train.l2 --values 0,0.001
for i in 0 1 2; do
    "$NATIVE" sweep "$SWEEP" --lr-range 0.001:10:4 --shard $i/3 --out "$T/shard$i.csv" 2>/dev/null
    compare "sweep --shard $i/3" sweep "$SWEEP" --lr-range 0.001:10:4 --shard $i/3
done
compare "merge" merge "$T/shard2.csv" "$T/shard0.csv" "$T/shard1.csv"
compare "merge refusal" merge "$T/shard0.csv" "$T/shard2.csv"
# Your own data (issue 13): a semicolon CSV with decimal commas and 3 classes; 64 inputs.
python3 - "$T" <<'EOF'
import sys
t = sys.argv[1]
with open(t + '/own.csv', 'w') as f:
    f.write('a;b;label\n')
    for i in range(90):
        f.write(('%.3f;%.3f;%d\n' % ((i * 37 % 101) / 17 - 3, (i * 53 % 97) / 16 - 3, i % 3)).replace('.', ','))
with open(t + '/own64.csv', 'w') as f:
    f.write(','.join('p%d' % k for k in range(64)) + ',y\n')
    for i in range(60):
        f.write(','.join('%.4f' % (((i * 13 + k * 7) % 17) / 16) for k in range(64)) + ',%d\n' % (i % 2))
EOF
echo '{"train": {"steps": 200, "batch_size": 8}, "model": {"hidden": [8, 8], "activation": "relu"},
 "data": {"features": ["x1", "x2", "x1_x2", "sin_x1"]},
 "runs": [{"optimizer": {"type": "adam", "lr": 0.01}}, {"optimizer": {"type": "sgd", "lr": 0.5}}]}' \
    >"$T/own.json"
compare "points csv" run "$T/own.json" --points "$T/own.csv"
echo '{"train": {"steps": 100, "batch_size": 8}, "runs": [{"optimizer": {"type": "adam"}}]}' \
    >"$T/own64.json"
compare "points csv 64 inputs" run "$T/own64.json" --points "$T/own64.csv"
for run in "sgd 0.03" "adam cosine" "sgd 3 clipped"; do
    compare "export-torch $run" export-torch "$ROOT/examples/lr-compare.json" --run "$run"
done
compare "export-torch schedules" export-torch "$ROOT/examples/schedules.json"
compare "lessons" lessons
compare "check-lesson lr-too-high" check-lesson lr-too-high --seed 4
compare "check-lesson schedules (a claim fails)" check-lesson schedules --seed 17
# your-data's record is built from the circle generator: the same text native and under node.
compare "lesson your-data" lesson your-data --seed 3
compare "check-lesson your-data" check-lesson your-data --seed 3
compare "check-lesson lr-finder" check-lesson lr-finder --seed 6

echo "determinism: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
