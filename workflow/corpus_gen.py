#!/usr/bin/env python3
"""Writes a generated archive of English-French document pairs and its manifest.

    corpus_gen.py OUT_DIR PAIRS SENTENCES [--seed N] [--broken N] [--monolingual N]

OUT_DIR/docs/NNNNN.en.txt and NNNNN.fr.txt hold SENTENCES sentences each, one paragraph per five
sentences, made from a small set of parallel phrases (so a glossary has terms to find and the
aligner has words to match); OUT_DIR/manifest.tsv lists them. --broken N makes the last N pairs'
targets unreadable as text (Latin-1 bytes, not UTF-8); --monolingual N adds N English documents
without a counterpart. The same arguments write the same bytes.
"""
import argparse
import os
import random

# (English, French) noun phrases of a fictional maintenance manual: the terms to learn.
TERMS = [
    ("pressure valve", "soupape de pression"), ("drain pump", "pompe de vidange"),
    ("water filter", "filtre à eau"), ("control panel", "panneau de commande"),
    ("safety switch", "interrupteur de sécurité"), ("heat exchanger", "échangeur thermique"),
    ("inlet hose", "tuyau d'arrivée"), ("service manual", "manuel d'entretien"),
    ("spare part", "pièce de rechange"), ("power cable", "câble d'alimentation"),
    ("fuel tank", "réservoir de carburant"), ("air compressor", "compresseur d'air"),
    ("cooling fan", "ventilateur de refroidissement"), ("oil seal", "joint d'huile"),
    ("circuit breaker", "disjoncteur"), ("warning light", "voyant d'alerte"),
]
# Sentence frames with slots for two terms and a number: (English, French).
FRAMES = [
    ("Check the {a} before you open the {b}.", "Vérifiez {a} avant d'ouvrir {b}."),
    ("The {a} must be replaced every {n} months.", "{A} doit être remplacé tous les {n} mois."),
    ("Do not touch the {a} while the {b} is running.",
     "Ne touchez pas {a} pendant que {b} fonctionne."),
    ("Clean the {a} with a dry cloth.", "Nettoyez {a} avec un chiffon sec."),
    ("If the {a} leaks, turn off the {b} at once.", "Si {a} fuit, coupez {b} immédiatement."),
    ("The technician tests the {a} after {n} hours of use.",
     "Le technicien teste {a} après {n} heures d'utilisation."),
    ("Order the {a} from the supplier.", "Commandez {a} auprès du fournisseur."),
    ("Section {n} explains how the {a} is fitted to the {b}.",
     "La section {n} explique comment {a} est monté sur {b}."),
]


def with_article(french):
    """The French term with a definite article (le, la or l')."""
    if french[0] in "aeiouéèêh":
        return "l'" + french
    feminine = french.split()[0] in {"soupape", "pompe", "pièce"}
    return ("la " if feminine else "le ") + french


def sentence(rng):
    (en_a, fr_a), (en_b, fr_b) = rng.sample(TERMS, 2)
    en, fr = rng.choice(FRAMES)
    n = rng.randint(2, 48)
    fr_a, fr_b = with_article(fr_a), with_article(fr_b)
    return (en.format(a=en_a, b=en_b, n=n),
            fr.format(a=fr_a, b=fr_b, A=fr_a[0].upper() + fr_a[1:], n=n))


def document(rng, sentences):
    en_lines, fr_lines, en_par, fr_par = [], [], [], []
    for k in range(sentences):
        en, fr = sentence(rng)
        en_par.append(en)
        fr_par.append(fr)
        if len(en_par) == 5 or k + 1 == sentences:
            en_lines.append(" ".join(en_par))
            fr_lines.append(" ".join(fr_par))
            en_par, fr_par = [], []
    return "\n".join(en_lines) + "\n", "\n".join(fr_lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("pairs", type=int)
    parser.add_argument("sentences", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--broken", type=int, default=0)
    parser.add_argument("--monolingual", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    docs = os.path.join(args.out, "docs")
    os.makedirs(docs, exist_ok=True)
    rows = ["id\tsource\ttarget\tsource_lang\ttarget_lang"]
    for k in range(args.pairs):
        name = f"{k:05d}"
        en, fr = document(rng, args.sentences)
        fr_bytes = fr.encode("utf-8")
        if k >= args.pairs - args.broken:
            fr_bytes = fr.encode("latin-1", errors="replace")
        with open(os.path.join(docs, name + ".en.txt"), "wb") as out:
            out.write(en.encode("utf-8"))
        with open(os.path.join(docs, name + ".fr.txt"), "wb") as out:
            out.write(fr_bytes)
        rows.append(f"{name}\tdocs/{name}.en.txt\tdocs/{name}.fr.txt\ten\tfr")
    for k in range(args.monolingual):
        name = f"notes{k:03d}"
        en, _ = document(rng, args.sentences)
        with open(os.path.join(docs, name + ".en.txt"), "w", encoding="utf-8") as out:
            out.write(en)
        rows.append(f"{name}\tdocs/{name}.en.txt\t\ten\t")
    with open(os.path.join(args.out, "manifest.tsv"), "w", encoding="utf-8") as out:
        out.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
