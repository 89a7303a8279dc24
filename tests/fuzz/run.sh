#!/bin/sh
# Runs every libFuzzer target of a LRLAB_FUZZ build for a bounded time each (issue 14,
# "Parsers, fuzzed") and prints one line per target: executions, executions per second, corpus
# size and findings. The committed seed corpus (tests/fuzz/corpus/NAME) is read, never written:
# new inputs go to a scratch corpus, findings to OUT/NAME/ (crash-*, timeout-*, oom-*), which
# should be added to tests/fuzz/corpus/NAME once fixed.
#   tests/fuzz/run.sh BUILD_FUZZ_DIR SECONDS [OUT_DIR]
# Exit 1 when a target has a finding.
set -u
[ $# -ge 2 ] || { echo "usage: $0 BUILD_FUZZ_DIR SECONDS [OUT_DIR]" >&2; exit 2; }
BUILD=$1
SECONDS_EACH=$2
OUT=${3:-$(mktemp -d)}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT"
# Targets run JOBS at a time (default: one per core), each on a core of its own, so that make
# test spends SECONDS x targets / cores, not SECONDS x targets.
JOBS=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}

fuzz_one() {  # NAME BINARY: one target for SECONDS_EACH, its log in $OUT/NAME/log.txt
    seeds="$HERE/corpus/$1"
    work="$OUT/$1/corpus"
    mkdir -p "$work" "$OUT/$1"
    dict=""
    [ -f "$HERE/$1.dict" ] && dict="-dict=$HERE/$1.dict"
    # -max_len 65600: the 64 KiB strings of the issue fit; -timeout 10 s and -rss_limit_mb 2048
    # make a slow or hungry input a finding, as a crash is.
    "$2" -max_total_time="$SECONDS_EACH" -print_final_stats=1 -max_len=65600 -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="$OUT/$1/" $dict "$work" "$seeds" \
        >"$OUT/$1/log.txt" 2>&1
}

names=""
running=0
for bin in "$BUILD"/fuzz_*; do
    [ -x "$bin" ] || continue
    name=$(basename "$bin" | sed 's/^fuzz_//')
    names="$names $name"
    fuzz_one "$name" "$bin" &
    running=$((running + 1))
    if [ "$running" -ge "$JOBS" ]; then
        wait
        running=0
    fi
done
wait

status=0
printf '%-11s %12s %8s %8s %9s\n' target executions exec/s corpus findings
for name in $names; do
    work="$OUT/$name/corpus"
    stat() { sed -n "s/^stat::$1: *//p" "$OUT/$name/log.txt" | tail -1; }
    findings=$(find "$OUT/$name" -maxdepth 1 -name 'crash-*' -o -maxdepth 1 -name 'timeout-*' \
               -o -maxdepth 1 -name 'oom-*' -o -maxdepth 1 -name 'leak-*' | wc -l)
    corpus=$(find "$work" -type f | wc -l)
    printf '%-11s %12s %8s %8s %9s\n' "$name" "$(stat number_of_executed_units)" \
        "$(stat average_exec_per_sec)" "$corpus" "$findings"
    if [ "$findings" -gt 0 ]; then
        status=1
        grep -m 3 -E 'ERROR|oracle failed|runtime error' "$OUT/$name/log.txt" >&2
        echo "  findings in $OUT/$name/" >&2
    fi
done
exit $status
