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
#   HUNALIGN=path/to/hunalign bench/repeat_bench.sh   side by side with hunalign
#
# With HUNALIGN, each size up to HUNALIGN_COPIES copies (2: hunalign's time is quadratic) is also
# aligned by hunalign (default options, `-utf`, an empty
# dictionary) on the same files, the runs of the two tools taking turns, and a row gives
# hunalign's figures and one the ratio hunalign / termalign of the medians; its ladder is turned
# into beads (one bead between consecutive rungs) for the F1.
#
# Environment: BUILD_DIR (default build), RUNS (3), SLOW_RUNS (runs at K >= 100: 1), SEED (1),
# BASE (6236, the sentences of one copy), REPEATS, TIMEOUT per run in seconds (900), WORK_DIR
# (default: a temporary folder, removed at the end), ALIGN_OPTS (default "--no-dict").
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

build_dir=${BUILD_DIR:-build}
runs=${RUNS:-3}
slow_runs=${SLOW_RUNS:-1}
seed=${SEED:-1}
base=${BASE:-6236}
repeats=${REPEATS:-"1 2 16 160"}
timeout_s=${TIMEOUT:-900}
align_opts=${ALIGN_OPTS:-"--no-dict"}
hunalign=${HUNALIGN:-}
hunalign_copies=${HUNALIGN_COPIES:-2}

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
  mkdir -p "$WORK_DIR"
  work=$(cd "$WORK_DIR" && pwd)
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

if [[ -n "$hunalign" && ! -x "$hunalign" ]]; then
  echo "repeat_bench: error: HUNALIGN=$hunalign is not an executable" >&2
  exit 2
fi
: >"$work/empty.dic"

# The median of the numbers given as arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "termalign $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores," \
  "load average $(cut -d ' ' -f 1 /proc/loadavg), $base sentences a copy, align options: $align_opts"
echo
echo "| copies | tool | source | target | runs | wall time (s) | CPU time (s) | peak memory (MB) | anchors | first band (cells) | strict F1 | lax F1 |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"

# Runs "$@" in the current folder under /usr/bin/time and the timeout, appending its wall time,
# CPU time and peak memory (MB) to the arrays named by the tool ($1: t for termalign, h for
# hunalign); returns non-zero when the command fails or times out.
timed() {
  local tool=$1
  shift
  /usr/bin/time -f "%e %M %U %S" -o time.txt timeout "$timeout_s" "$@" || return 1
  local seconds kilobytes user system
  read -r seconds kilobytes user system < <(tail -n 1 time.txt)
  eval "${tool}_times+=(\"$seconds\")"
  eval "${tool}_cpus+=(\"$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')\")"
  eval "${tool}_memories+=(\"$((kilobytes / 1024))\")"
}

# hunalign's ladder (rungs "i<TAB>j<TAB>score", the last one at the ends) as beads.
ladder_to_beads() {
  awk -F'\t' '
    function list(from, to,   out, k) {
      out = ""
      for (k = from; k < to; ++k) out = out (out == "" ? "" : ", ") k
      return "[" out "]"
    }
    NR > 1 { print list(i, $1) ":" list(j, $2) }
    { i = $1; j = $2 }' "$1"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }'; }

for k in $repeats; do
  dir="$work/$k"
  if [[ ! -f "$dir/gold.txt" ]]; then
    "$align_gen" --sentences "$base" --seed "$seed" --repeat "$k" --out "$dir" >/dev/null
  fi
  sources=$(wc -l <"$dir/src.txt")
  targets=$(wc -l <"$dir/tgt.txt")
  n=$runs
  ((k >= 100)) && n=$slow_runs
  t_times=() t_cpus=() t_memories=() h_times=() h_cpus=() h_memories=()
  status=ok
  h_status=ok
  cd "$dir"
  for ((run = 1; run <= n; run++)); do
    # shellcheck disable=SC2086  # ALIGN_OPTS holds several words on purpose
    if ! TERMALIGN_TRACE=1 timed t "$termalign" align --presegmented --format beads $align_opts \
         src.txt tgt.txt -o out.txt 2>align.err; then
      status="failed or timed out after ${timeout_s} s: $(tail -n 1 align.err 2>/dev/null)"
      break
    fi
    if [[ -n "$hunalign" && "$h_status" == ok ]] && ((k <= hunalign_copies)) &&
       ! timed h "$hunalign" -utf "$work/empty.dic" src.txt tgt.txt >ladder.txt 2>hunalign.err; then
      h_status="failed or timed out after ${timeout_s} s"
    fi
  done
  cd "$repo"
  if [[ "$status" != ok ]]; then
    echo "| $k | termalign | $sources | $targets | $n | $status | | | | | | |"
    continue
  fi
  anchors=$(awk '/align: anchors/ { print $5; exit }' "$dir/align.err")
  band=$(awk '/align: best path/ { print $6; exit }' "$dir/align.err")
  read -r f1 lax < <("$termalign" eval -g "$dir/gold.txt" -t "$dir/out.txt" |
    awk -F'|' '/^\| F1 / { print $3, $4 }')
  t_time=$(median "${t_times[@]}") t_cpu=$(median "${t_cpus[@]}") t_memory=$(median "${t_memories[@]}")
  echo "| $k | termalign | $sources | $targets | $n | $t_time | $t_cpu | $t_memory" \
    "| ${anchors:-?} | ${band:-?} | $f1 | $lax |"
  [[ -z "$hunalign" ]] || ((k > hunalign_copies)) && continue
  if [[ "$h_status" != ok ]]; then
    echo "| $k | hunalign | $sources | $targets | $n | $h_status | | | | | | |"
    continue
  fi
  ladder_to_beads "$dir/ladder.txt" >"$dir/hunalign.beads"
  read -r f1 lax < <("$termalign" eval -g "$dir/gold.txt" -t "$dir/hunalign.beads" |
    awk -F'|' '/^\| F1 / { print $3, $4 }')
  h_time=$(median "${h_times[@]}") h_cpu=$(median "${h_cpus[@]}") h_memory=$(median "${h_memories[@]}")
  echo "| $k | hunalign | $sources | $targets | ${#h_times[@]} | $h_time | $h_cpu | $h_memory | | | $f1 | $lax |"
  echo "| $k | ratio hunalign / termalign | | | | $(ratio "$h_time" "$t_time")" \
    "| $(ratio "$h_cpu" "$t_cpu") | $(ratio "$h_memory" "$t_memory") | | | | |"
done
