// Loading an XML file into a pugixml tree with the checks pugixml skips, shared by the TMX and TBX
// readers and the document readers. Private to tmx/, glossary/ and formats/ (the layering check
// keeps it there).
#ifndef TERMALIGN_XML_LOAD_H_
#define TERMALIGN_XML_LOAD_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "text/input_file.h"
#include "text/status.h"

namespace termalign::xml {

// The deepest element nesting accepted, as libxml2 (xmllint) accepts by default. The readers
// walk trees recursively; real TMX and TBX files nest a handful of levels.
inline constexpr std::size_t kMaxDepth = 256;

// A position in a file: 1-based line and column (column in bytes of the UTF-8 text).
struct Position {
  std::size_t line = 0;
  std::size_t column = 0;
};

// Where a run of bytes of a LoadedXml comes from in the file: a tree read from a stream holds
// pieces of the file (see XmlStream).
struct Span {
  std::size_t at = 0;  // offset in `bytes` where the run starts
  Position origin;     // the file position of that byte
};

// A LoadedXml is a parsed file, or a piece of one: the tree (text kept exactly: parse_ws_pcdata,
// no entity expansion other than the five predefined ones and character references), the UTF-8
// bytes it points into, and a line index so any node can be reported as file:line:col.
struct LoadedXml {
  std::string path;
  std::string label;  // put after "path:line:col: " in messages ("error: " for TBX)
  std::string bytes;  // the document as UTF-8; the tree's strings live in it
  pugi::xml_document doc;
  std::vector<std::uint32_t> line_starts;  // offset in `bytes` at which each line starts
  std::string encoding;                    // "UTF-8", "UTF-16LE", "UTF-16BE" or "ISO-8859-1"
  // For a piece of a file: where its runs of bytes are (none: the whole file from line 1), and
  // the offset in the file of bytes[0].
  std::vector<Span> spans;
  std::size_t first_byte = 0;

  Position Locate(std::size_t offset) const;
  // Where `node` starts (the '<' of an element, the first byte of text).
  Position Of(pugi::xml_node node) const;
  // "path:line:col: " + label for `node`.
  std::string Where(pugi::xml_node node) const;
  // "path:line:col: " + label for byte `offset`.
  std::string WhereOffset(std::size_t offset) const;
};

// Reads `path` ("-" for stdin) within the limit of `kind` (see text/input_file.h) and parses it.
// Fails with kIo when it cannot be read or is too large, and with kParse
// ("path:line:col: <label><why>") when it is not well-formed XML 1.0, as xmllint would refuse it:
// besides pugixml's checks this refuses invalid UTF-8, characters XML forbids, a raw '&',
// references to undeclared entities, a DOCTYPE whose internal subset declares entities (entities
// are never expanded or fetched), anything but white space, comments and processing instructions
// outside the root element, an XML declaration anywhere but at the start, '<' in an attribute
// value, a repeated attribute, "--" in a comment, "]]>" in text, and elements nested deeper than
// kMaxDepth. UTF-16 (with a BOM) and ISO-8859-1 input are converted to UTF-8 first.
text::Result<std::unique_ptr<LoadedXml>> LoadXml(const std::string& path, text::InputKind kind,
                                                 std::string_view label = "");

// The same for bytes already in memory; `path` only names them in messages.
text::Result<std::unique_ptr<LoadedXml>> ParseXml(std::string bytes, const std::string& path,
                                                  std::string_view label = "");

// True when `node` is character data made only of XML white space.
bool IsBlankText(pugi::xml_node node);

}  // namespace termalign::xml

#endif  // TERMALIGN_XML_LOAD_H_
