#!/usr/bin/env python3
"""Writes a synthetic TBX v2 (martif) termbase for import benchmarks.

    bench/tbx_gen.py CONCEPTS LANGS OUT.tbx [SEED]

CONCEPTS entries, each with one term in each of LANGS languages (en, fr, de, es, ... in that
order), so CONCEPTS * LANGS terms. A term is 1 to 3 pseudo-words from a vocabulary of 30,000
per language (accented letters in the Latin ones); every 5th term has a synonym in English, every
10th entry a subject field and a definition, as real termbases carry some. Deterministic for a
seed.
"""
import random
import sys

LANGS = ["en", "fr", "de", "es", "it", "pt", "nl", "sv"]
LETTERS = {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "fr": "abcdefghijklmnopqrstuvwxyzéèàç",
    "de": "abcdefghijklmnopqrstuvwxyzäöüß",
    "es": "abcdefghijklmnopqrstuvwxyzñáéí",
}
VOCABULARY = 30000
SUBJECTS = ["law", "finance", "shipping", "medicine", "energy", "transport", "software"]


def vocabulary(rng, lang):
    letters = LETTERS.get(lang, LETTERS["en"])
    words = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(3, 10))))
    return sorted(words)


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    concepts, langs, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    if not 1 <= langs <= len(LANGS):
        sys.exit(f"LANGS must be 1 to {len(LANGS)}")
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) == 5 else 42)
    tags = LANGS[:langs]
    words = {lang: vocabulary(rng, lang) for lang in tags}
    terms = 0
    with open(out, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en">\n'
                "<martifHeader><fileDesc><sourceDesc><p>synthetic</p></sourceDesc></fileDesc>"
                "</martifHeader>\n<text><body>\n")
        for c in range(concepts):
            parts = [f'<termEntry id="c{c}">']
            if c % 10 == 0:
                parts.append(f'<descrip type="subjectField">{rng.choice(SUBJECTS)}</descrip>')
                parts.append(f'<descrip type="definition">definition {c}</descrip>')
            for lang in tags:
                parts.append(f'<langSet xml:lang="{lang}">')
                synonyms = 2 if lang == "en" and c % 5 == 0 else 1
                for _ in range(synonyms):
                    term = " ".join(rng.choice(words[lang]) for _ in range(rng.randint(1, 3)))
                    parts.append(f"<tig><term>{term}</term></tig>")
                    terms += 1
                parts.append("</langSet>")
            parts.append("</termEntry>\n")
            f.write("".join(parts))
        f.write("</body></text>\n</martif>\n")
    print(f"{out}: {concepts} concepts, {terms} terms", file=sys.stderr)


if __name__ == "__main__":
    main()
