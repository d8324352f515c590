#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine for QKL Desk development: checks Node, installs
# the system packages the tests need (Chromium, CJK fonts) and the npm dependencies.
#   bash scripts/setup.sh               everything
#   bash scripts/setup.sh --check-node  only the Node check (exit 1 with what to do)
# The Electron binary is not downloaded: on an offline or restricted machine the
# app runs in the browser host (npm start); see README.
set -euo pipefail
cd "$(dirname "$0")/.."

# --- Node: 20.19+ (20.x) or 22.12+ for development; 22.12+ to package (npm run dist) ---
if ! command -v node >/dev/null 2>&1; then
  echo "错误：没有找到 Node.js。请安装 Node.js 20.19 或更新的 20.x（或 22.12 及以上），然后重新运行本脚本。" >&2
  echo "  例如从 https://nodejs.org/ 下载 20.x LTS，或用 nvm：nvm install 20" >&2
  exit 1
fi
node_version="$(node -p 'process.versions.node')"
IFS=. read -r major minor _patch <<<"${node_version}"
supported=false
if [ "${major}" -eq 20 ] && [ "${minor}" -ge 19 ]; then supported=true; fi
if [ "${major}" -eq 22 ] && [ "${minor}" -ge 12 ]; then supported=true; fi
if [ "${major}" -ge 23 ]; then supported=true; fi
if [ "${supported}" != true ]; then
  echo "错误：当前 Node.js 为 ${node_version}，本项目需要 20.19 及以上的 20.x，或 22.12 及以上。" >&2
  if [ "${major}" -lt 20 ]; then
    echo "  Debian 12 自带的 nodejs 是 18，版本太旧：请从 nodejs.org 或 NodeSource 安装 20.x LTS（或用 nvm install 20）。" >&2
  elif [ "${major}" -eq 21 ]; then
    echo "  Node 21 不是长期支持版本，better-sqlite3 不支持它：请改用 20.x 或 22.x。" >&2
  else
    echo "  请升级到 ${major}.x 的最新小版本（nvm install ${major}）。" >&2
  fi
  exit 1
fi
if [ "${major}" -eq 20 ]; then
  echo "Node.js ${node_version}：可以开发和运行全部测试。"
  echo "  npm ci 会打印若干 EBADENGINE 警告：它们来自下载、运行和打包 Electron 的工具"
  echo "  （electron、@electron/get、@electron/rebuild、node-abi、extract-zip，要求 Node 22.12+），"
  echo "  以及 docx 附带的 nanoid。在本机这些工具不会运行（Electron 下载已跳过、本机不打包），"
  echo "  nanoid 在 Node 20 上的行为由工作小结 .docx 导出的测试覆盖，所以这些警告无害。"
  echo "  打包桌面程序（npm run dist）须在装有 Node 22.12+ 且能联网的机器上进行。"
fi
if [ "${1:-}" = "--check-node" ]; then exit 0; fi

# --- system packages for the end-to-end tests ---
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
