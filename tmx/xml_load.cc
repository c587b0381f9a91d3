#include "xml_load.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "text/atomic_file.h"

namespace termalign::tmx {
namespace {

using text::ErrorCode;
using text::Status;

// A buffer pugixml owns once parsing starts (load_buffer_inplace_own frees it).
struct PugiBuffer {
  char* data = nullptr;
  std::size_t size = 0;
  ~PugiBuffer() {
    if (data != nullptr) pugi::get_memory_deallocation_function()(data);
  }
  bool Allocate(std::size_t n) {
    data = static_cast<char*>(pugi::get_memory_allocation_function()(n == 0 ? 1 : n));
    size = n;
    return data != nullptr;
  }
  char* Release() {
    char* out = data;
    data = nullptr;
    return out;
  }
};

Status ParseError(const LoadedXml& xml, std::size_t offset, const std::string& why) {
  Position at = xml.Locate(offset);
  return Status::Error(ErrorCode::kParse, xml.path + ":" + std::to_string(at.line) + ":" +
                                              std::to_string(at.column) + ": " + why);
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

bool IsXmlChar(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// Checks UTF-8 and XML characters over the whole buffer and fills the line index.
Status CheckCharacters(LoadedXml* xml, std::string_view text) {
  xml->line_starts.clear();
  xml->line_starts.reserve(text.size() / 48 + 1);
  xml->line_starts.push_back(0);
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    unsigned char c = s[i];
    if (c < 0x80) {
      if (c == '\n') {
        xml->line_starts.push_back(static_cast<std::uint32_t>(i + 1));
      } else if (c < 0x20 && c != '\t' && c != '\r') {
        char buffer[96];
        std::snprintf(buffer, sizeof buffer,
                      "control character U+%04X is not allowed in XML 1.0 (not well-formed)", c);
        return ParseError(*xml, i, buffer);
      }
      ++i;
      continue;
    }
    std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    char32_t code = c & (c >= 0xF0 ? 0x07 : c >= 0xE0 ? 0x0F : 0x1F);
    bool ok = c >= 0xC2 && c <= 0xF4 && i + length <= n;
    for (std::size_t k = 1; ok && k < length; ++k) {
      ok = (s[i + k] & 0xC0) == 0x80;
      code = (code << 6) | (s[i + k] & 0x3F);
    }
    ok = ok && !(length == 3 && code < 0x800) && !(length == 4 && code < 0x10000);
    if (!ok || !IsXmlChar(code)) {
      char buffer[96];
      if (!ok) {
        std::snprintf(buffer, sizeof buffer, "invalid UTF-8 (byte 0x%02X at offset %zu)", c, i);
      } else {
        std::snprintf(buffer, sizeof buffer,
                      "character U+%04X is not allowed in XML 1.0 (not well-formed)",
                      static_cast<unsigned>(code));
      }
      return ParseError(*xml, i, buffer);
    }
    i += length;
  }
  return Status::Ok();
}

bool StartsWith(std::string_view text, std::size_t at, std::string_view prefix) {
  return text.substr(at, prefix.size()) == prefix;
}

// Checks what pugixml lets through: every '&' starts a predefined entity or a character reference
// to an XML character, and no DOCTYPE internal subset declares entities.
Status CheckMarkup(const LoadedXml& xml, std::string_view text) {
  std::size_t n = text.size();
  auto skip_to = [&](std::size_t from, std::string_view end) {
    std::size_t at = text.find(end, from);
    return at == std::string_view::npos ? n : at + end.size();
  };
  for (std::size_t i = 0; i < n;) {
    char c = text[i];
    if (c == '<') {
      if (StartsWith(text, i, "<!--")) {
        i = skip_to(i + 4, "-->");
      } else if (StartsWith(text, i, "<![CDATA[")) {
        i = skip_to(i + 9, "]]>");
      } else if (StartsWith(text, i, "<?")) {
        i = skip_to(i + 2, "?>");
      } else if (StartsWith(text, i, "<!DOCTYPE")) {
        std::size_t k = i + 9;
        char quote = 0;
        int depth = 0;
        for (; k < n; ++k) {
          char d = text[k];
          if (quote != 0) {
            if (d == quote) quote = 0;
          } else if (d == '"' || d == '\'') {
            quote = d;
          } else if (d == '[') {
            ++depth;
          } else if (d == ']') {
            --depth;
          } else if (d == '>' && depth <= 0) {
            break;
          } else if (depth > 0 && StartsWith(text, k, "<!--")) {
            k = skip_to(k + 4, "-->") - 1;
          } else if (depth > 0 && StartsWith(text, k, "<!ENTITY")) {
            return ParseError(xml, k,
                              "the DOCTYPE declares entities in an internal subset; termalign "
                              "refuses entity declarations (they can expand without bound, as in "
                              "the 'billion laughs' attack)");
          }
        }
        i = k + 1;
      } else {
        ++i;
      }
      continue;
    }
    if (c == '&') {
      std::size_t semi = text.find(';', i + 1);
      std::string_view ref =
          text.substr(i + 1, semi == std::string_view::npos || semi - i > 40 ? 0 : semi - i - 1);
      if (ref.empty()) {
        return ParseError(xml, i, "a raw '&' is not well-formed XML (write '&amp;')");
      }
      if (ref[0] == '#') {
        bool hex = ref.size() > 1 && ref[1] == 'x';
        std::string_view digits = ref.substr(hex ? 2 : 1);
        char32_t value = 0;
        bool ok = !digits.empty() && digits.size() <= 8;
        for (char d : digits) {
          int v = d >= '0' && d <= '9'          ? d - '0'
                  : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                  : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10
                                                : -1;
          if (v < 0) ok = false;
          value = value * (hex ? 16 : 10) + static_cast<char32_t>(std::max(v, 0));
        }
        if (!ok) {
          return ParseError(xml, i, "malformed character reference '&" + std::string(ref) + ";'");
        }
        if (!IsXmlChar(value)) {
          return ParseError(
              xml, i,
              "character reference '&" + std::string(ref) + ";' names a character XML 1.0 forbids");
        }
      } else if (ref != "lt" && ref != "gt" && ref != "amp" && ref != "apos" && ref != "quot") {
        bool name = std::all_of(ref.begin(), ref.end(), [](char d) {
          return std::isalnum(static_cast<unsigned char>(d)) || d == '_' || d == '-' || d == '.' ||
                 d == ':';
        });
        if (!name) return ParseError(xml, i, "a raw '&' is not well-formed XML (write '&amp;')");
        return ParseError(xml, i,
                          "reference to undeclared entity '&" + std::string(ref) +
                              ";' (only &lt; &gt; &amp; &apos; &quot; are defined)");
      }
      i = semi + 1;
      continue;
    }
    ++i;
  }
  return Status::Ok();
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

text::Result<std::unique_ptr<LoadedXml>> Parse(PugiBuffer* buffer, const std::string& path) {
  auto xml = std::make_unique<LoadedXml>();
  xml->path = path;
  xml->encoding = "UTF-8";
  std::string_view raw(buffer->data, buffer->size);
  std::string converted;
  bool convert = false;
  auto starts = [&](std::string_view bytes) { return StartsWith(raw, 0, bytes); };
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
      std::memmove(buffer->data, buffer->data + bom, buffer->size - bom);
      buffer->size -= bom;
    }
  }
  if (convert) {
    PugiBuffer utf8;
    if (!utf8.Allocate(converted.size())) {
      return Status::Error(ErrorCode::kIo, path + ": not enough memory to read the file");
    }
    std::memcpy(utf8.data, converted.data(), converted.size());
    std::string().swap(converted);
    std::swap(buffer->data, utf8.data);
    std::swap(buffer->size, utf8.size);
  }
  std::string_view text(buffer->data, buffer->size);
  Status status = CheckCharacters(xml.get(), text);
  if (!status.ok()) return status;
  status = CheckMarkup(*xml, text);
  if (!status.ok()) return status;

  std::size_t size = buffer->size;
  pugi::xml_parse_result result = xml->doc.load_buffer_inplace_own(
      buffer->Release(), size, pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  if (!result) {
    std::string why = result.description();
    if (result.status == pugi::status_out_of_memory) {
      return Status::Error(ErrorCode::kIo, path + ": not enough memory to parse the file");
    }
    if (result.status == pugi::status_no_document_element) {
      why = "no root element: the file is empty or holds no XML element";
    } else if (static_cast<std::size_t>(result.offset) + 2 >= size) {
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
  return path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": ";
}

bool IsBlankText(pugi::xml_node node) {
  if (node.type() != pugi::node_pcdata) return false;
  for (const char* p = node.value(); *p != '\0'; ++p) {
    if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') return false;
  }
  return true;
}

text::Result<std::unique_ptr<LoadedXml>> ParseXml(std::string bytes, const std::string& path) {
  PugiBuffer buffer;
  if (!buffer.Allocate(bytes.size())) {
    return Status::Error(ErrorCode::kIo, path + ": not enough memory to read the file");
  }
  std::memcpy(buffer.data, bytes.data(), bytes.size());
  std::string().swap(bytes);
  return Parse(&buffer, path);
}

text::Result<std::unique_ptr<LoadedXml>> LoadXml(const std::string& path) {
  if (path == "-") {
    text::Result<std::string> bytes = text::ReadFileBytes(path);
    if (!bytes.ok()) return bytes.status();
    return ParseXml(std::move(bytes).value(), "<stdin>");
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return Status::Error(ErrorCode::kIo, "cannot open " + path + ": " + std::strerror(errno));
  }
  struct stat info {};
  if (::fstat(::fileno(file), &info) != 0 || !S_ISREG(info.st_mode)) {
    std::fclose(file);
    text::Result<std::string> bytes = text::ReadFileBytes(path);
    if (!bytes.ok()) return bytes.status();
    return ParseXml(std::move(bytes).value(), path);
  }
  auto size = static_cast<std::size_t>(info.st_size);
  if (size >= (std::size_t{1} << 32) - 1) {
    std::fclose(file);
    return Status::Error(ErrorCode::kIo, path + ": the file is " + std::to_string(size >> 20) +
                                             " MiB; TMX files of 4 GiB or more are not supported "
                                             "(they are read into memory): split it");
  }
  PugiBuffer buffer;
  if (!buffer.Allocate(size)) {
    std::fclose(file);
    return Status::Error(ErrorCode::kIo, path + ": not enough memory to read " +
                                             std::to_string(size >> 20) + " MiB");
  }
  std::size_t got = std::fread(buffer.data, 1, size, file);
  int err = std::ferror(file) ? errno : 0;
  std::fclose(file);
  if (err != 0 || got != size) {
    return Status::Error(ErrorCode::kIo,
                         "cannot read " + path + ": " + std::strerror(err != 0 ? err : EIO));
  }
  return Parse(&buffer, path);
}

}  // namespace termalign::tmx
