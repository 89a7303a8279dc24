#!/bin/sh
# Installs what lrlab needs on Debian/Ubuntu, only what is missing: quick and idempotent.
#   scripts/install-deps.sh          build and test dependencies
set -eu

PACKAGES="cmake make g++ libxtensor-dev xtl-dev doctest-dev nlohmann-json3-dev libcli11-dev
emscripten nodejs dpkg-dev python3
parallel slurm-wlm munge
python3-torch
clang libclang-rt-14-dev"

missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing$missing" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
