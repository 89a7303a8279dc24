#!/bin/sh
# Installs what the page's browser tests need, only what is missing: Debian's Chromium and the
# exact playwright-core of package.json / package-lock.json (never `npx playwright install`: no
# browser downloads, the tests drive /usr/bin/chromium).
#   scripts/install-web-deps.sh
set -eu
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

if ! command -v chromium >/dev/null 2>&1; then
    echo "install-web-deps: installing chromium" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
        chromium fonts-dejavu-core
fi
if ! command -v npm >/dev/null 2>&1; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends npm
fi

# playwright-core, at the version pinned in package.json; `npm ci` follows the lock file.
want=$(node -e 'console.log(require("./package.json").devDependencies["playwright-core"])')
have=$(node -e 'try{console.log(require("./node_modules/playwright-core/package.json").version)}catch(e){}')
if [ "$want" != "$have" ]; then
    echo "install-web-deps: installing playwright-core $want" >&2
    if [ -f package-lock.json ]; then
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
    else
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error
    fi
fi
