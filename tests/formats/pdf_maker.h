// A small PDF writer for tests: pages of text lines placed at given positions in the standard
// Helvetica font (WinAnsi encoding, so Latin-1 letters work), written with a correct
// cross-reference table. Enough to build documents with columns, running headers, page numbers
// and hyphenated line ends, and the odd files readers must refuse.
#ifndef TERMALIGN_TESTS_FORMATS_PDF_MAKER_H_
#define TERMALIGN_TESTS_FORMATS_PDF_MAKER_H_

#include <cstdio>
#include <string>
#include <vector>

namespace termalign::testing {

struct PdfLine {
  double x = 72;  // from the left edge, in points (the page is 595 x 842)
  double y = 0;   // from the bottom edge
  double size = 11;
  std::string text;  // UTF-8; characters above U+00FF become '?'
};
using PdfPage = std::vector<PdfLine>;

struct PdfOptions {
  // Adds an /Encrypt dictionary whose user password is not empty: readers cannot open it.
  bool encrypted = false;
};

namespace pdf_maker_detail {

// UTF-8 to the single bytes of a PDF literal string, with its special characters escaped.
inline std::string LiteralString(const std::string& utf8) {
  std::string out = "(";
  for (std::size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    unsigned code = c;
    std::size_t length = 1;
    if (c >= 0xC0 && c < 0xE0 && i + 1 < utf8.size()) {
      code = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu);
      length = 2;
    } else if (c >= 0xE0) {
      code = '?';
      length = c >= 0xF0 ? 4 : 3;
    }
    i += length;
    if (code > 0xFF) code = '?';
    if (code == '(' || code == ')' || code == '\\') out += '\\';
    out += static_cast<char>(code);
  }
  return out + ")";
}

}  // namespace pdf_maker_detail

inline std::string MakePdf(const std::vector<PdfPage>& pages, const PdfOptions& options = {}) {
  std::vector<std::string> objects;
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (std::size_t i = 0; i < pages.size(); ++i) kids += std::to_string(3 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " +
                    std::to_string(pages.size()) + " >>");
  const std::size_t font = 3 + 2 * pages.size();
  for (std::size_t i = 0; i < pages.size(); ++i) {
    std::string content;
    for (const PdfLine& line : pages[i]) {
      char place[96];
      std::snprintf(place, sizeof place, "BT /F1 %.1f Tf %.1f %.1f Td ", line.size, line.x, line.y);
      content += place + pdf_maker_detail::LiteralString(line.text) + " Tj ET\n";
    }
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
                      "<< /F1 " + std::to_string(font) + " 0 R >> >> /Contents " +
                      std::to_string(4 + 2 * i) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "endstream");
  }
  objects.push_back(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  std::string encrypt;
  if (options.encrypted) {
    const std::string key(64, 'A');
    objects.push_back("<< /Filter /Standard /V 1 /R 2 /O <" + key + "> /U <" + key +
                      "> /P -4 >>");
    encrypt = " /Encrypt " + std::to_string(objects.size()) + " 0 R /ID [<" + key.substr(0, 32) +
              "> <" + key.substr(0, 32) + ">]";
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t n = 0; n < objects.size(); ++n) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(n + 1) + " 0 obj\n" + objects[n] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char entry[24];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R" + encrypt +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// Lines of running text from the top of a page down, one every `leading` points; an empty line
// leaves a paragraph gap.
inline PdfPage TextLines(const std::vector<std::string>& lines, double top = 760,
                         double x = 72, double leading = 14) {
  PdfPage page;
  double y = top;
  for (const std::string& text : lines) {
    if (!text.empty()) page.push_back(PdfLine{x, y, 11, text});
    y -= text.empty() ? leading * 1.5 : leading;
  }
  return page;
}

}  // namespace termalign::testing

#endif  // TERMALIGN_TESTS_FORMATS_PDF_MAKER_H_
