#!/bin/sh
# Refreshes the config reference in README.md from `lrlab reference` (the validator's tables).
#   scripts/update-reference.sh LRLAB_COMMAND...      e.g. build/lrlab
#   scripts/update-reference.sh --check LRLAB...      exit 1 if README.md is out of date
set -eu
check=0
if [ "$1" = "--check" ]; then check=1; shift; fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$@" reference >"$T/ref.md"
awk -v ref="$T/ref.md" '
    /<!-- BEGIN CONFIG REFERENCE/ { print; while ((getline line < ref) > 0) print line; skip = 1; next }
    /<!-- END CONFIG REFERENCE/ { skip = 0 }
    !skip { print }
' "$ROOT/README.md" >"$T/README.md"
if [ "$check" -eq 1 ]; then
    if cmp -s "$T/README.md" "$ROOT/README.md"; then
        echo "readme reference: 1 passed, 0 failed"
    else
        echo "README.md's config reference is out of date: run make docs" >&2
        echo "readme reference: 0 passed, 1 failed"
        exit 1
    fi
else
    cp "$T/README.md" "$ROOT/README.md"
fi
