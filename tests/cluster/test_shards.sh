#!/bin/sh
# `lrlab sweep --shard` and `lrlab merge` through the CLI (native, or the node build): shards
# merge into the unsharded bytes (also with more shards than cells, and --shard auto/N from
# SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX); merge refuses missing, duplicate and foreign
# shards; bad flags exit 2 naming the flag, before anything runs.
#   tests/cluster/test_shards.sh build/lrlab
#   tests/cluster/test_shards.sh node --no-experimental-fetch build-web/lrlab.js
set -u
[ $# -ge 1 ] || { echo "usage: $0 LRLAB..." >&2; exit 2; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
failed=0
passed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

cat > "$T/c.json" <<'JSON'
{"seed": 2, "data": {"dataset": "moons", "samples": 120, "noise": 0.1},
 "model": {"hidden": [6], "activation": "tanh"}, "train": {"steps": 60, "eval_every": 10},
 "runs": [{"name": "other", "optimizer": {"type": "adam"}},
          {"name": "base", "optimizer": {"type": "sgd", "lr": 0.1, "momentum": 0.5}}]}
JSON
GRID="--run base --lr-range 0.01:1:3 --optimizers sgd,adam --target-loss 0.5"
"$@" sweep "$T/c.json" $GRID --out "$T/full.csv" || fail "unsharded sweep exits $?"
[ "$(wc -l < "$T/full.csv")" -eq 7 ] && ok || fail "6 cells expected"

# A row is what `lrlab run` prints for its cell: cell 3 = (the second LR, adam), base run "base".
lr=$(awk -F, '$1 == 3 { print $3 }' "$T/full.csv")
cat > "$T/cell3.json" <<JSON
{"seed": 2, "data": {"dataset": "moons", "samples": 120, "noise": 0.1},
 "model": {"hidden": [6], "activation": "tanh"}, "train": {"steps": 60, "eval_every": 10},
 "runs": [{"name": "base", "optimizer": {"type": "adam", "lr": $lr}}]}
JSON
"$@" run "$T/cell3.json" > "$T/cell3.csv" || fail "run of cell 3's config"
want=$(awk -F, 'NR > 1 { if (best == "" || $6 + 0 < best + 0) { best = $6; at = $2 }
                         if (hit == "" && $6 + 0 <= 0.5) hit = $2; last = $0 }
                END { split(last, f, ","); print f[5] "," f[6] "," best "," at "," f[8] "," hit "," f[11] }' \
            "$T/cell3.csv")
got=$(awk -F, '$1 == 3 { print $5 "," $6 "," $7 "," $8 "," $9 "," $10 "," $11 }' "$T/full.csv")
[ -n "$got" ] && [ "$got" = "$want" ] && ok || fail "cell 3: sweep $got, run $want"

# Shards, for N = 4 and N = 9 (> 6 cells: shards 6..8 hold only the header).
for n in 4 9; do
    i=0; files=""
    while [ $i -lt $n ]; do
        "$@" sweep "$T/c.json" $GRID --shard $i/$n --out "$T/s$n-$i.csv" || fail "shard $i/$n"
        files="$files $T/s$n-$i.csv"; i=$((i + 1))
    done
    "$@" merge $files --out "$T/m$n.csv" && cmp -s "$T/m$n.csv" "$T/full.csv" && ok ||
        fail "merge of $n shards differs from the unsharded sweep"
done
[ "$(cat "$T/s9-7.csv")" = "$(head -1 "$T/full.csv")" ] && ok || fail "empty shard not header-only"

# --shard auto/N reads the scheduler's index.
SLURM_ARRAY_TASK_ID=2 "$@" sweep "$T/c.json" $GRID --shard auto/4 > "$T/auto.csv"
cmp -s "$T/auto.csv" "$T/s4-2.csv" && ok || fail "SLURM_ARRAY_TASK_ID=2 --shard auto/4"
JOB_COMPLETION_INDEX=3 "$@" sweep "$T/c.json" $GRID --shard auto/4 > "$T/auto.csv"
cmp -s "$T/auto.csv" "$T/s4-3.csv" && ok || fail "JOB_COMPLETION_INDEX=3 --shard auto/4"

refuses() {  # refuses WHAT PATTERN CMD... : exit 2 and a message matching PATTERN, no stdout
    what=$1; pattern=$2; shift 2
    "$@" > "$T/out" 2> "$T/err"; rc=$?
    if [ $rc -eq 2 ] && grep -q -- "$pattern" "$T/err" && [ ! -s "$T/out" ]; then ok
    else fail "$what: exit $rc, stderr: $(head -c 300 "$T/err")"; fi
}
F="$T/s4-0.csv $T/s4-1.csv $T/s4-2.csv $T/s4-3.csv"
refuses "missing shard" "missing cells 1 " "$@" merge "$T/s4-0.csv" "$T/s4-2.csv" "$T/s4-3.csv"
refuses "duplicate shard" "duplicate cell 2" "$@" merge $F "$T/s4-2.csv"
"$@" sweep "$T/c.json" --run base --lr-range 0.01:1:3 --optimizers sgd,rmsprop --shard 1/4 \
    > "$T/foreign.csv"
refuses "foreign shard" "another sweep" "$@" merge "$T/s4-0.csv" "$T/foreign.csv" "$T/s4-2.csv" \
    "$T/s4-3.csv"
refuses "not a shard" "not a sweep CSV" "$@" merge "$T/c.json"

# Bad flags: exit 2, the flag named, nothing printed on stdout.
S="$@ sweep $T/c.json"
refuses "--lr-range" "--lr-range" $S --lr-range 1:x:3
refuses "--optimizers" "--optimizers: unknown optimizer \"adamm\"" $S --optimizers sgd,adamm
refuses "--shard I >= N" "--shard: I must be in 0..N-1" $S --shard 4/4
refuses "--shard text" "--shard" $S --shard two/4
refuses "--shard auto" "SLURM_ARRAY_TASK_ID" env -u SLURM_ARRAY_TASK_ID -u JOB_COMPLETION_INDEX \
    $S --shard auto/4
refuses "--param alone" "--param and --values come in pairs" $S --param train.l2
refuses "--values" "--values (for --param train.l2)" $S --param train.l2 --values 1,x
refuses "--param path" "--param" $S --param 'runs[7].optimizer.lr' --values 1,2
refuses "--target-loss" "--target-loss" $S --target-loss low
refuses "--fair alone" "--fair" $S --fair
refuses "--run" "--run: no run named \"nope\"" $S --run nope
refuses "invalid cell" "cell 1 (adam, lr=0.001, runs\[0\].optimizer.momentum=0.9)" \
    $S --optimizers sgd,adam --param 'runs[0].optimizer.momentum' --values 0.9
refuses "unknown flag" "--bogus" $S --bogus

# --fair writes each optimizer's best LR.
"$@" sweep "$T/c.json" $GRID --fair --best-json "$T/best.json" > /dev/null &&
    grep -q '"optimizer": "adam"' "$T/best.json" && ok || fail "--fair --best-json"
"$@" merge $F --fair --best-json "$T/best2.json" > /dev/null &&
    cmp -s "$T/best.json" "$T/best2.json" &&
    ok || fail "merge --fair gives the sweep's best JSON"

echo "shards: $passed passed, $failed failed"
[ $failed -eq 0 ]
