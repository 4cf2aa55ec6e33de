#!/usr/bin/env bash
# Installs Debian's Chromium and its WebDriver when they are missing: the browser test of `nn serve` drives
# them. Uses apt-get as root, or through sudo.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-browser: need root or sudo to install chromium and chromium-driver" >&2; exit 1; }
  as_root=(sudo)
fi
echo "install-browser: installing chromium and chromium-driver (Debian packages)" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
