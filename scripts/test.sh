#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
# Tests in parallel, one per core: none depends on another or on timing.
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j "$(nproc)"
