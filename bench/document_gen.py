#!/usr/bin/env python3
"""Writes a long generated document as PDF and as DOCX, for bench/document_read_bench.sh.

    document_gen.py PAGES OUT_STEM     writes OUT_STEM.pdf and OUT_STEM.docx

Each page holds a heading, three paragraphs of generated sentences (about 45 lines of 11-point
Helvetica) and a running header and page number; the DOCX holds the same paragraphs. The PDF is
uncompressed, with a correct cross-reference table; the DOCX is the smallest package a word
processor reads.
"""
import random
import sys
import zipfile
from xml.sax.saxutils import escape

WORDS = ("pump valve filter hose motor switch housing season water pressure outlet inlet nut "
         "thread plug winter frost service centre manual surface pond garden quay ferry ticket "
         "harbour office board customs building island east west north south line station").split()


def paragraphs(rng, count):
    for _ in range(count):
        sentences = []
        for _ in range(rng.randint(3, 6)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(6, 16))]
            sentences.append(" ".join(words).capitalize() + ".")
        yield " ".join(sentences)


def wrap(text, width=80):
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            yield line
            line = ""
        line = f"{line} {word}" if line else word
    if line:
        yield line


def pdf(pages):
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font = 3 + 2 * len(pages)
    for number, page in enumerate(pages, 1):
        content = b"BT /F1 9 Tf 72 805 Td (Generated manual, long edition) Tj ET\n"
        content += f"BT /F1 9 Tf 290 40 Td ({number}) Tj ET\n".encode()
        y = 770
        for size, line in page:
            if line is None:
                y -= 8
                continue
            line = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            content += f"BT /F1 {size} Tf 72 {y} Td ({line}) Tj ET\n".encode("cp1252")
            y -= size + 4
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
                       f"<< /F1 {font} 0 R >> >> /Contents {2 + 2 * number} "
                       f"0 R >>".encode())
        objects.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"endstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def docx(blocks):
    body = "".join(f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>" for text in blocks)
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
                '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                f"{body}</w:body></w:document>")
    return document


def main():
    pages_wanted, stem = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(1)
    pages, blocks = [], []
    for number in range(1, pages_wanted + 1):
        heading = f"{number}. Chapter {number}"
        page = [(14, heading), (11, None)]
        blocks.append(heading)
        for text in paragraphs(rng, 3):
            blocks.append(text)
            page += [(11, line) for line in wrap(text)] + [(11, None)]
        pages.append(page)
    with open(stem + ".pdf", "wb") as out:
        out.write(pdf(pages))
    with zipfile.ZipFile(stem + ".docx", "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://'
                         'schemas.openxmlformats.org/package/2006/content-types"/>')
        package.writestr("word/document.xml", docx(blocks))


if __name__ == "__main__":
    main()
