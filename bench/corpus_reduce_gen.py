#!/usr/bin/env python3
"""Writes what the corpus map steps would leave for the glossary step, without aligning:

    corpus_reduce_gen.py DIR PAIRS [--per-document N]

DIR/manifest.tsv lists PAIRS / N document pairs (one-line files under DIR/docs, which the
glossary step does not read), and DIR/out/work/map holds each pair's record and its bitext of N
aligned sentence pairs (default 200). The sentences are those of bench/glossary_build_bench.sh:
8-20 words from 2,000 word pairs, 15% of them one of 300 recurring two-word terms (the French
side in the other order, joined by "de"). Seeded: the same arguments write the same bytes.
"""
import argparse
import json
import os
import random


def sentence(rng, terms):
    source, target = [], []
    for _ in range(8 + rng.randrange(13)):
        if rng.random() < 0.15:
            a, b = terms[rng.randrange(300)]
            source += [f"w{a}x", f"w{b}x"]
            target += [f"m{b}o", "de", f"m{a}o"]
        else:
            w = rng.randrange(2000)
            source.append(f"w{w}x")
            target.append(f"m{w}o")
            if rng.random() < 0.3:
                source.append("the")
                target.append("le")
    return " ".join(source) + ".", " ".join(target) + "."


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir")
    parser.add_argument("pairs", type=int)
    parser.add_argument("--per-document", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(42)
    terms = [(rng.randrange(2000), rng.randrange(2000)) for _ in range(300)]
    docs = os.path.join(args.dir, "docs")
    records = os.path.join(args.dir, "out", "work", "map")
    os.makedirs(docs, exist_ok=True)
    os.makedirs(records, exist_ok=True)
    rows = ["id\tsource\ttarget\tsource_lang\ttarget_lang"]
    documents = (args.pairs + args.per_document - 1) // args.per_document
    for d in range(documents):
        name = f"d{d:06d}"
        for lang in ("en", "fr"):
            with open(os.path.join(docs, f"{name}.{lang}.txt"), "w", encoding="utf-8") as out:
                out.write(f"Document {d}.\n")
        rows.append(f"{name}\tdocs/{name}.en.txt\tdocs/{name}.fr.txt\ten\tfr")
        count = min(args.per_document, args.pairs - d * args.per_document)
        lines = [json.dumps({"source": {"name": f"docs/{name}.en.txt", "lang": "en",
                                        "hash": f"{d:016x}-en"},
                             "target": {"name": f"docs/{name}.fr.txt", "lang": "fr",
                                        "hash": f"{d:016x}-fr"}})]
        for k in range(count):
            source, target = sentence(rng, terms)
            lines.append(json.dumps([source, target, 0.9, 1, 1, k, k]))
        with open(os.path.join(records, f"{name}.en-fr.bitext.jsonl"), "w") as out:
            out.write("\n".join(lines) + "\n")
        with open(os.path.join(records, f"{name}.en-fr.json"), "w") as out:
            json.dump({"kind": "pair", "name": name, "ok": True}, out)
    with open(os.path.join(args.dir, "manifest.tsv"), "w", encoding="utf-8") as out:
        out.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
