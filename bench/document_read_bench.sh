#!/usr/bin/env bash
# Document reading benchmark: a generated PAGES-page manual as PDF and as DOCX
# (bench/document_gen.py), each read and segmented by `termalign segment` RUNS times; reports the
# median wall time, CPU time and peak memory per format.
#
#   bench/document_read_bench.sh               300 pages, 5 runs
#   PAGES=1000 RUNS=3 bench/document_read_bench.sh
#
# Environment: BUILD_DIR (default build), PAGES (300), RUNS (5), WORK_DIR (default: a temporary
# folder, removed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

pages=${PAGES:-300}
runs=${RUNS:-5}
bench_build termalign
bench_workdir
python3 bench/document_gen.py "$pages" "$work/manual"

for format in pdf docx; do
  file="$work/manual.$format"
  walls=() cpus=() rss=()
  for ((run = 1; run <= runs; ++run)); do
    bench_time "$work/time.log" "$build_dir/termalign" segment "$file"
    walls+=("$wall") cpus+=("$cpu") rss+=("$rss_mb")
  done
  sentences=$("$build_dir/termalign" segment "$file" | wc -l)
  printf '%-4s %d pages, %d KB, %d sentences: median of %d: wall %.2f s, cpu %.2f s, peak RSS %d MB\n' \
    "$format" "$pages" $(($(stat -c %s "$file") / 1024)) "$sentences" "$runs" \
    "$(median "${walls[@]}")" "$(median "${cpus[@]}")" "$(median "${rss[@]}")"
done
