#!/usr/bin/env bash
# Alignment quality: strict and lax F1 (../shared/tools/align-score) of `termalign align` on the
# reference sets beside the checkout: Text+Berg de-fr dev and test0-6 (FreeDict deu-fra), the
# four TransRead en-fr novels (FreeDict), and the seed articles. Skips when ../shared is absent.
# Each of those documents is small enough to be searched whole; the last rows join them into
# documents of 2,900-5,900 lines (the novels one after the other, Text+Berg dev and test written
# twice and four times over), which are searched in a band as books are.
#
#   bench/align_quality.sh            uses build/termalign
#   BUILD_DIR=build-x bench/align_quality.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
if [[ ! -d "$shared/gold" ]]; then
  echo "align_quality: skipped: the reference data ($shared/gold) is absent"
  exit 0
fi
termalign=${BUILD_DIR:-build}/termalign
score="python3 $shared/tools/align-score"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run NAME SRC_LANG TGT_LANG DIR SRC_EXT TGT_EXT GOLD_EXT STEM... : prints one table row.
run() {
  local name=$1 sl=$2 tl=$3 dir=$4 se=$5 te=$6 ge=$7 extra=$8
  shift 8
  local golds=() tests=()
  for stem in "$@"; do
    # shellcheck disable=SC2086
    "$termalign" align --presegmented --src-lang "$sl" --tgt-lang "$tl" --format beads $extra \
      "$dir/$stem$se" "$dir/$stem$te" -o "$work/$stem.beads"
    golds+=("$dir/$stem$ge")
    tests+=("$work/$stem.beads")
  done
  local table
  table=$($score -g "${golds[@]}" -t "${tests[@]}")
  local strict lax
  strict=$(awk '/F1/ { print $4 }' <<<"$table")
  lax=$(awk '/F1/ { print $6 }' <<<"$table")
  echo "| $name | $strict | $lax |"
}

tb=$shared/gold/textberg-de-fr
tr=$shared/gold/transread-en-fr-dev
novels="AlicesAdventuresInWonderland Candide JaneEyre LesTravailleursDeLaMer"
echo "| set | strict F1 | lax F1 |"
echo "|---|---:|---:|"
run "Text+Berg de-fr dev (FreeDict)" de fr "$tb" .de .fr .gold "" dev
run "Text+Berg de-fr test0-6 (FreeDict)" de fr "$tb" .de .fr .gold "" test0 test1 test2 test3 test4 test5 test6
run "Text+Berg de-fr test0-6 (no dictionary)" de fr "$tb" .de .fr .gold "--no-dict" test0 test1 test2 test3 test4 test5 test6
# shellcheck disable=SC2086
run "TransRead en-fr novels (FreeDict)" en fr "$tr" .en .fr .gold "" $novels
# shellcheck disable=SC2086
run "TransRead en-fr novels (no dictionary)" en fr "$tr" .en .fr .gold "--no-dict" $novels
run "seeds 000/002 en-fr (FreeDict)" en fr "$shared/gold/seeds-000-002" en.txt fr.txt gold.txt "" ""

# concat OUT COPIES DIR SRC_EXT TGT_EXT GOLD_EXT STEM... : the documents one after the other,
# COPIES times over, with their gold beads renumbered, as OUT/pair.src, .tgt and .gold.
concat() {
  python3 - "$@" <<'PY'
import os, re, sys
out, copies, folder, se, te, ge = sys.argv[1:7]
stems = sys.argv[7:]
source, target, gold = [], [], []
def shifted(indices, by):
    return "[" + ", ".join(str(int(k) + by) for k in re.findall(r"\d+", indices)) + "]"
for _ in range(int(copies)):
    for stem in stems:
        path = os.path.join(folder, stem)
        src = open(path + se, encoding="utf-8").read().splitlines()
        tgt = open(path + te, encoding="utf-8").read().splitlines()
        for line in open(path + ge, encoding="utf-8").read().splitlines():
            a, b = line.split(":")
            gold.append(shifted(a, len(source)) + ":" + shifted(b, len(target)))
        source += src
        target += tgt
os.makedirs(out, exist_ok=True)
for name, lines in (("src", source), ("tgt", target), ("gold", gold)):
    with open(os.path.join(out, "pair." + name), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
PY
}
tb_all="dev test0 test1 test2 test3 test4 test5 test6"
# shellcheck disable=SC2086
concat "$work/novels" 1 "$tr" .en .fr .gold $novels
# shellcheck disable=SC2086
concat "$work/tb2" 2 "$tb" .de .fr .gold $tb_all
# shellcheck disable=SC2086
concat "$work/tb4" 4 "$tb" .de .fr .gold $tb_all
run "TransRead novels joined, banded (FreeDict)" en fr "$work/novels" .src .tgt .gold "" pair
run "TransRead novels joined, banded (no dictionary)" en fr "$work/novels" .src .tgt .gold "--no-dict" pair
run "Text+Berg dev+test x2, banded (FreeDict)" de fr "$work/tb2" .src .tgt .gold "" pair
run "Text+Berg dev+test x4, banded (no dictionary)" de fr "$work/tb4" .src .tgt .gold "--no-dict" pair
