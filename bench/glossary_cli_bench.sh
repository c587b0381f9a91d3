#!/usr/bin/env bash
# Glossary lookup benchmark: builds a synthetic termbase of TERMS terms once (bench/glossary_bench,
# which also reports the in-process lookup latency), then times whole `termalign lookup`
# invocations on it: process start, opening the database, the query, printing.
#
#   bench/glossary_cli_bench.sh              1M terms, 20 invocations per query kind, 3 runs
#   TERMS=100000 bench/glossary_cli_bench.sh
#
# Environment: BUILD_DIR (default build), TERMS (1000000), RUNS (3), CALLS (20 per run),
# WORK_DIR (default: a temporary folder, removed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build}
terms=${TERMS:-1000000}
runs=${RUNS:-3}
calls=${CALLS:-20}
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build_dir" -j "$(nproc)" --target termalign glossary_bench >/dev/null
work=${WORK_DIR:-$(mktemp -d)}
[[ -n "${WORK_DIR:-}" ]] || trap 'rm -rf "$work"' EXIT
db="$work/bench.db"

echo "== in process ($terms terms)"
"$build_dir/bench/glossary_bench" "$terms" "$db"

# Terms that exist: the first English and French terms of a few entities.
mapfile -t queries < <("$build_dir/termalign" glossary export --db "$db" --format csv --layout entity -o - |
                       awk -F, 'NR > 1 && NR % 997 == 0 { print $3 }' | head -n "$calls")

# Median wall time in milliseconds of `termalign lookup ARGS` over the queries, RUNS times.
time_lookup() {
  local label=$1; shift
  local medians=()
  for ((run = 0; run < runs; ++run)); do
    local times=()
    for q in "${queries[@]}"; do
      local start end
      start=$(date +%s%N)
      "$build_dir/termalign" lookup --db "$db" "$@" "$q" >/dev/null 2>&1 || true
      end=$(date +%s%N)
      times+=($(( (end - start) / 1000 )))
    done
    medians+=("$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')")
  done
  local median
  median=$(printf '%s\n' "${medians[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  printf '%-28s median %6.1f ms per invocation (%d runs x %d calls)\n' "$label" \
    "$(awk -v us="$median" 'BEGIN { print us / 1000 }')" "$runs" "${#queries[@]}"
}

echo "== CLI"
time_lookup "termalign lookup TERM"
time_lookup "termalign lookup --json TERM" --json
