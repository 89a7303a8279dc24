#!/bin/sh
# `make bench-peers`: lrlab against the engines it is compared with, on identical workloads
# (bench/peers/workloads.json: tanh, SGD; W3t and W4s are lrlab's W3 and W4 made comparable).
# Not part of `make test`. Installs what is missing: Debian's python3-torch with
# libopenblas0-pthread (apt), TF.js 4.22 (npm, --no-save, into $BUILD/peers, never committed;
# tfjs-node when its native library downloads, else the wasm backend from npm alone).
# TensorFlow Playground's nn.ts is not packaged (no npm package pins it), so it is left out.
#
# Runs ROUNDS rounds (default 3); each round runs every engine on every workload in a shuffled
# order, so that a change in the machine's load hits all engines alike. Prints a Markdown table
# of the median samples/s over the rounds (process CPU time: the machine may be shared) and the
# median of the per-round ratios of lrlab wasm and native to each peer.
#   sh scripts/bench-peers.sh [BUILD [BUILD_WEB]]
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build}
BUILD_WEB=${2:-$ROOT/build-web}
ROUNDS=${ROUNDS:-3}
WORKLOADS="W1 W2 W3t W4s"
PEERS="$BUILD/peers"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

[ -x "$BUILD/lrlab" ] || { echo "bench-peers: no $BUILD/lrlab (make native)" >&2; exit 2; }
[ -f "$BUILD_WEB/lrlab.js" ] || { echo "bench-peers: no $BUILD_WEB/lrlab.js (make web)" >&2; exit 2; }

# ---- the peers --------------------------------------------------------------------------
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null || ! dpkg -s libopenblas0-pthread >/dev/null 2>&1
then
    apt-get install -y python3-torch libopenblas0-pthread >&2
fi
mkdir -p "$PEERS"
if [ ! -d "$PEERS/node_modules/@tensorflow/tfjs" ]; then
    [ -f "$PEERS/package.json" ] || echo '{"private": true}' > "$PEERS/package.json"
    (cd "$PEERS" && npm install --no-save --no-audit --no-fund @tensorflow/tfjs@4.22.0 \
        @tensorflow/tfjs-backend-wasm@4.22.0 @tensorflow/tfjs-node@4.22.0 >&2) ||
    (cd "$PEERS" && npm install --no-save --no-audit --no-fund @tensorflow/tfjs@4.22.0 \
        @tensorflow/tfjs-backend-wasm@4.22.0 >&2)
fi

# ---- one measurement per engine: CSV rows engine,workload,cpu_samples_per_s,samples_per_s --
lrlab_rows() {  # lrlab_rows ENGINE COMMAND...
    engine=$1; shift
    for w in $WORKLOADS; do
        "$@" bench --workload "$w" --repeats 3 | awk -F, -v e="$engine" \
            'NR > 1 { print e "," $1 "," $(NF-1) "," $(NF-3) }'
    done
}
run_engine() {
    case $1 in
        native) lrlab_rows lrlab-native "$BUILD/lrlab" ;;
        native-avx2) lrlab_rows lrlab-native-avx2 env LRLAB_SIMD=avx2 "$BUILD/lrlab" ;;
        wasm) lrlab_rows lrlab-wasm node --no-experimental-fetch "$BUILD_WEB/lrlab.js" ;;
        torch) OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 "$ROOT/bench/peers/torch_peer.py" \
                   "$ROOT/bench/peers/workloads.json" $WORKLOADS ;;
        tfjs) TF_NUM_INTRAOP_THREADS=1 TF_NUM_INTEROP_THREADS=1 TF_CPP_MIN_LOG_LEVEL=2 \
                  node "$ROOT/bench/peers/tfjs_peer.mjs" "$PEERS/node_modules" \
                  "$ROOT/bench/peers/workloads.json" $WORKLOADS ;;
    esac
}

echo "bench-peers: $(date -u '+%Y-%m-%d %H:%M UTC'), $(grep -m1 'model name' /proc/cpuinfo |
    cut -d: -f2 | sed 's/^ //'), $(nproc) cores, load$(uptime | sed 's/.*load average//')" >&2
# On a CPU with AVX-512 the native build runs its avx512 level; its AVX2 path is measured too,
# as what a CPU without AVX-512 would run (LRLAB_SIMD=avx2, math/simd.hpp).
ENGINES='native wasm torch tfjs'
"$BUILD/lrlab" bench --workload W1 --repeats 1 | grep -q ',avx512$' && ENGINES="$ENGINES native-avx2"
round=1
while [ "$round" -le "$ROUNDS" ]; do
    for engine in $(printf '%s\n' $ENGINES | shuf); do
        echo "bench-peers: round $round: $engine" >&2
        run_engine "$engine" | sed "s/^/$round,/" >> "$OUT/rows.csv"
    done
    round=$((round + 1))
done

# ---- the table ----------------------------------------------------------------------------
/usr/bin/python3 - "$OUT/rows.csv" "$WORKLOADS" <<'PY'
import collections, statistics, sys
rows = [l.strip().split(",") for l in open(sys.argv[1]) if l.strip()]
workloads = sys.argv[2].split()
rate = collections.defaultdict(dict)           # (engine, workload) -> {round: cpu rate}
for rnd, engine, w, cpu, _wall in rows:
    rate[(engine, w)][rnd] = float(cpu)
avx2 = ["lrlab-native-avx2"] if any(e == "lrlab-native-avx2" for e, _ in rate) else []
engines = ["lrlab-wasm", "lrlab-native"] + avx2 + ["torch"] + sorted(
    {e for e, _ in rate if e.startswith("tfjs")})
peers = [e for e in engines if not e.startswith("lrlab")]
def fmt(x):
    return f"{x / 1e6:.2f}M" if x >= 1e6 else f"{x / 1e3:.0f}k"
def median_ratio(a, b, w):
    ra, rb = rate.get((a, w), {}), rate.get((b, w), {})
    ratios = [ra[r] / rb[r] for r in ra if r in rb]
    return f"{statistics.median(ratios):.2f}x" if ratios else "n/a"
extra = [("lrlab-native-avx2", "torch")] if avx2 else []
print("| workload | " + " | ".join(engines) + " | " +
      " | ".join(f"wasm/{p} | native/{p}" for p in peers) +
      "".join(" | native-avx2/torch" for _ in extra) + " |")
print("|---|" + "---:|" * (len(engines) + 2 * len(peers) + len(extra)))
for w in workloads:
    cells = [fmt(statistics.median(rate[(e, w)].values())) if rate.get((e, w)) else "n/a"
             for e in engines]
    ratios = [median_ratio(l, p, w) for p in peers for l in ("lrlab-wasm", "lrlab-native")]
    ratios += [median_ratio(a, b, w) for a, b in extra]
    print(f"| {w} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
print(f"\nsamples/s of process CPU time, median of {len({r[0] for r in rows})} shuffled rounds; "
      "ratios: median of the per-round ratios. TF Playground's nn.ts: not packaged, left out.")
PY
