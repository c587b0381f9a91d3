#!/usr/bin/env bash
# Glossary quality of `termalign run` on a parallel corpus against a hand-made glossary.
#
#   bench/glossary_quality.sh BINARY CORPUS_DIR GOLD_TSV   one corpus
#   bench/glossary_quality.sh BINARY                       the test domains (tests/data/domains)
#                                                          and, when present, seeds 000/002 of the
#                                                          shared reference data
#
# CORPUS_DIR holds NAME.en.txt / NAME.fr.txt documents. GOLD_TSV is `en<TAB>fr` with a header line,
# or the reference format `concept<TAB>en<TAB>fr<TAB>...` whose header names the en and fr columns
# (a header with en and ar and no fr measures English-Arabic: the corpus then holds NAME.ar.txt
# documents)
# (variants separated by " | "). It prints:
#   - lookup recall: of the gold pairs whose English term occurs in the English text, how many
#     `termalign lookup --json EN` shows with the French term in the same entity (the same text
#     folded, or an inflection: `lookup FR` lands in that entity), how many more only as a
#     pending proposal between the two terms, and the misses;
#   - the 50 best pair proposals, pending or accepted (`glossary suggest --status
#     pending,accepted`: the pairs the build joined are accepted ones), each marked `gold` when
#     it is a gold pair, for a person to judge the others, and how many are gold.
# Terms are compared folded (case, accents, ligatures and apostrophe forms do not count); a gold
# mark in the top 50 also takes plurals (`hard disks / disques durs` is `hard disk / disque dur`).
# RUN_FLAGS adds options to `termalign run` (e.g. RUN_FLAGS=--no-dict). SHARED_DIR names the
# reference folder (default: ../shared beside the checkout).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")

