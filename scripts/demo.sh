#!/usr/bin/env bash
# Installs what is missing, builds, and runs termalign's main job on the bundled demo corpus.
#   scripts/demo.sh [OUT]     outputs go to OUT (default demo-out/)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-demo-out}
scripts/install-deps.sh
scripts/build.sh >/dev/null
build/termalign run examples -o "$out"
