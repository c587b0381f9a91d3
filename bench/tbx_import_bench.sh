#!/usr/bin/env bash
# TBX import benchmark: writes a synthetic TBX v2 termbase (bench/tbx_gen.py: CONCEPTS entries
# of one term in each of LANGS languages, a synonym in every 5th English section, a subject
# field and a definition in every 10th entry), then times `termalign glossary import` of it into
# a new termbase RUNS times with /usr/bin/time -v and reports the median wall clock, CPU time
# (user + system) and peak memory (maximum resident set size).
#
#   bench/tbx_import_bench.sh                   250,000 concepts x 4 languages (1,050,000 terms)
#   CONCEPTS=10000 bench/tbx_import_bench.sh
#
# Environment: BUILD_DIR (default build), CONCEPTS (250000), LANGS (4), RUNS (3), WORK_DIR
# (default: a temporary folder, removed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build}
concepts=${CONCEPTS:-250000}
langs=${LANGS:-4}
runs=${RUNS:-3}
if [[ ! -x /usr/bin/time ]]; then
  echo "needs /usr/bin/time (Debian package 'time')" >&2
  exit 2
fi
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build_dir" -j "$(nproc)" --target termalign >/dev/null
work=${WORK_DIR:-$(mktemp -d)}
[[ -n "${WORK_DIR:-}" ]] || trap 'rm -rf "$work"' EXIT

tbx="$work/bench.tbx"
python3 bench/tbx_gen.py "$concepts" "$langs" "$tbx"
echo "TBX: $(du -m "$tbx" | cut -f1) MB"

walls=() cpus=() rss=()
for ((run = 1; run <= runs; ++run)); do
  rm -f "$work"/bench.db*
  /usr/bin/time -v "$build_dir/termalign" glossary import --db "$work/bench.db" "$tbx" \
    2>"$work/time.log" >/dev/null || { cat "$work/time.log" >&2; exit 1; }
  grep 'new entities' "$work/time.log"
  # "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.35" -> seconds.
  wall=$(awk -F': ' '/Elapsed/ { n = split($2, p, ":"); s = 0;
                                 for (i = 1; i <= n; ++i) s = s * 60 + p[i]; print s }' "$work/time.log")
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' \
        "$work/time.log")
  kb=$(awk -F': ' '/Maximum resident/ { print $2 }' "$work/time.log")
  printf 'run %d: wall %.1f s, cpu %.1f s, peak RSS %d MB\n' "$run" "$wall" "$cpu" $((kb / 1024))
  walls+=("$wall") cpus+=("$cpu") rss+=("$kb")
done
echo "termbase: $(du -m "$work/bench.db" | cut -f1) MB"

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
printf 'median of %d: wall %.1f s, cpu %.1f s, peak RSS %d MB\n' "$runs" "$(median "${walls[@]}")" \
  "$(median "${cpus[@]}")" $(($(median "${rss[@]}") / 1024))
