#!/bin/sh
# The config boundary of the CLI (issue 8 item 3, issue 14 item 1): JSON text over 4 MiB, nested
# deeper than 64, or with more than 64 numbers out of range, and configs whose history (runs ×
# evaluations) is over 1,000,000 rows, are refused with exit 2 and a message naming the limit,
# fast and without building anything. The largest valid configs still pass.
#   tests/cli/test_limits.sh LRLAB_COMMAND...     e.g. build/lrlab, or node build-web/lrlab.js
set -u
[ $# -ge 1 ] || { echo "usage: $0 LRLAB_COMMAND..." >&2; exit 2; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

LRLAB_ARGS="$*"
LRLAB="$T/lrlab"
printf '#!/bin/sh\nexec %s "$@"\n' "$LRLAB_ARGS" >"$LRLAB"
chmod +x "$LRLAB"

# expect VERB FILE CODE TEXT: `lrlab VERB FILE` exits CODE within 20 s, its output holds TEXT
# (validate prints what is wrong on stdout, run on stderr)
expect() {
    start=$(date +%s)
    timeout 20 "$LRLAB" "$1" "$2" >"$T/out" 2>"$T/err" </dev/null
    got=$?
    took=$(( $(date +%s) - start ))
    if [ "$got" -ne "$3" ]; then
        fail "lrlab $1 $(basename "$2") -> $got, expected $3 (${took}s): $(head -c 300 "$T/err")"
    elif [ -n "$4" ] && ! cat "$T/out" "$T/err" | grep -qF -- "$4"; then
        fail "lrlab $1 $(basename "$2"): output lacks '$4': $(cat "$T/out" "$T/err" | head -c 300)"
    else
        ok
    fi
}

# 100,000 nested '[': took 47 s and 17.8 GB before the depth limit.
python3 -c 'print("[" * 100000)' >"$T/deep.json"
expect validate "$T/deep.json" 2 "nested more than 64 arrays and objects deep (the limit is 64)"
expect run "$T/deep.json" 2 "the limit is 64"
# Deep inside a config: the message names where.
python3 -c 'print("{\"seed\": " + "[" * 70 + "]" * 70 + "}")' >"$T/deep-seed.json"
expect validate "$T/deep-seed.json" 2 "seed[0][0]"
# 64 levels are read (then the validator says what is wrong with the value).
python3 -c 'print("{\"seed\": " + "[" * 63 + "]" * 63 + "}")' >"$T/deep-ok.json"
expect validate "$T/deep-ok.json" 2 "seed"
cat "$T/out" "$T/err" | grep -q "nested" && fail "63 nested arrays inside an object were refused as too deep" || ok

# Over 64 MiB of text, or over 2,000,000 values: refused before parsing (a 70 MB run name, a
# 2,500,000-entry hidden list).
python3 -c 'print("{\"runs\": [{\"name\": \"" + "x" * 70000000 + "\"}]}")' >"$T/big-name.json"
expect validate "$T/big-name.json" 2 "the limit is 64 MiB (67108864 bytes)"
rm -f "$T/big-name.json"
python3 -c 'print("{\"model\": {\"hidden\": [" + ",".join(["8"] * 2500000) + "]}}")' >"$T/big-hidden.json"
expect run "$T/big-hidden.json" 2 "values (numbers, strings, arrays, ...); the limit is 2000000"
# Under the limit, a long list is an ordinary validation error, named by its path.
python3 -c 'print("{\"model\": {\"hidden\": [" + ",".join(["8"] * 700000) + "]}}")' >"$T/long-hidden.json"
expect validate "$T/long-hidden.json" 2 "model.hidden"

# Numbers out of range are read in one pass (16,000 of them, 2 MB: once 10 s for 999) and each is
# reported at its path, the last one included.
python3 - "$T/overflow.json" <<'PY'
import sys
runs = ",".join('{"name": "r%d", "changes": [%s]}' % (r, ",".join(
    '{"at": %d, "path": "optimizer.lr", "value": 1e999}' % k for k in range(1000)))
    for r in range(16))
open(sys.argv[1], "w").write('{"train": {"steps": 1000}, "runs": [%s]}' % runs)
PY
expect validate "$T/overflow.json" 2 "runs[15].changes[999].value: must be finite, got inf"

# The history budget: 16 runs evaluated every step.
runs() { python3 -c "import json,sys; print(json.dumps({'train': {'steps': int(sys.argv[1]), 'eval_every': 1}, 'runs': [{'optimizer': {'type': 'sgd'}}] * 16}))" "$1"; }
runs 62500 >"$T/budget-over.json"
expect validate "$T/budget-over.json" 2 "train.eval_every: the history would hold 16 runs × 62,501 evaluations = 1,000,016 rows; the limit is 1,000,000"
runs 62499 >"$T/budget-edge.json"
expect validate "$T/budget-edge.json" 0 ""

# The largest kind of valid config: 16 runs with 1000 changes each (about 1 MB) is read.
python3 - "$T/changes.json" <<'PY'
import json, sys
runs = [{"name": "r%d" % i, "optimizer": {"type": "sgd"},
         "changes": [{"at": k, "path": "optimizer.lr", "value": 0.001 * (k % 7 + 1)}
                     for k in range(1000)]} for i in range(16)]
json.dump({"train": {"steps": 1000}, "runs": runs}, open(sys.argv[1], "w"), indent=2)
PY
expect validate "$T/changes.json" 0 ""

# The work and memory budget (issue 14): every size at its bound is refused, naming the keys.
python3 - "$T/bounds.json" <<'PY'
import json, sys
json.dump({"data": {"dataset": "digits8x8", "samples": 20000}, "model": {"hidden": [256] * 8},
           "train": {"steps": 1000000, "batch_size": 10000, "eval_every": 1000000},
           "runs": [{"name": "r%d" % i, "optimizer": {"type": "adam"}} for i in range(16)]},
          open(sys.argv[1], "w"))
PY
expect run "$T/bounds.json" 2 "train.steps: training and evaluating would take about"
expect validate "$T/bounds.json" 2 "train.batch_size: the runs would need about"

# Overflowing schedules are refused at their key; surface run names follow run's rule.
echo '{"runs": [{"schedule": {"type": "exponential", "gamma": 1e300}}]}' >"$T/gamma.json"
expect run "$T/gamma.json" 2 "runs[0].schedule.gamma: gives a non-finite LR (inf) at step 2"
printf '{"runs": [{"name": "a\\nb"}]}' >"$T/surface-name.json"
expect surface "$T/surface-name.json" 2 "runs[0].name: must not contain control characters"

echo "limits: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
