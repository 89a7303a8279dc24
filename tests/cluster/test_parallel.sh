#!/bin/sh
# A sweep sharded over GNU parallel (Debian's `parallel`) merges into the unsharded bytes:
#   parallel lrlab sweep CFG --shard {}/8 --out s{}.csv ::: 0 1 2 3 4 5 6 7; lrlab merge s*.csv
#   tests/cluster/test_parallel.sh build/lrlab
set -u
[ $# -eq 1 ] || { echo "usage: $0 LRLAB" >&2; exit 2; }
L=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
CFG=$(cd "$(dirname "$0")" && pwd)/sweep_config.json
command -v parallel > /dev/null ||
    { echo "FAIL: GNU parallel is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
GRID="--lr-range 0.001:10:7 --optimizers sgd,adam --target-loss 0.6"
"$L" sweep "$CFG" $GRID --out "$T/full.csv" || { echo "FAIL: unsharded sweep" >&2; exit 1; }
parallel --will-cite --halt now,fail=1 -j 2 "$L" sweep "$CFG" $GRID --shard {}/8 \
    --out "$T/s{}.csv" ::: 0 1 2 3 4 5 6 7 || { echo "FAIL: a parallel shard failed" >&2; exit 1; }
"$L" merge "$T"/s*.csv --out "$T/merged.csv" || { echo "FAIL: merge" >&2; exit 1; }
if cmp "$T/merged.csv" "$T/full.csv"; then
    cells=$(($(wc -l < "$T/full.csv") - 1))
    echo "parallel: 8 shards of $cells cells merge into the unsharded sweep"
else
    echo "FAIL: the merged shards differ from the unsharded sweep" >&2
    exit 1
fi