if [[ $# -ne 1 && $# -ne 3 ]]; then
  echo "usage: $0 BINARY [CORPUS_DIR GOLD_TSV]" >&2
  exit 2
fi
binary=$(realpath "$1")
[[ -x "$binary" ]] || { echo "$0: $1: not an executable" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {  # CORPUS_DIR GOLD_TSV LABEL
  local out="$work/out-$3" target=fr columns
  columns=$(head -n 1 "$2" | tr '\t' '\n' | sed 's/^# *//')
  if ! grep -qx fr <<<"$columns" && grep -qx ar <<<"$columns"; then target=ar; fi
  # shellcheck disable=SC2086
  "$binary" run "$1" -o "$out" -q --tgt-lang "$target" ${RUN_FLAGS:-} >"$work/run-$3.txt" 2>&1 || {
    cat "$work/run-$3.txt" >&2
    echo "$0: termalign run $1 failed" >&2
    return 2
  }
  python3 - "$binary" "$1" "$2" "$out/termalign.db" "$3" "$target" <<'PY'
import json, re, subprocess, sys, unicodedata
from pathlib import Path

binary, corpus, gold_path, db, label, target = sys.argv[1:7]

def fold(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    s = s.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    s = unicodedata.normalize("NFD", s.casefold())
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return " ".join(s.split())

# Gold concepts: (English variants, French variants).
lines = Path(gold_path).read_text(encoding="utf-8").splitlines()
header = [h.strip().lstrip("#").strip() for h in lines[0].split("\t")]
en_col, fr_col = header.index("en"), header.index(target)
gold = []
for line in lines[1:]:
    cells = line.split("\t")
    if len(cells) <= max(en_col, fr_col):
        continue
    en = [v.strip() for v in cells[en_col].split(" | ") if v.strip()]
    fr = [v.strip() for v in cells[fr_col].split(" | ") if v.strip()]
    if en and fr:
        gold.append((en, fr))
def singular(w):
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    return w[:-1] if len(w) > 3 and w[-1] in "sx" else w

def bare(w):
    # An Arabic word without its article (ال, لل after ل), as the termbase keys it; ة as ه.
    w = w.replace("\u0629", "\u0647")
    for article in ("\u0627\u0644", "\u0644\u0644"):
        if w.startswith(article) and len(w) > len(article) + 1:
            return w[len(article):]
    return w

def loose(s):
    # Plural-blind: each longer word's final s or x dropped (ies -> y), on both sides; Arabic
    # words without their article.
    return " ".join(singular(bare(w)) for w in fold(s).split())

gold_pairs = {(loose(e), loose(f)) for en, fr in gold for e in en for f in fr}

english = fold("\n".join(p.read_text(encoding="utf-8")
                         for p in sorted(Path(corpus).glob("*.en.txt"))))

def occurs(term):
    # Whole words, plural allowed ("incremental backups" holds "incremental backup").
    return re.search(r"(?<!\w)" + re.escape(fold(term)) + r"(s|es)?(?!\w)", english) is not None

def run(*args):
    return subprocess.run([binary, *args], capture_output=True, text=True)

proposals = []
listed = run("glossary", "suggest", "--db", db, "--status", "pending,accepted", "--limit", "0",
             "--json")
for line in listed.stdout.splitlines():
    proposals.append(json.loads(line))

def pair_of(p, key=fold):
    """The proposal as (en, fr) keys, or None when it does not join English and French."""
    if p.get("kind") != "pair" or not p.get("via"):
        return None
    if p["lang"].startswith("en"):
        return key(p["term"]), key(p["via"])
    if p["lang"].startswith(target):
        return key(p["via"]), key(p["term"])
    return None

# Plural-blind, as the top 50's gold marks: lookup finds "flood-prone areas" for "flood-prone area".
pending = {pair_of(p, loose) for p in proposals if p["status"] == "pending"} - {None}

def entities(term):
    """The lookup of `term`: {entity id: folded texts of its French terms}."""
    found = {}
    for line in run("lookup", "--db", db, "--json", term).stdout.splitlines():
        match = json.loads(line)
        found[match["entity"]] = {fold(t["text"]) for t in match["terms"]
                                  if t["lang"].startswith(target)}
    return found

in_text = visible = only_proposed = 0
missing = []
for en, fr in gold:
    present = [e for e in en if occurs(e)]
    if not present:
        continue
    in_text += 1
    french = {fold(f) for f in fr}
    english_entities = {}
    for e in present:
        english_entities.update(entities(e))
    shown = any(french & texts for texts in english_entities.values())
    if not shown:
        shown = any(set(entities(f)) & set(english_entities) for f in fr)
    if shown:
        visible += 1
    elif any((loose(e), loose(f)) in pending for e in present for f in french):
        only_proposed += 1
        missing.append(f"{en[0]} / {fr[0]} (pending proposal)")
    else:
        missing.append(f"{en[0]} / {fr[0]}")

def pct(a, b):
    return f"{100 * a / b:.0f}%" if b else "-"

print(f"== {label}: {corpus} against {gold_path}")
print(f"gold pairs {len(gold)}, English term in the text {in_text}")
print(f"lookup recall: {visible}/{in_text} ({pct(visible, in_text)}) in one entity;"
      f" {only_proposed} more only as a pending proposal;"
      f" {in_text - visible - only_proposed} not found")
for m in missing:
    print(f"  not in one entity: {m}")

print("top 50 pair proposals (glossary suggest --status pending,accepted), gold pairs marked:")
ranked = [p for p in proposals if pair_of(p) is not None]
hits = 0
for rank, p in enumerate(ranked[:50], 1):
    is_gold = pair_of(p, loose) in gold_pairs
    hits += is_gold
    en, fr = (p["term"], p["via"]) if p["lang"].startswith("en") else (p["via"], p["term"])
    print(f"  {rank:2} {'gold' if is_gold else '    '} {p['score']:.3f} {p['status']:8}"
          f"  {en}  /  {fr}")
shown_top = min(50, len(ranked))
print(f"top 50: {hits}/{shown_top} gold ({pct(hits, shown_top)}); judge the others by hand")
print(f"SUMMARY {label} recall {visible}/{in_text} pending {only_proposed}"
      f" top50-gold {hits}/{shown_top}")
PY
}

if [[ $# -eq 3 ]]; then
  measure "$2" "$3" "$(basename "$2")"
  exit
fi

for domain in manual legal leaflet software banking rail insurance news labour privacy; do
  measure "$repo/tests/data/domains/$domain" "$repo/tests/data/domains/$domain/glossary.tsv" \
    "$domain"
done
shared=${SHARED_DIR:-$repo/../shared}
if [[ -f "$shared/gold/seeds-glossary.tsv" ]]; then
  mkdir -p "$work/seeds"
  cp "$shared"/seeds/000_*.txt "$work/seeds/seeds.en.txt"
  cp "$shared"/seeds/002_*.txt "$work/seeds/seeds.fr.txt"
  measure "$work/seeds" "$shared/gold/seeds-glossary.tsv" seeds
else
  echo "seeds: skipped (no reference data in $shared)"
fi
