#include "xml/load.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "well_formed.h"

namespace termalign::xml {
namespace {

using text::ErrorCode;
using text::Status;

Status ParseError(const LoadedXml& xml, std::size_t offset, const std::string& why) {
  return Status::Error(ErrorCode::kParse, xml.WhereOffset(offset) + why);
}

void AppendUtf8(std::string* out, char32_t code) {
  if (code < 0x80) {
    out->push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code >> 6)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

// Converts UTF-16 (after its BOM) to UTF-8; on a bad sequence returns false with its byte offset.
bool Utf16ToUtf8(std::string_view in, bool big_endian, std::string* out, std::size_t* bad) {
  out->clear();
  out->reserve(in.size() / 2 + in.size() / 8);
  auto unit = [&](std::size_t at) -> char32_t {
    auto b0 = static_cast<unsigned char>(in[at]), b1 = static_cast<unsigned char>(in[at + 1]);
    return big_endian ? (b0 << 8 | b1) : (b1 << 8 | b0);
  };
  std::size_t i = 0;
  for (; i + 1 < in.size(); i += 2) {
    char32_t code = unit(i);
    if (code >= 0xD800 && code <= 0xDBFF) {
      if (i + 3 >= in.size()) break;
      char32_t low = unit(i + 2);
      if (low < 0xDC00 || low > 0xDFFF) break;
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (code >= 0xDC00 && code <= 0xDFFF) {
      break;
    }
    AppendUtf8(out, code);
  }
  *bad = i;
  return i == in.size();
}

bool StartsWith(std::string_view text, std::size_t at, std::string_view prefix) {
  return text.substr(at, prefix.size()) == prefix;
}

// Finds the encoding declared in the XML declaration, lower case, or "".
std::string DeclaredEncoding(std::string_view text) {
  if (!StartsWith(text, 0, "<?xml")) return "";
  std::string_view decl = text.substr(0, text.find("?>"));
  std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return "";
  std::size_t quote = decl.find_first_of("\"'", at);
  if (quote == std::string_view::npos) return "";
  std::size_t end = decl.find(decl[quote], quote + 1);
  if (end == std::string_view::npos) return "";
  std::string value(decl.substr(quote + 1, end - quote - 1));
  for (char& ch : value) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return value;
}

text::Result<std::unique_ptr<LoadedXml>> Parse(std::string bytes, const std::string& path,
                                               std::string_view label) {
  auto xml = std::make_unique<LoadedXml>();
  xml->path = path;
  xml->label = label;
  xml->encoding = "UTF-8";
  // Line numbers are kept in 32 bits; the input limits keep files well below.
  if (bytes.size() >= (std::size_t{1} << 32) - 1) {
    return Status::Error(ErrorCode::kIo, path + ": files of 4 GiB or more are not supported");
  }
  std::string_view raw = bytes;
  std::string converted;
  bool convert = false;
  auto starts = [&](std::string_view prefix) { return StartsWith(raw, 0, prefix); };
  if (starts(std::string_view("\xFF\xFE\x00\x00", 4)) ||
      starts(std::string_view("\x00\x00\xFE\xFF", 4))) {
    return Status::Error(ErrorCode::kParse, path + ": UTF-32 is not supported: convert to UTF-8");
  }
  bool le_bom = starts("\xFF\xFE"), be_bom = starts("\xFE\xFF");
  bool le_bare = starts(std::string_view("<\0?\0", 4)),
       be_bare = starts(std::string_view("\0<\0?", 4));
  if (le_bom || be_bom || le_bare || be_bare) {
    std::size_t bad = 0;
    bool big = be_bom || be_bare;
    std::string_view body = raw.substr(le_bom || be_bom ? 2 : 0);
    if (!Utf16ToUtf8(body, big, &converted, &bad)) {
      return Status::Error(ErrorCode::kParse, path + ": invalid UTF-16 at byte " +
                                                  std::to_string(bad + (le_bom || be_bom ? 2 : 0)));
    }
    xml->encoding = big ? "UTF-16BE" : "UTF-16LE";
    convert = true;
  } else {
    std::size_t bom = starts("\xEF\xBB\xBF") ? 3 : 0;
    std::string encoding = DeclaredEncoding(raw.substr(bom));
    if (encoding == "iso-8859-1" || encoding == "latin1" || encoding == "iso_8859-1") {
      for (char ch : raw) AppendUtf8(&converted, static_cast<unsigned char>(ch));
      xml->encoding = "ISO-8859-1";
      convert = true;
    } else if (!encoding.empty() && encoding != "utf-8" && encoding != "utf8" &&
               encoding != "us-ascii" && encoding != "ascii") {
      return Status::Error(ErrorCode::kParse, path + ": encoding '" + encoding +
                                                  "' is not supported (UTF-8, UTF-16 with a "
                                                  "byte-order mark, ISO-8859-1): convert to UTF-8");
    } else if (bom != 0) {
      bytes.erase(0, bom);
    }
  }
  if (convert) {
    bytes.swap(converted);
    std::string().swap(converted);
  }
  xml->bytes = std::move(bytes);
  std::string_view text = xml->bytes;
  Status status = CheckCharacters(xml.get(), text);
  if (!status.ok()) return status;
  status = CheckMarkup(*xml, text);
  if (!status.ok()) return status;

  // The tree points into xml->bytes, which lives as long as it.
  pugi::xml_parse_result result =
      xml->doc.load_buffer_inplace(xml->bytes.data(), xml->bytes.size(),
                                   pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  if (!result) {
    std::string why = result.description();
    if (result.status == pugi::status_out_of_memory) {
      return Status::Error(ErrorCode::kIo, path + ": not enough memory to parse the file");
    }
    if (result.status == pugi::status_no_document_element) {
      why = "no root element: the file is empty or holds no XML element";
    } else if (static_cast<std::size_t>(result.offset) + 2 >= text.size()) {
      why =
          "unexpected end of file: the file is truncated or an element is not closed (" + why + ")";
    } else {
      why = "not well-formed XML: " + why;
    }
    return ParseError(*xml, static_cast<std::size_t>(result.offset), why);
  }
  return xml;
}

}  // namespace

Position LoadedXml::Locate(std::size_t offset) const {
  if (line_starts.empty()) return {1, offset + 1};
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - line_starts.begin());
  return {line, offset - line_starts[line - 1] + 1};
}

Position LoadedXml::Of(pugi::xml_node node) const {
  std::ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return {0, 0};
  // offset_debug gives the element's name; its '<' is one byte before.
  if (node.type() == pugi::node_element && offset > 0) --offset;
  return Locate(static_cast<std::size_t>(offset));
}

std::string LoadedXml::Where(pugi::xml_node node) const {
  Position at = Of(node);
  return path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + label;
}

std::string LoadedXml::WhereOffset(std::size_t offset) const {
  Position at = Locate(offset);
  return path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + label;
}

bool IsBlankText(pugi::xml_node node) {
  if (node.type() != pugi::node_pcdata) return false;
  for (const char* p = node.value(); *p != '\0'; ++p) {
    if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') return false;
  }
  return true;
}

text::Result<std::unique_ptr<LoadedXml>> ParseXml(std::string bytes, const std::string& path,
                                                  std::string_view label) {
  return Parse(std::move(bytes), path, label);
}

text::Result<std::unique_ptr<LoadedXml>> LoadXml(const std::string& path, text::InputKind kind,
                                                 std::string_view label) {
  text::Result<std::string> bytes = text::ReadInput(path, kind);
  if (!bytes.ok()) return bytes.status();
  return Parse(std::move(bytes).value(), path == "-" ? "<stdin>" : path, label);
}

}  // namespace termalign::xml
