#!/usr/bin/env bash
# Writes the documents of examples/documents from these Markdown sources, the way translators
# receive them: the English manual as a word processor's DOCX (pandoc) and the French one as a PDF
# printed by a web browser (pandoc to HTML, then headless Chromium).
#   examples/documents/source/make.sh
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pandoc pump.en.md -o ../pump.en.docx
pandoc -s --metadata pagetitle="Pompe de jardin GP-40" pump.fr.md -o "$work/pump.fr.html"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$work/pump.fr.pdf" "$work/pump.fr.html" 2>/dev/null
mv "$work/pump.fr.pdf" ../pump.fr.pdf
