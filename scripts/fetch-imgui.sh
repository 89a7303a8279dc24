#!/bin/sh
# Fetches Dear ImGui 1.86's sources from Debian's source package (imgui 1.86+ds-1, bookworm)
# into DEST (a build tree or a cache dir, never the repo), without touching /etc/apt. Idempotent:
# does nothing when DEST/imgui-1.86+ds/imgui.cpp exists. The wasm build needs the sources:
# libimgui-dev ships only headers and an x86 library (TOOLCHAIN.md).
#   scripts/fetch-imgui.sh DEST        prints DEST/imgui-1.86+ds
set -eu
DEST=${1:?usage: fetch-imgui.sh DEST}
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)
SRC="$DEST/imgui-1.86+ds"
if [ -f "$SRC/imgui.cpp" ] && [ -f "$SRC/backends/imgui_impl_opengl3.cpp" ]; then
    echo "$SRC"
    exit 0
fi
for tool in apt-get dpkg-source; do
    command -v "$tool" >/dev/null 2>&1 || { echo "fetch-imgui: needs $tool (apt-get install dpkg-dev)" >&2; exit 1; }
done

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/lists/partial" "$T/parts" "$T/dl"
# The machine's own Debian mirror (its first non-security archive), as a deb-src line.
mirror=$( (grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}'
           grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list |
               awk '{for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; break }}') |
          grep -v security | head -n 1)
[ -n "$mirror" ] || { echo "fetch-imgui: no Debian mirror in the apt sources" >&2; exit 1; }
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror bookworm main" \
    > "$T/sources.list"
set -- -o "Dir::Etc::SourceList=$T/sources.list" -o "Dir::Etc::SourceParts=$T/parts" \
    -o "Dir::State::Lists=$T/lists" -o "Dir::Cache::pkgcache=" -o "Dir::Cache::srcpkgcache=" \
    -o "APT::Sandbox::User=root"
apt-get "$@" -qq update
(cd "$T/dl" && apt-get "$@" -qq source --download-only imgui=1.86+ds-1 >/dev/null \
    && dpkg-source -x imgui_1.86+ds-1.dsc imgui-1.86+ds >/dev/null)
rm -rf "$SRC.tmp" && mv "$T/dl/imgui-1.86+ds" "$SRC.tmp" && mv "$SRC.tmp" "$SRC"
echo "$SRC"
