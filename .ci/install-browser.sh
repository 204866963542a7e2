#!/usr/bin/env bash
# What tests/test_browser.py and benchmarks/bench_html.py need, installed only when missing:
#   Debian's chromium (/usr/bin/chromium) and fonts-noto-cjk, through apt-get;
#   the playwright Python package, into the current python (or $PYTHON, or $1).
# Playwright's own browser download is never used: the tests drive /usr/bin/chromium.
set -euo pipefail

PY="${1:-${PYTHON:-$(command -v python || command -v python3)}}"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "install ok installed" || missing+=(fonts-noto-cjk)
if [ "${#missing[@]}" -gt 0 ]; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    echo "install-browser: apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! "$PY" -c "import playwright.sync_api" 2>/dev/null; then
    echo "install-browser: pip install playwright into $PY"
    "$PY" -m pip install -q playwright
fi

dpkg-query -W -f='${Package} ${Version}\n' chromium fonts-noto-cjk
"$PY" -c "import importlib.metadata as m; print('playwright', m.version('playwright'))"
