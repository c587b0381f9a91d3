# Set-up shared by the benchmark scripts; source it after `cd` to the checkout:
#   source bench/common.sh
#   bench_build TARGET...            configure BUILD_DIR (RelWithDebInfo) once, build the targets
#   bench_workdir                    sets $work: WORK_DIR, or a temporary folder removed on exit
#   bench_time LOG COMMAND...        runs COMMAND under /usr/bin/time -v (its report in LOG) and
#                                    sets $wall and $cpu (seconds) and $rss_mb (peak resident MB)
#   median NUMBER...                 prints the median
# Environment: BUILD_DIR (default build).

build_dir=${BUILD_DIR:-build}
bench_name=$(basename "$0" .sh)

bench_build() {
  if [[ ! -x /usr/bin/time ]]; then
    echo "$bench_name: error: /usr/bin/time is missing (Debian package 'time')" >&2
    exit 2
  fi
  if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
    cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
  if ! cmake --build "$build_dir" -j "$(nproc)" --target "$@" >"$build_dir/bench-build.log" 2>&1; then
    echo "$bench_name: error: the build failed; see $build_dir/bench-build.log" >&2
    exit 2
  fi
}

bench_workdir() {
  if [[ -n "${WORK_DIR:-}" ]]; then
    work=$WORK_DIR
    mkdir -p "$work"
  else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
  fi
}

bench_time() {
  local log=$1
  shift
  if ! /usr/bin/time -v "$@" 2>"$log" >/dev/null; then
    echo "$bench_name: error: $* failed:" >&2
    cat "$log" >&2
    exit 1
  fi
  # "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.35" -> seconds.
  wall=$(awk -F': ' '/Elapsed/ { n = split($2, p, ":"); s = 0;
                                 for (i = 1; i <= n; ++i) s = s * 60 + p[i]; print s }' "$log")
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$log")
  rss_mb=$(($(awk -F': ' '/Maximum resident/ { print $2 }' "$log") / 1024))
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
