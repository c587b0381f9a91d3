#!/usr/bin/env bash
# Times `termalign glossary build --tmx` on N synthetic aligned pairs (default 100000): the
# median CPU time, wall-clock time and peak memory of 3 runs, each into a fresh termbase.
# Usage: bench/glossary_build_bench.sh [N] [BIN]
set -euo pipefail
pairs=${1:-100000}
bin=${2:-"$(dirname "$0")/../build/termalign"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Synthetic bitext: 2000 word pairs, 300 two-word terms that recur, sentences of 8-20 words.
awk -v n="$pairs" 'BEGIN {
  srand(42);
  for (i = 0; i < 2000; i++) { en[i] = "w" i "x"; fr[i] = "m" i "o"; }
  for (t = 0; t < 300; t++) { a[t] = int(rand() * 2000); b[t] = int(rand() * 2000); }
  for (p = 0; p < n; p++) {
    len = 8 + int(rand() * 13); s = ""; f = "";
    for (k = 0; k < len; k++) {
      if (rand() < 0.15) {
        t = int(rand() * 300);
        s = s " " en[a[t]] " " en[b[t]]; f = f " " fr[b[t]] " de " fr[a[t]];
      } else {
        w = int(rand() * 2000); s = s " " en[w]; f = f " " fr[w];
        if (rand() < 0.3) { s = s " the"; f = f " le"; }
      }
    }
    print substr(s, 2) "." "\t" substr(f, 2) ".";
  }
}' > "$work/pairs.tsv"
"$bin" tmx export --src-lang en --tgt-lang fr --pairs "$work/pairs.tsv" -o "$work/pairs.tmx"

# Wall clock, CPU (user + system) and peak memory of each run, from GNU time.
walls=(); cpus=(); peaks=()
for run in 1 2 3; do
  rm -f "$work/bench.db"*
  /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" \
    "$bin" glossary build -q --no-dictionary --db "$work/bench.db" --tmx "$work/pairs.tmx"
  read -r wall user sys peak < "$work/time.txt"
  walls+=("$wall"); cpus+=("$(echo "$user + $sys" | bc)"); peaks+=("$peak")
done
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
terms=$(sqlite3 "$work/bench.db" 'select count(*) from terms' 2>/dev/null || echo '?')
echo "glossary build: $pairs aligned pairs, median of 3 runs: $(median "${cpus[@]}") s CPU," \
  "$(median "${walls[@]}") s wall clock, $(( $(median "${peaks[@]}") / 1024 )) MB peak" \
  "(CPU: ${cpus[*]}; wall: ${walls[*]}); $terms terms"
