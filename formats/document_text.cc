// Format detection and the dispatch to each format's reader.
#include "formats/document_text.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "readers.h"
#include "zip_package.h"

namespace termalign::formats {
namespace {

using text::ErrorCode;
using text::Status;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Extension(std::string_view path) {
  std::size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::size_t dot = name.find_last_of('.');
  return dot == std::string_view::npos ? "" : Lower(name.substr(dot + 1));
}

// The signature of an OLE compound file: what Office writes for a password-protected DOCX
// (the encrypted package inside) and for the legacy binary formats.
constexpr std::string_view kCompoundMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

// Whether a compound file holds an encrypted Office package: its directory names the
// "EncryptionInfo" stream (names are UTF-16LE).
bool IsEncryptedPackage(std::string_view bytes) {
  constexpr std::string_view kName("E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0", 28);
  return bytes.find(kName) != std::string_view::npos;
}

Format DetectZip(std::string_view bytes, std::string_view path) {
  auto package = ZipPackage::Open(bytes, std::string(path));
  if (!package.ok()) return Format::kZip;  // ExtractText reports the damage
  if ((*package)->Has("word/document.xml")) return Format::kDocx;
  if ((*package)->Has("content.xml")) {
    auto mimetype = (*package)->Read("mimetype");
    if (mimetype.ok() && StartsWith(*mimetype, "application/vnd.oasis.opendocument.text")) {
      return Format::kOdt;
    }
  }
  return Format::kZip;
}

// TMX and XLIFF in UTF-16 (with a byte order mark), which their XML readers take: told by
// their ASCII markup, read one code unit in two. Other UTF-16 files stay text, for the text
// reader to refuse by name.
std::optional<Format> DetectUtf16Bilingual(std::string_view head) {
  const bool little = StartsWith(head, "\xFF\xFE");
  if (!little && !StartsWith(head, "\xFE\xFF")) return std::nullopt;
  std::string ascii;
  for (std::size_t i = 2; i + 1 < head.size(); i += 2) {
    char low = little ? head[i] : head[i + 1];
    char high = little ? head[i + 1] : head[i];
    ascii += high == '\0' ? static_cast<char>(std::tolower(static_cast<unsigned char>(low))) : ' ';
  }
  if (ascii.find("<xliff") != std::string::npos) return Format::kXliff;
  if (ascii.find("<tmx") != std::string::npos) return Format::kTmx;
  return std::nullopt;
}

// Whether `head` starts as a PO file does whatever its name: comments and blank lines, then a
// msgid or msgctxt keyword with its quoted string.
bool LooksLikePo(std::string_view head) {
  std::size_t start = 0;
  while (start < head.size()) {
    std::size_t end = head.find('\n', start);
    std::string_view line = head.substr(start, end == std::string_view::npos ? end : end - start);
    std::size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#') {
      line.remove_prefix(first);
      return StartsWith(line, "msgid \"") || StartsWith(line, "msgctxt \"");
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return false;
}

}  // namespace

std::string_view ToString(Format format) {
  switch (format) {
    case Format::kText: return "text";
    case Format::kDocx: return "DOCX";
    case Format::kOdt: return "ODT";
    case Format::kHtml: return "HTML";
    case Format::kPdf: return "PDF";
    case Format::kRtf: return "RTF";
    case Format::kXliff: return "XLIFF";
    case Format::kPo: return "PO";
    case Format::kTmx: return "TMX";
    case Format::kZip: return "ZIP";
    case Format::kCompound: return "OLE compound file";
  }
  return "unknown";
}

text::Place PlaceForPeople(const Place& place) {
  if (place.part == "word/document.xml" || place.part == "content.xml") return {"", place.paragraph};
  if (place.part == "word/footnotes.xml") return {"footnotes", place.paragraph};
  if (place.part == "word/endnotes.xml") return {"endnotes", place.paragraph};
  return {place.part, place.paragraph};
}

Format DetectFormat(std::string_view bytes, std::string_view path) {
  if (StartsWith(bytes, "PK\x03\x04")) return DetectZip(bytes, path);
  if (StartsWith(bytes, "%PDF-")) return Format::kPdf;
  if (StartsWith(bytes, "{\\rtf")) return Format::kRtf;
  if (StartsWith(bytes, kCompoundMagic)) return Format::kCompound;
  if (std::optional<Format> wide = DetectUtf16Bilingual(bytes.substr(0, 4096))) return *wide;
  std::string_view head = bytes.substr(0, 4096);
  if (StartsWith(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  std::size_t first = head.find_first_not_of(" \t\r\n");
  const std::string ext = Extension(path);
  if (first != std::string_view::npos && head[first] == '<') {
    const std::string lower = Lower(head);
    if (lower.find("<xliff") != std::string::npos) return Format::kXliff;
    if (lower.find("<tmx") != std::string::npos) return Format::kTmx;
    if (lower.find("<html") != std::string::npos || lower.find("<!doctype html") != std::string::npos) {
      return Format::kHtml;
    }
  }
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Format::kHtml;
  if ((ext == "po" || ext == "pot") && head.find("msgid \"") != std::string_view::npos) {
    return Format::kPo;
  }
  if (LooksLikePo(head)) return Format::kPo;
  return Format::kText;
}

text::Result<ExtractedText> ExtractText(std::string_view bytes, Format format,
                                        const std::string& path) {
  switch (format) {
    case Format::kDocx: return ReadDocx(bytes, path);
    case Format::kOdt: return ReadOdt(bytes, path);
    case Format::kHtml: return ReadHtml(bytes, path);
    case Format::kPdf: return ReadPdf(bytes, path);
    case Format::kText: {
      ExtractedText text;
      text.text = std::string(bytes);
      return text;
    }
    case Format::kRtf:
      return Status::Error(ErrorCode::kUsage,
                           path + ": RTF is not read; convert it to DOCX (any word processor "
                                  "saves it so) and give that file");
    case Format::kXliff:
    case Format::kPo:
    case Format::kTmx:
      return Status::Error(
          ErrorCode::kUsage,
          path + ": " + std::string(ToString(format)) +
              " is a bilingual file, not a document in one language: 'termalign tmx import', "
              "'glossary build --tmx' and 'qa FILE' read it");
    case Format::kCompound:
      return Status::Error(
          ErrorCode::kUsage,
          path + (IsEncryptedPackage(bytes)
                      ? ": the document is encrypted with a password; save an unprotected copy "
                        "and give that file"
                      : ": a legacy binary Office file (.doc), not read; save it as DOCX and "
                        "give that file"));
    case Format::kZip:
      return Status::Error(ErrorCode::kUsage,
                           path + ": a ZIP package that is neither DOCX nor ODT text (a "
                                  "presentation, a spreadsheet or an archive); give the "
                                  "document itself");
  }
  return Status::Error(ErrorCode::kInternal, path + ": unknown format");
}

text::Result<BilingualFile> ReadBilingual(std::string_view bytes, Format format,
                                          const std::string& path) {
  switch (format) {
    case Format::kXliff: return ReadXliff(bytes, path);
    case Format::kPo: return ReadPo(bytes, path);
    default:
      return Status::Error(ErrorCode::kUsage, path + ": " + std::string(ToString(format)) +
                                                  " is not a bilingual file (XLIFF or PO)");
  }
}

}  // namespace termalign::formats

namespace termalign::formats {

void AppendCollapsed(std::string_view text, std::string* paragraph) {
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (!space) {
      paragraph->push_back(c);
    } else if (!paragraph->empty() && paragraph->back() != ' ') {
      paragraph->push_back(' ');
    }
  }
}

void AddParagraph(std::string paragraph, Place place, ExtractedText* out) {
  while (!paragraph.empty() && paragraph.back() == ' ') paragraph.pop_back();
  if (paragraph.empty()) return;
  out->text += paragraph;
  out->text += '\n';
  out->places.push_back(std::move(place));
}

}  // namespace termalign::formats
