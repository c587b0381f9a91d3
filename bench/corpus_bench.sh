#!/usr/bin/env bash
# The corpus at scale, on this machine.
#  1. PAIRS generated document pairs (workflow/corpus_gen.py, default 1000) of SENTENCES
#     sentences (default 200): wall clock, CPU and peak memory of `termalign run`, of
#     `run --jobs 2`, and of the Snakemake workflow on 2 cores, each into a fresh folder.
#  2. The glossary step (`termalign corpus glossary`) alone over REDUCE aligned sentence pairs
#     (default "100000 1000000"; bench/corpus_reduce_gen.py writes the map steps' outputs
#     without aligning): wall clock, CPU and peak memory.
# Usage: bench/corpus_bench.sh [PAIRS] [SENTENCES]
# Environment: PARTS ("workflow reduce": which parts), REDUCE (sizes), BUILD_DIR, WORK_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
pairs=${1:-1000}
sentences=${2:-200}
parts=${PARTS:-workflow reduce}
reduce_sizes=${REDUCE:-100000 1000000}
bench_build termalign
bin=$(realpath "$build_dir/termalign")
bench_workdir
source_dir=$PWD

report() {
  printf '%-34s %9.1f s wall %9.1f s CPU %7d MB peak\n' "$1" "$wall" "$cpu" "$rss_mb"
}

if [[ " $parts " == *" workflow "* ]]; then
  command -v snakemake >/dev/null || { echo "$bench_name: error: snakemake is missing" >&2; exit 2; }
  python3 workflow/corpus_gen.py "$work/archive" "$pairs" "$sentences"
  echo "$pairs document pairs of $sentences sentences ($(du -sh "$work/archive/docs" | cut -f1)):"
  rm -rf "$work/run1"
  bench_time "$work/run1.time" "$bin" run "$work/archive/manifest.tsv" -o "$work/run1" -q
  report "termalign run"
  rm -rf "$work/run2"
  bench_time "$work/run2.time" "$bin" run "$work/archive/manifest.tsv" -o "$work/run2" -q --jobs 2
  report "termalign run --jobs 2"
  rm -rf "$work/wf" "$work/.snakemake"
  bench_time "$work/wf.time" snakemake -s "$source_dir/workflow/Snakefile" -d "$work" --cores 2 \
    --quiet --config manifest=archive/manifest.tsv output=wf binary="$bin"
  report "snakemake --cores 2"
  # The workflow's peak memory is that of its largest process (GNU time: the largest child).
  cmp -s "$work/run1/qa.jsonl" "$work/wf/qa.jsonl" || echo "$bench_name: warning: qa.jsonl differs"
fi

if [[ " $parts " == *" reduce "* ]]; then
  for size in $reduce_sizes; do
    rm -rf "$work/reduce"
    python3 bench/corpus_reduce_gen.py "$work/reduce" "$size"
    bench_time "$work/reduce.time" "$bin" corpus glossary "$work/reduce/manifest.tsv" \
      -o "$work/reduce/out" --no-dict -q
    terms=$("$bin" glossary stats --db "$work/reduce/out/termalign.db" 2>/dev/null |
              awk '/^terms/ { print $2; exit }')
    report "glossary step, $size pairs"
    echo "  ($terms terms)"
  done
fi
