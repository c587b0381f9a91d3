#!/usr/bin/env bash
# Alignment benchmark: generates synthetic parallel documents with known gold (bench/align_gen)
# at several sizes, aligns each with `termalign align --presegmented --format beads`, and reports
# the median wall time and peak memory of RUNS runs and the strict and lax F1 of the output.
#
#   bench/align_bench.sh                   10k, 100k and 1M sentences per side, 3 runs each
#   SIZES="10000 100000" bench/align_bench.sh
#   ALIGN_OPTS="--no-dict" bench/align_bench.sh     without the generated word list
#
# Environment: BUILD_DIR (default build), RUNS (3), SEED (1), TIMEOUT per run in seconds (900),
# WORK_DIR (default: a temporary folder, removed at the end), ALIGN_OPTS (default
# "--dict dict.tsv": the generated word list, which covers half of the source vocabulary).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build}
runs=${RUNS:-3}
seed=${SEED:-1}
timeout_s=${TIMEOUT:-900}
sizes=${SIZES:-"10000 100000 1000000"}
align_opts=${ALIGN_OPTS:-"--dict dict.tsv"}

if [[ ! -x /usr/bin/time ]]; then
  echo "align_bench: error: /usr/bin/time is missing (Debian package 'time')" >&2
  exit 2
fi
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
if ! cmake --build "$build_dir" -j "$(nproc)" --target termalign align_gen >"$build_dir/bench-build.log" 2>&1; then
  echo "align_bench: error: the build failed; see $build_dir/bench-build.log" >&2
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
  "load average $(cut -d ' ' -f 1 /proc/loadavg), align options: $align_opts, median of $runs runs"
echo
echo "| sentences per side | source | target | wall time (s) | CPU time (s) | peak memory (MB) | wall ms per 1k sentences | strict F1 | lax F1 |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for size in $sizes; do
  dir="$work/$size"
  if [[ ! -f "$dir/gold.txt" ]]; then
    "$align_gen" --sentences "$size" --seed "$seed" --out "$dir" >/dev/null
  fi
  sources=$(wc -l <"$dir/src.txt")
  targets=$(wc -l <"$dir/tgt.txt")
  times=()
  cpus=()
  memories=()
  status=ok
  for ((run = 1; run <= runs; run++)); do
    # shellcheck disable=SC2086  # ALIGN_OPTS holds several words on purpose
    if ! (cd "$dir" && /usr/bin/time -f "%e %M %U %S" -o time.txt timeout "$timeout_s" \
          "$termalign" align --presegmented --format beads $align_opts \
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
    echo "| $size | $sources | $targets | $status | | | | | |"
    continue
  fi
  seconds=$(median "${times[@]}")
  cpu=$(median "${cpus[@]}")
  megabytes=$(median "${memories[@]}")
  per_k=$(awk -v s="$seconds" -v n="$size" 'BEGIN { printf "%.1f", 1000 * s / (n / 1000) }')
  read -r f1 lax < <("$termalign" eval -g "$dir/gold.txt" -t "$dir/out.txt" |
    awk -F'|' '/^\| F1 / { print $3, $4 }')
  echo "| $size | $sources | $targets | $seconds | $cpu | $megabytes | $per_k | $f1 | $lax |"
done
