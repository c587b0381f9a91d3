#include "xml/load.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "decode.h"
#include "well_formed.h"

namespace termalign::xml {
namespace {

using text::ErrorCode;
using text::Status;

Status ParseError(const LoadedXml& xml, std::size_t offset, const std::string& why) {
  return Status::Error(ErrorCode::kParse, xml.WhereOffset(offset) + why);
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
  Decoder decoder;
  Status status = decoder.Start(bytes, path);
  if (!status.ok()) return status;
  xml->encoding = decoder.encoding();
  if (decoder.converts()) {
    std::string converted;
    status = decoder.Convert(bytes, true, &converted);
    if (!status.ok()) {
      // Named at the end of the text converted, in the characters of the file.
      xml->bytes = std::move(converted);
      Status before = CheckCharacters(xml.get(), xml->bytes);
      if (!before.ok()) return before;
      return ParseError(*xml, xml->bytes.size(), status.message());
    }
    bytes.swap(converted);
  } else {
    bytes.erase(0, decoder.bom());
  }
  xml->bytes = std::move(bytes);
  std::string_view text = xml->bytes;
  status = CheckCharacters(xml.get(), text);
  if (!status.ok()) return status;
  status = CheckMarkup(*xml, text);
  if (!status.ok()) return status;

  status = ParseTree(xml.get(), xml->bytes.size());
  if (!status.ok()) return status;
  return xml;
}

}  // namespace

Position LoadedXml::Locate(std::size_t offset) const {
  Span span{0, {1, 1}};
  auto after = std::upper_bound(spans.begin(), spans.end(), offset,
                                [](std::size_t at, const Span& s) { return at < s.at; });
  if (after != spans.begin()) span = *std::prev(after);
  auto line_of = [&](std::size_t at) {
    return static_cast<std::size_t>(
        std::upper_bound(line_starts.begin(), line_starts.end(), at) - line_starts.begin());
  };
  std::size_t line = line_of(offset), span_line = line_of(span.at);
  if (line_starts.empty() || line == span_line) {
    return {span.origin.line, span.origin.column + offset - span.at};
  }
  return {span.origin.line + line - span_line, offset - line_starts[line - 1] + 1};
}

Status ParseTree(LoadedXml* xml, std::size_t parsed) {
  // The tree points into xml->bytes, which lives as long as it.
  pugi::xml_parse_result result =
      xml->doc.load_buffer_inplace(xml->bytes.data(), parsed,
                                   pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  if (result) return Status::Ok();
  std::string why = result.description();
  if (result.status == pugi::status_out_of_memory) {
    return Status::Error(ErrorCode::kIo, xml->path + ": not enough memory to parse the file");
  }
  if (result.status == pugi::status_no_document_element) {
    why = "no root element: the file is empty or holds no XML element";
  } else if (static_cast<std::size_t>(result.offset) + 2 >= parsed) {
    why = "unexpected end of file: the file is truncated or an element is not closed (" + why + ")";
  } else {
    why = "not well-formed XML: " + why;
  }
  return ParseError(*xml, static_cast<std::size_t>(result.offset), why);
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
