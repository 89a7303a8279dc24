#!/bin/sh
# Browser end-to-end tests of the page: serves BUILD_WEB_DIR (index.html, lrlab_app.js/.wasm) on
# one loopback origin and tests/web/host (a host page) on another, runs every tests/web/*.test.mjs
# with node's test runner driving Debian's Chromium (playwright-core), stops the servers and
# prints node's summary.
#   tests/web/run.sh BUILD_WEB_DIR [CLI]
# LRLAB_WEB_TESTS may name the test files to run (default: all of tests/web/*.test.mjs).
# LRLAB_WEB_JOBS files run at once (default 2, each with its own Chromium): most of a test's time
# is waiting for frames, so two at a time took 653 s where one took 1,116 s (all 132 passing,
# on a loaded 2-core machine).
# CLI is the `lrlab` the page's numbers are compared with: default BUILD_WEB_DIR/../lrlab.js
# (the same engine for node), or set LRLAB_CLI to e.g. build/lrlab.
set -eu
WEB=$(cd "${1:?usage: tests/web/run.sh BUILD_WEB_DIR [CLI]}" && pwd)
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
[ -f "$WEB/index.html" ] && [ -f "$WEB/lrlab_app.wasm" ] || { echo "run.sh: no built page in $WEB" >&2; exit 2; }
if [ -n "${2:-}" ]; then LRLAB_CLI=$2; fi
if [ -z "${LRLAB_CLI:-}" ] && [ -f "$WEB/../lrlab.js" ]; then
    LRLAB_CLI="node --no-experimental-fetch $WEB/../lrlab.js"
fi
export LRLAB_CLI=${LRLAB_CLI:-}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
P1=$(free_port)
P2=$(free_port)
P3=$(free_port)
python3 -m http.server "$P1" --bind 127.0.0.1 -d "$WEB" >/dev/null 2>&1 &
S1=$!
python3 -m http.server "$P2" --bind 127.0.0.1 -d "$ROOT/tests/web/host" >/dev/null 2>&1 &
S2=$!
# The same page linked with -sSAFE_HEAP=1 (cmake/app.cmake), beside it: safe-heap.test.mjs.
SAFE_HEAP="$WEB/../web-safe-heap"
S3=""
if [ -f "$SAFE_HEAP/lrlab_app.wasm" ]; then
    python3 -m http.server "$P3" --bind 127.0.0.1 -d "$SAFE_HEAP" >/dev/null 2>&1 &
    S3=$!
    export LRLAB_SAFE_HEAP_URL="http://127.0.0.1:$P3/"
fi
trap 'kill $S1 $S2 $S3 2>/dev/null || true' EXIT INT TERM
for p in "$P1" "$P2" ${S3:+"$P3"}; do
    i=0
    until python3 -c "import socket; socket.create_connection(('127.0.0.1', $p), 1)" 2>/dev/null; do
        i=$((i + 1)); [ $i -lt 100 ] || { echo "run.sh: server on $p did not start" >&2; exit 1; }
        sleep 0.1
    done
done

# Two origins: the page on 127.0.0.1, the host page on localhost (same machine, other origin).
export LRLAB_URL="http://127.0.0.1:$P1/"
export LRLAB_HOST_URL="http://localhost:$P2/"
cd "$ROOT"
# shellcheck disable=SC2086
node --test --test-concurrency="${LRLAB_WEB_JOBS:-2}" --test-reporter=spec ${LRLAB_WEB_TESTS:-tests/web/*.test.mjs}
