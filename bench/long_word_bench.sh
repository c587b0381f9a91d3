#!/usr/bin/env bash
# Long-word benchmark: aligns a one-word document of N letters ("aaa...a") with a one-sentence
# French one, with the installed FreeDict dictionary and without (--no-dict), and reports the
# median wall time and peak memory of RUNS runs. Every stage must stay linear in the word's
# length: the dictionary's compound split used to take 10-14 s at 320,000 letters.
#
#   bench/long_word_bench.sh                  100,000, 320,000 and 1,000,000 letters, 3 runs each
#   SIZES="320000" RUNS=5 bench/long_word_bench.sh
#
# Environment: BUILD_DIR (default build), RUNS (3), SIZES.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build}
runs=${RUNS:-3}
sizes=${SIZES:-"100000 320000 1000000"}

if [[ ! -x /usr/bin/time ]]; then
  echo "long_word_bench: error: /usr/bin/time is missing (Debian package 'time')" >&2
  exit 2
fi
termalign=$(cd "$build_dir" && pwd)/termalign
if [[ ! -x "$termalign" ]]; then
  echo "long_word_bench: error: $termalign is missing: build first" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'Un mot.\n' >"$work/one.fr"

# Median of the numbers on stdin.
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '| letters | dictionary | wall (median) | peak memory |\n|---:|---|---:|---:|\n'
for size in $sizes; do
  head -c "$size" /dev/zero | tr '\0' a >"$work/w.txt"
  printf '\n' >>"$work/w.txt"
  for mode in freedict no-dict; do
    opts=()
    [[ $mode == no-dict ]] && opts=(--no-dict)
    : >"$work/times"
    : >"$work/memory"
    for ((run = 0; run < runs; ++run)); do
      /usr/bin/time -f '%e %M' -o "$work/time" "$termalign" align --src-lang en --tgt-lang fr \
        "${opts[@]}" "$work/w.txt" "$work/one.fr" >/dev/null 2>"$work/stderr"
      read -r seconds kib <"$work/time"
      echo "$seconds" >>"$work/times"
      echo "$kib" >>"$work/memory"
    done
    printf '| %s | %s | %s s | %s MB |\n' "$size" "$mode" "$(median <"$work/times")" \
      "$(( $(median <"$work/memory") / 1024 ))"
  done
done
