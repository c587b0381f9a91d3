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

source bench/common.sh

concepts=${CONCEPTS:-250000}
langs=${LANGS:-4}
runs=${RUNS:-3}
bench_build termalign
bench_workdir

tbx="$work/bench.tbx"
python3 bench/tbx_gen.py "$concepts" "$langs" "$tbx"
echo "TBX: $(du -m "$tbx" | cut -f1) MB"

walls=() cpus=() rss=()
for ((run = 1; run <= runs; ++run)); do
  rm -f "$work"/bench.db*
  bench_time "$work/time.log" "$build_dir/termalign" glossary import --db "$work/bench.db" "$tbx"
  grep 'new entities' "$work/time.log"
  printf 'run %d: wall %.1f s, cpu %.1f s, peak RSS %d MB\n' "$run" "$wall" "$cpu" "$rss_mb"
  walls+=("$wall") cpus+=("$cpu") rss+=("$rss_mb")
done
echo "termbase: $(du -m "$work/bench.db" | cut -f1) MB"

printf 'median of %d: wall %.1f s, cpu %.1f s, peak RSS %d MB\n' "$runs" "$(median "${walls[@]}")" \
  "$(median "${cpus[@]}")" "$(median "${rss[@]}")"
