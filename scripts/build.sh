#!/usr/bin/env bash
# Configures and builds termalign into build/ (the CLI lands at build/termalign).
#   scripts/build.sh                 release build with debug info, in build/
#   BUILD_DIR=build-asan SANITIZE=1 scripts/build.sh   ASan+UBSan build
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
args=(-DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}")
[[ "${SANITIZE:-0}" == 1 ]] && args+=(-DTERMALIGN_SANITIZE=ON)
[[ "${WERROR:-0}" == 1 ]] && args+=(-DTERMALIGN_WERROR=ON)
cmake -S . -B "$build_dir" "${args[@]}" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
