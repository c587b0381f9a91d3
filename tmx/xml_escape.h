// Escaping of text for XML 1.0 output (private to the tmx module).
#ifndef TERMALIGN_TMX_XML_ESCAPE_H_
#define TERMALIGN_TMX_XML_ESCAPE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace termalign::tmx {

// Appends `text` to `out` escaped for XML element content (attribute = false) or a double-quoted
// attribute value (attribute = true). Characters XML 1.0 forbids are dropped and added to
// `*removed`; carriage returns (and, in attributes, tabs and newlines) become character
// references so a parser gives them back unchanged. Returns false, with the byte offset of the
// first bad sequence in `*bad_offset`, when `text` is not valid UTF-8 (`out` is then partial).
bool AppendXmlEscaped(std::string* out, std::string_view text, bool attribute, std::size_t* removed,
                      std::size_t* bad_offset);

}  // namespace termalign::tmx

#endif  // TERMALIGN_TMX_XML_ESCAPE_H_
