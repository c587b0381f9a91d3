#!/usr/bin/env bash
# TMX reading benchmark: writes a TMX of UNITS units (build/bench/tmx_bench gen: 1,000,000 units
# make about 573 MB), then runs `termalign tmx import`, `tmx stats` and `tmx validate` on it RUNS
# times each under /usr/bin/time -v and reports, per command, the median CPU time (user + system),
# wall clock and peak memory (maximum resident set size).
#
#   bench/tmx_cli_bench.sh                  1,000,000 units
#   UNITS=100000 bench/tmx_cli_bench.sh
#
# Environment: BUILD_DIR (default build), UNITS (1000000), RUNS (3), WORK_DIR (default: a
# temporary folder, removed at the end), TMX (a file to read instead of a generated one),
# TERMALIGN (another binary to measure, e.g. an older build, for before/after figures).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build}
units=${UNITS:-1000000}
runs=${RUNS:-3}
if [[ ! -x /usr/bin/time ]]; then
  echo "needs /usr/bin/time (Debian package 'time')" >&2
  exit 2
fi
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
targets=()
[[ -n "${TERMALIGN:-}" ]] || targets+=(termalign)
[[ -n "${TMX:-}" ]] || targets+=(tmx_bench)
((${#targets[@]} == 0)) || cmake --build "$build_dir" -j "$(nproc)" --target "${targets[@]}" >/dev/null
work=${WORK_DIR:-$(mktemp -d)}
[[ -n "${WORK_DIR:-}" ]] || trap 'rm -rf "$work"' EXIT

termalign=${TERMALIGN:-$build_dir/termalign}
tmx=${TMX:-$work/bench.tmx}
[[ -n "${TMX:-}" ]] || "$build_dir/bench/tmx_bench" gen "$units" "$tmx"
echo "TMX: $(du -m "$tmx" | cut -f1) MB"

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for command in import stats validate; do
  walls=() cpus=() rss=()
  for ((run = 1; run <= runs; ++run)); do
    # validate exits 1 on findings; anything above 1 is a failure.
    status=0
    /usr/bin/time -v "$termalign" tmx "$command" "$tmx" >/dev/null 2>"$work/time.log" ||
      status=$?
    if ((status > 1)); then
      cat "$work/time.log" >&2
      exit 1
    fi
    # "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.35" -> seconds.
    wall=$(awk -F': ' '/Elapsed/ { n = split($2, p, ":"); s = 0;
                                   for (i = 1; i <= n; ++i) s = s * 60 + p[i]; print s }' \
           "$work/time.log")
    cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' \
          "$work/time.log")
    kb=$(awk -F': ' '/Maximum resident/ { print $2 }' "$work/time.log")
    walls+=("$wall") cpus+=("$cpu") rss+=("$kb")
  done
  printf 'tmx %-8s median of %d: cpu %5.1f s, wall %5.1f s, peak RSS %5d MiB\n' "$command" "$runs" \
    "$(median "${cpus[@]}")" "$(median "${walls[@]}")" $(($(median "${rss[@]}") / 1024))
done
