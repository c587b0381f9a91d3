// Bilingual files as CAT tools exchange them: XLIFF 1.2 (with SDLXLIFF's and memoQ's
// segmentation marks), XLIFF 2.x and gettext PO, read as units of source and target text with
// their ids and notes, ready for TMX export, glossary building and QA without alignment.
#ifndef TERMALIGN_FORMATS_BILINGUAL_H_
#define TERMALIGN_FORMATS_BILINGUAL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "formats/document_text.h"
#include "text/status.h"
#include "text/tagged_text.h"

namespace termalign::formats {

// One segment of a bilingual file. In `source` and `target`, inline codes (XLIFF <ph>, <x/>,
// <bpt>...) are left out; the text inside formatting (<g>, <pc>, <mrk>) is kept; line breaks and
// runs of white space are one space, none at either end. `tagged_source` and `tagged_target`
// are the same sides as the file has them, for QA: white space verbatim, codes listed.
struct BilingualUnit {
  std::string id;      // XLIFF: the unit's id, "/" and the segment's when a unit has several;
                       // PO: the context ("msgctxt") and "|" before the message, or the message
  std::string source;
  std::string target;  // "" when the unit is not translated (or PO marks it fuzzy)
  std::string note;    // XLIFF notes, PO translator and extracted comments, joined by " | "
  std::size_t line = 0;  // of the unit in the file (XLIFF; 0 for PO)
  text::TaggedText tagged_source;
  text::TaggedText tagged_target;  // empty when `target` is
};

struct BilingualFile {
  Format format = Format::kXliff;
  std::string source_lang;  // as the file declares it, or "" (PO does not name it)
  std::string target_lang;
  std::vector<BilingualUnit> units;
  std::vector<std::string> warnings;  // "file:line:col: ..." or "file: ...": what was read odd
};

// Reads `bytes` as `format` (kXliff or kPo); `path` names them in messages. Fails (kParse)
// naming the file and, where known, the line: XML that is not well-formed (entity declarations
// included: they are never expanded or fetched), an XLIFF without units, a PO that gettext
// cannot read, a plural message whose translations do not match the header's Plural-Forms.
text::Result<BilingualFile> ReadBilingual(std::string_view bytes, Format format,
                                          const std::string& path);

}  // namespace termalign::formats

#endif  // TERMALIGN_FORMATS_BILINGUAL_H_
