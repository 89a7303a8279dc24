#!/bin/sh
# make test: every test phase in turn, each timed, and a table of the times at the end (on
# failure too), so that CI's log says where its minutes go (issue 14: the whole run stays under
# 40 minutes on 2 cores). Stops at the first phase that fails, with that phase's status.
#   scripts/test-all.sh MAKE PHASE...
set -u
MAKE=${1:?usage: scripts/test-all.sh MAKE PHASE...}
shift
table=""
status=0
for phase in "$@"; do
    start=$(date +%s)
    $MAKE --no-print-directory "$phase" || status=$?
    table="$table$(printf '%-18s %5d s' "$phase" $(( $(date +%s) - start )))\n"
    [ "$status" -eq 0 ] || { table="$table$phase failed (exit $status)\n"; break; }
done
printf '\nlrlab: make test phases\n%b' "$table"
exit "$status"
