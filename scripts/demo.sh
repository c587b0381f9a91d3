#!/usr/bin/env bash
# Installs what is missing, builds, and runs termalign's main job on the bundled demo corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh >/dev/null
for file in examples/*.txt; do
  echo "== $file"
  build/termalign segment "$file"
done
