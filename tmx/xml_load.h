// Loading a TMX file into a pugixml tree with the checks pugixml skips (private to tmx/).
#ifndef TERMALIGN_TMX_XML_LOAD_H_
#define TERMALIGN_TMX_XML_LOAD_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "text/status.h"

namespace termalign::tmx {

// A position in a file: 1-based line and column (column in bytes of the UTF-8 text).
struct Position {
  std::size_t line = 0;
  std::size_t column = 0;
};

// A LoadedXml is a parsed TMX file: the tree (text kept exactly: parse_ws_pcdata, no entity
// expansion other than the five predefined ones and character references) and a line index so
// any node can be reported as file:line:col.
struct LoadedXml {
  std::string path;
  pugi::xml_document doc;
  std::vector<std::uint32_t> line_starts;  // byte offset at which each line starts
  std::string encoding;                    // "UTF-8", "UTF-16LE", "UTF-16BE" or "ISO-8859-1"

  Position Locate(std::size_t offset) const;
  // Where `node` starts (the '<' of an element, the first byte of text).
  Position Of(pugi::xml_node node) const;
  // "path:line:col: " for `node`.
  std::string Where(pugi::xml_node node) const;
};

// Reads and parses `path` ("-" for stdin). Fails with kIo when it cannot be read, and with kParse
// ("path:line:col: <why>") when it is not well-formed XML 1.0: besides pugixml's checks this
// refuses invalid UTF-8, characters XML forbids, a raw '&', references to undeclared entities and
// a DOCTYPE whose internal subset declares entities (entities are never expanded or fetched).
// UTF-16 (with a BOM) and ISO-8859-1 input are converted to UTF-8 first.
text::Result<std::unique_ptr<LoadedXml>> LoadXml(const std::string& path);

// The same for bytes already in memory; `path` only names them in messages.
text::Result<std::unique_ptr<LoadedXml>> ParseXml(std::string bytes, const std::string& path);

// True when `node` is character data made only of XML white space.
bool IsBlankText(pugi::xml_node node);

}  // namespace termalign::tmx

#endif  // TERMALIGN_TMX_XML_LOAD_H_
