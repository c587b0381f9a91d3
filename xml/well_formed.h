// The well-formedness checks pugixml does not make (private to xml/).
#ifndef TERMALIGN_XML_WELL_FORMED_H_
#define TERMALIGN_XML_WELL_FORMED_H_

#include <string_view>

#include "text/status.h"
#include "xml/load.h"

namespace termalign::xml {

// Checks UTF-8 and XML characters over the whole of `text` and fills xml->line_starts.
text::Status CheckCharacters(LoadedXml* xml, std::string_view text);

// Checks the markup of `text` in one pass: references, entity declarations, what may stand
// outside the root element, the XML declaration's place, attribute values and names, comments,
// "]]>" in text, and the nesting depth. A construct cut off by the end of the text is left to
// pugixml, which reports it as a truncated file.
text::Status CheckMarkup(const LoadedXml& xml, std::string_view text);

}  // namespace termalign::xml

#endif  // TERMALIGN_XML_WELL_FORMED_H_
