#!/bin/sh
# ctest's torch_export: `lrlab export-torch` against PyTorch (tests/torch/test_export_torch.py).
#   tests/torch/run.sh LRLAB
# Needs Debian's python3-torch (scripts/install-deps.sh installs it), run by /usr/bin/python3,
# not a pyenv or venv python. Without it the test is reported SKIPPED (exit 77, ctest's
# SKIP_RETURN_CODE), loudly, never as passed.
set -u
here=$(dirname "$0")
python=/usr/bin/python3
if ! "$python" -c 'import torch' 2>/dev/null; then
    echo "SKIPPED: $python cannot import torch; install python3-torch (scripts/install-deps.sh)" >&2
    exit 77
fi
exec "$python" -W ignore::UserWarning "$here/test_export_torch.py" "$1" --random 40 --seed 1
