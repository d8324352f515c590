#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine for QKL Desk development: the system
# packages the tests need (Chromium, CJK fonts) and the npm dependencies.
# The Electron binary is not downloaded: on an offline or restricted machine the
# app runs in the browser host (npm start); see README.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if ! { command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; }; then missing+=(fonts-noto-cjk); fi
# the reference age implementation: the tests check bundles interoperate with it
command -v age >/dev/null 2>&1 || missing+=(age)

if [ ${#missing[@]} -gt 0 ]; then
  echo "安装系统软件包：${missing[*]}"
  if [ "$(id -u)" = 0 ]; then sudo_cmd=(); elif command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
    echo "错误：需要安装 ${missing[*]}，但没有 root 权限或 sudo。请让管理员运行：apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
