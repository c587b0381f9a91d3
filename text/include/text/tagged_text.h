// Text with inline codes: one side of a bilingual file's segment as the file has it, so that QA
// can compare the tags and the white space a translation must keep.
#ifndef TERMALIGN_TEXT_TAGGED_TEXT_H_
#define TERMALIGN_TEXT_TAGGED_TEXT_H_

#include <cstddef>
#include <string>
#include <vector>

namespace termalign::text {

enum class CodeRole {
  kStandalone,  // a code of its own: XLIFF <x/>, <ph>, <bpt>, <ept>; TMX <ph>, <bpt>, <ept>
  kOpen,        // the start of a code that wraps text: XLIFF <g>, <pc>; TMX <hi>
  kClose,       // its end
};

// An InlineCode is one inline element of a segment: formatting or native code a translation
// keeps. Two codes are the same code when their name and id are.
struct InlineCode {
  CodeRole role = CodeRole::kStandalone;
  std::string name;        // the element's local name: "x", "g", "ph", "bpt", "pc", "hi", ...
  std::string id;          // XLIFF id (XLIFF 2 <ec>: startRef), TMX i or x; "" when none
  std::size_t offset = 0;  // byte offset in TaggedText::text where it stands
  std::size_t length = 0;  // bytes of that text it stands for (TMX keeps a code's native text
                           // there, "<b>"); 0 when the text leaves the code out (XLIFF)
};

// A TaggedText is a segment's character data verbatim (white space as the file has it, no
// collapsing or trimming) and its inline codes in document order (offsets never decrease).
struct TaggedText {
  std::string text;
  std::vector<InlineCode> codes;
};

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_TAGGED_TEXT_H_
