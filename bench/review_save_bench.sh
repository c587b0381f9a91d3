#!/usr/bin/env bash
# Review save benchmark: a generated book (bench/align_gen's sentences, five to a line, as
# book.en.txt and book.fr.txt) is run with `termalign run --no-glossary`; `termalign review`
# then serves it, one sentence is edited in the page's API and the pair saved, twice. Reports
# the wall time of each request (curl) and checks that the saved qa.jsonl and report.html are
# byte for byte those of a full `run` over the same corrected beads.
#
#   bench/review_save_bench.sh                 100,000 sentences a side
#   SENTENCES=500000 bench/review_save_bench.sh
#
# Environment: BUILD_DIR (default build), SENTENCES (100000), SEED (1), WORK_DIR (default: a
# temporary folder, removed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build}
sentences=${SENTENCES:-100000}
seed=${SEED:-1}
termalign=$(realpath "$build_dir/termalign")
gen=$(realpath "$build_dir/bench/align_gen")
for tool in curl python3; do
  command -v "$tool" >/dev/null || { echo "review_save_bench: needs $tool" >&2; exit 2; }
done
work=${WORK_DIR:-$(mktemp -d)}
[[ -n "${WORK_DIR:-}" ]] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus"
work=$(realpath "$work")
cd "$work"

"$gen" --sentences "$sentences" --seed "$seed" --out gen >/dev/null
# Five sentences a line: paragraphs the segmenter cuts again.
paste -d' ' - - - - - < gen/src.txt > corpus/book.en.txt
paste -d' ' - - - - - < gen/tgt.txt > corpus/book.fr.txt
echo "book: $(wc -l < gen/src.txt) + $(wc -l < gen/tgt.txt) sentences, $(du -h corpus | cut -f1)"

# The corpus by its absolute path, as run.json records it: a save's report names it so.
/usr/bin/time -f "run: %e s wall, %U s user, %M KB peak" \
  "$termalign" run "$work/corpus" -o o --no-glossary -q > /dev/null

"$termalign" review o -q > review.url &
server=$!
trap 'kill $server 2>/dev/null; [[ -n "${WORK_DIR:-}" ]] || rm -rf "$work"' EXIT
for _ in $(seq 100); do [[ -s review.url ]] && break; sleep 0.1; done
url=$(head -1 review.url)
base=${url%%/\?t=*}
token=${url##*t=}

# One request, timed: METHOD PATH [FORM FIELDS...]; prints the answer's body to answer.json.
ask() {
  local method=$1 path=$2
  shift 2
  local args=()
  for field in "$@"; do args+=(--data-urlencode "$field"); done
  if [[ $method == GET ]]; then
    curl -s -G -o answer.json -w '%{time_total}' "${args[@]}" --data-urlencode "t=$token" "$base$path"
  else
    curl -s -o answer.json -w '%{time_total}' "${args[@]}" "$base$path?t=$token"
  fi
}
field() { python3 -c "import json,sys; print(json.load(open('answer.json'))$1)"; }

printf 'first page of beads: %s s\n' "$(ask GET /api/beads pair=0 limit=200)"
version=$(field "['version']")
for round in 1 2; do
  # Edit the source sentence of the 11th bead, then save.
  n=$(field "['beads'][10]['source'][0]['n']")
  text=$(field "['beads'][10]['source'][0]['text']")
  printf 'edit a sentence: %s s\n' \
    "$(ask POST /api/beads/change pair=0 "version=$version" action=edit bead=10 side=source \
       "sentence=$n" "text=$text (edited $round)")"
  version=$(field "['version']")
  printf 'save %s: %s s\n' "$round" "$(ask POST /api/beads/save pair=0 "version=$version")"
  field "['message']"
  version=$(field "['version']")
  ask GET /api/beads pair=0 limit=200 > /dev/null
done
kill $server
wait $server 2>/dev/null || true

# The same corrected beads through a full run into the same folder: the same QA, byte for byte.
mkdir saved
cp o/qa.jsonl o/report.html saved/
/usr/bin/time -f "full run over the corrected beads: %e s wall, %U s user" \
  "$termalign" run "$work/corpus" -o o --no-glossary -q > /dev/null
for file in qa.jsonl report.html; do
  if cmp -s "saved/$file" "o/$file"; then
    echo "$file: the same as a full run's"
  else
    echo "$file: DIFFERS from a full run's" >&2
    exit 1
  fi
done
