#!/usr/bin/env bash
# Repeated-text benchmark: a synthetic pair of BASE sentences (bench/align_gen) written K times
# over with small edits (`align_gen --repeat K`: no word occurs once in the document, so no
# global anchor exists), aligned with `termalign align --presegmented --format beads --no-dict`.
# Reports the median wall time, CPU time and peak memory of RUNS runs (one run at the largest K
# when SLOW_RUNS=1), the anchors and the largest band of the first search (TERMALIGN_TRACE), and
# the strict and lax F1 against the generated gold.
#
#   bench/repeat_bench.sh                      K = 1 2 16 160 copies of 6,236 sentences
#   REPEATS="1 2" BASE=2000 bench/repeat_bench.sh
#
# Environment: BUILD_DIR (default build), RUNS (3), SLOW_RUNS (runs at K >= 100: 1), SEED (1),
# BASE (6236, the sentences of one copy), REPEATS, TIMEOUT per run in seconds (900), WORK_DIR
# (default: a temporary folder, removed at the end), ALIGN_OPTS (default "--no-dict").
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build}
runs=${RUNS:-3}
slow_runs=${SLOW_RUNS:-1}
seed=${SEED:-1}
base=${BASE:-6236}
repeats=${REPEATS:-"1 2 16 160"}
timeout_s=${TIMEOUT:-900}
align_opts=${ALIGN_OPTS:-"--no-dict"}

if [[ ! -x /usr/bin/time ]]; then
  echo "repeat_bench: error: /usr/bin/time is missing (Debian package 'time')" >&2
  exit 2
fi
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
if ! cmake --build "$build_dir" -j "$(nproc)" --target termalign align_gen >"$build_dir/bench-build.log" 2>&1; then
  echo "repeat_bench: error: the build failed; see $build_dir/bench-build.log" >&2
  exit 2
fi
termalign=$(cd "$build_dir" && pwd)/termalign
align_gen=$(cd "$build_dir" && pwd)/bench/align_gen

if [[ -n "${WORK_DIR:-}" ]]; then
  work=$WORK_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

# The median of the numbers given as arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "termalign $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores," \
  "load average $(cut -d ' ' -f 1 /proc/loadavg), $base sentences a copy, align options: $align_opts"
echo
echo "| copies | source | target | runs | wall time (s) | CPU time (s) | peak memory (MB) | anchors | first band (cells) | strict F1 | lax F1 |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for k in $repeats; do
  dir="$work/$k"
  if [[ ! -f "$dir/gold.txt" ]]; then
    "$align_gen" --sentences "$base" --seed "$seed" --repeat "$k" --out "$dir" >/dev/null
  fi
  sources=$(wc -l <"$dir/src.txt")
  targets=$(wc -l <"$dir/tgt.txt")
  n=$runs
  ((k >= 100)) && n=$slow_runs
  times=()
  cpus=()
  memories=()
  status=ok
  for ((run = 1; run <= n; run++)); do
    # shellcheck disable=SC2086  # ALIGN_OPTS holds several words on purpose
    if ! (cd "$dir" && TERMALIGN_TRACE=1 /usr/bin/time -f "%e %M %U %S" -o time.txt \
          timeout "$timeout_s" "$termalign" align --presegmented --format beads $align_opts \
          src.txt tgt.txt -o out.txt 2>align.err); then
      status="failed or timed out after ${timeout_s} s: $(tail -n 1 "$dir/align.err" 2>/dev/null)"
      break
    fi
    read -r seconds kilobytes user system < <(tail -n 1 "$dir/time.txt")
    times+=("$seconds")
    cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')")
    memories+=("$((kilobytes / 1024))")
  done
  if [[ "$status" != ok ]]; then
    echo "| $k | $sources | $targets | $n | $status | | | | | | |"
    continue
  fi
  anchors=$(awk '/align: anchors/ { print $5; exit }' "$dir/align.err")
  band=$(awk '/align: best path/ { print $6; exit }' "$dir/align.err")
  read -r f1 lax < <("$termalign" eval -g "$dir/gold.txt" -t "$dir/out.txt" |
    awk -F'|' '/^\| F1 / { print $3, $4 }')
  echo "| $k | $sources | $targets | $n | $(median "${times[@]}") | $(median "${cpus[@]}")" \
    "| $(median "${memories[@]}") | ${anchors:-?} | ${band:-?} | $f1 | $lax |"
done
