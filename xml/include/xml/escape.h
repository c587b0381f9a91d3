// Escaping text for XML 1.0 output, shared by the TMX and TBX writers.
#ifndef TERMALIGN_XML_ESCAPE_H_
#define TERMALIGN_XML_ESCAPE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace termalign::xml {

// Where escaped text goes.
enum class Context {
  kContent,        // element content: '&', '<', '>' escaped, '"' kept
  kContentQuoted,  // element content with '"' as "&quot;", as TBX exports have always written it
  kAttribute,      // a double-quoted attribute value
};

// True for a code point XML 1.0 allows in a document (tab, LF, CR, U+0020-U+D7FF,
// U+E000-U+FFFD, U+10000-U+10FFFF).
bool IsXmlChar(char32_t code);

// Appends `text` to `out` escaped for `context`. Characters XML 1.0 forbids (C0 controls other
// than tab, LF and CR; U+FFFE, U+FFFF) are dropped and added to `*removed`; carriage returns (and,
// in attributes, tabs and newlines) become character references so a parser gives them back
// unchanged. Returns false, with the byte offset of the first bad sequence in `*bad_offset`, when
// `text` is not valid UTF-8 (`out` is then partial).
bool AppendEscaped(std::string* out, std::string_view text, Context context, std::size_t* removed,
                   std::size_t* bad_offset);

}  // namespace termalign::xml

#endif  // TERMALIGN_XML_ESCAPE_H_
