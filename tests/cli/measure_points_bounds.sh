#!/bin/sh
# Measures the largest own data lrlab accepts inline (issue 13, issue 14 "Resource limits"):
# 20,000 rows of 64 inputs and a class label, every input the longest shortest-repr double
# (24 characters), as one JSON config. Prints its size and what `lrlab validate` and a short
# `lrlab run` cost (wall time, CPU, peak memory). Not a test: it takes tens of seconds.
# Usage: tests/cli/measure_points_bounds.sh build/lrlab
set -eu
LRLAB=${1:-build/lrlab}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
python3 - "$T/big.json" <<'PY'
import json, random, sys
random.seed(1)
rows = []
for r in range(20000):
    # -x.xxxxxxxxxxxxxxxxe-3xx: 24 characters in shortest repr
    rows.append([-random.uniform(1, 9.9) * 1e-300 for _ in range(64)] + [r % 2])
cfg = {"data": {"dataset": "points", "points": rows},
       "train": {"steps": 20, "eval_every": 10, "batch_size": 32},
       "runs": [{"name": "sgd", "optimizer": {"type": "sgd", "lr": 0.1}}]}
open(sys.argv[1], "w").write(json.dumps(cfg, separators=(",", ":")))
PY
echo "config: $(wc -c <"$T/big.json") bytes"
for verb in validate run; do
    /usr/bin/time -f "$verb: exit %x, %e s wall, %U s user, %M KB peak" \
        "$LRLAB" "$verb" "$T/big.json" >"$T/out" 2>"$T/err" || true
    tail -n 1 "$T/err"
    [ "$verb" = run ] && echo "run: $(wc -l <"$T/out") CSV lines"
done
