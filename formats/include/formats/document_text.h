// Documents as translators have them: the text of a DOCX, ODT, HTML or PDF file as paragraphs,
// with the place each paragraph came from, so the text layer can segment it like a plain text
// file.
#ifndef TERMALIGN_FORMATS_DOCUMENT_TEXT_H_
#define TERMALIGN_FORMATS_DOCUMENT_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/status.h"
#include "text/types.h"

namespace termalign::formats {

enum class Format {
  kText,     // plain text: read as it is
  kDocx,     // Office Open XML word processing (ZIP with word/document.xml)
  kOdt,      // OpenDocument text (ZIP with content.xml, mimetype ...opendocument.text)
  kHtml,     // HTML or XHTML
  kPdf,      // PDF with a text layer (poppler): pages in reading order
  kRtf,      // recognised, not read
  kXliff,    // bilingual: recognised, not read as a monolingual document
  kPo,       // bilingual: recognised, not read as a monolingual document
  kTmx,      // bilingual: recognised, not read as a monolingual document
  kZip,      // another ZIP package (PPTX, XLSX, EPUB, ...)
  kCompound, // an OLE compound file: a password-protected Office document or a legacy .doc
};
std::string_view ToString(Format format);

// The format of a file, by its content; the name's extension only decides between formats the
// content cannot tell apart (a PO file, an HTML fragment and plain text). Anything not
// recognised is kText, for the text reader to accept or refuse (binary, UTF-16).
Format DetectFormat(std::string_view bytes, std::string_view path);

// Where a paragraph of ExtractedText came from: the part of the package ("word/document.xml",
// "word/footnotes.xml", "content.xml"; "" for HTML; "page 3" for PDF) and the paragraph's index
// in that part, counting from 1 in document order.
struct Place {
  std::string part;
  std::size_t paragraph = 0;
};

// The place as a report shows it (text::Place): the body's part named "", the notes' parts
// "footnotes" and "endnotes", a PDF's page as it is.
text::Place PlaceForPeople(const Place& place);

// The text of a document: one paragraph per line (headings, list items, table cells, footnotes
// and text boxes each a paragraph), places[i] the origin of line i. Hidden text, field codes,
// deleted revisions, scripts, styles and navigation are left out.
struct ExtractedText {
  Format format = Format::kText;
  std::string text;
  std::vector<Place> places;
  std::string lang;  // the document's declared language (HTML lang, DOCX/ODT default), or ""
};

// The largest part of a package that is inflated: a ZIP entry announcing or producing more is
// refused (a ZIP bomb) rather than inflated until memory runs out.
inline constexpr std::size_t kMaxPartBytes = std::size_t{256} << 20;

// The text of `bytes`, read as `format`. Fails (kParse) naming `path` and, where the format
// allows, the part and position: a damaged ZIP, XML that is not well-formed, a missing main
// part; and (kUsage) for formats recognised but not read here, with what to do instead.
text::Result<ExtractedText> ExtractText(std::string_view bytes, Format format,
                                        const std::string& path);

}  // namespace termalign::formats

#endif  // TERMALIGN_FORMATS_DOCUMENT_TEXT_H_
