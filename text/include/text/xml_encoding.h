// The bytes of an XML file as UTF-8, whatever encoding the file declares.
#ifndef TERMALIGN_TEXT_XML_ENCODING_H_
#define TERMALIGN_TEXT_XML_ENCODING_H_

#include <string>
#include <string_view>

#include "text/status.h"

namespace termalign::text {

// The encoding of an XML document as XML 1.0 appendix F finds it: a byte order mark (UTF-8,
// UTF-16LE/BE), else NULs in the first bytes (UTF-16 without a mark), else the `encoding` of
// the XML declaration, else "UTF-8". Names are returned as written in the file.
std::string DetectXmlEncoding(std::string_view bytes);

// `bytes` converted to UTF-8 from DetectXmlEncoding's encoding (through ICU's converters:
// windows-125x, ISO-8859-x, UTF-16, ...), without a byte order mark, and with the declaration's
// encoding pseudo-attribute rewritten as "UTF-8" so that a parser reads what it is given.
// Bytes already in UTF-8 are returned as they are (validated by the caller). Fails (kParse,
// naming `name`) on an encoding ICU does not know, or on bytes invalid in the declared
// encoding, with their byte offset.
Result<std::string> XmlToUtf8(std::string_view bytes, std::string_view name);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_XML_ENCODING_H_
