// Sentence segmentation: ICU's BreakIterator plus the rules ICU misses.
#ifndef TERMALIGN_TEXT_SEGMENTER_H_
#define TERMALIGN_TEXT_SEGMENTER_H_

#include <string_view>
#include <vector>

#include "text/reader.h"
#include "text/srx.h"
#include "text/status.h"
#include "text/types.h"

namespace termalign::text {

// Splits normalised text into sentences. Paragraph ends are sentence ends. `lang` is a language
// tag: its profile's abbreviations and ICU's rules for it apply (text/language.h; the English
// abbreviations for a language without a profile). Sentence offsets point into the original bytes
// through `input.offsets`. Linear in the input size; never fails on valid UTF-8.
std::vector<Sentence> SegmentSentences(const NormalizedText& input, std::string_view lang);

// Convenience for tests and callers holding a plain UTF-8 string already in NFC: offsets are
// then into `text` itself.
std::vector<Sentence> SegmentSentences(std::string_view text, std::string_view lang);

// The same with the rules of an SRX file (text/srx.h) in place of the built-in ones: paragraph
// ends are still sentence ends and sentences are trimmed of white space. Fails (kParse) when a
// rule's match runs past its time or stack limit; the message names the document.
Result<std::vector<Sentence>> SegmentSentences(const NormalizedText& input, std::string_view lang,
                                               const SrxRules& rules, std::string_view name);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_SEGMENTER_H_
