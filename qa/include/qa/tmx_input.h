// A TMX file read as two aligned documents, so that QA can check a translation memory.
#ifndef TERMALIGN_QA_TMX_INPUT_H_
#define TERMALIGN_QA_TMX_INPUT_H_

#include <string>
#include <vector>

#include "align/aligner.h"
#include "qa/finding.h"
#include "text/status.h"
#include "text/types.h"

namespace termalign::qa {

// The two sides of a TMX and the beads that link them: unit k holding both languages is a 1-1
// bead; a unit with one of them is an unmatched bead (units with neither are skipped). Each
// variant's text is one Sentence (offsets 0: a TMX has no original text file).
struct TmxBitext {
  text::Document source;
  text::Document target;
  align::Alignment alignment;
  std::vector<std::string> warnings;  // the reader's, "file:line:col: ..."
  std::vector<Segment> segments;      // the unit of each bead: tuid, line, both variants
};

// Reads `path`. `source_lang` empty means the header's srclang; `target_lang` empty means the
// first language found that does not match the source. A variant serves a language when
// text::LangTagMatches says so: "en" takes "en-US", "en-US" takes "en" but never "en-GB".
// A bead's score is the unit's x-termalign-score prop when present, else 1. Fails (kParse)
// naming the file when it is not TMX or holds no unit with both languages' text.
text::Result<TmxBitext> ReadTmxBitext(const std::string& path, const std::string& source_lang,
                                      const std::string& target_lang);

}  // namespace termalign::qa

#endif  // TERMALIGN_QA_TMX_INPUT_H_
