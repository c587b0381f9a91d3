// The checks of bilingual files, unit by unit, as localisation QA tools run them: empty
// targets, inline codes and placeholders kept, white space and end punctuation. Each reads the
// report's segments (one per bead) and returns its findings in bead order.
#ifndef TERMALIGN_QA_SEGMENT_CHECKS_H_
#define TERMALIGN_QA_SEGMENT_CHECKS_H_

#include <string>
#include <string_view>
#include <vector>

#include "align/aligner.h"
#include "qa/finding.h"
#include "text/tagged_text.h"

namespace termalign::qa {

// `segments[b]` is the unit of bead b of `alignment`; the sizes are equal.
struct UnitsInput {
  const std::vector<Segment>& segments;
  const align::Alignment& alignment;
  std::string_view source_lang;
  std::string_view target_lang;
};

// A unit with source text whose target is empty or only white space.
std::vector<Finding> CheckEmptyTargets(const UnitsInput& in);
// Inline codes (XLIFF, TMX) and HTML tags in the text missing or added, or pairs of them (<g>
// and </g>, <bpt> and <ept>, <b> and </b>) that nest in the source and not in the target. Codes
// that only change places are no fault: they move with the words they stand by.
std::vector<Finding> CheckTags(const UnitsInput& in);
// printf, Python, .NET and ICU placeholders missing or added; printf directives without a
// position in another order.
std::vector<Finding> CheckPlaceholders(const UnitsInput& in);
// White space at the start or the end of one side and not of the other.
std::vector<Finding> CheckEdgeSpaces(const UnitsInput& in);
// More double spaces inside the target than inside the source.
std::vector<Finding> CheckDoubleSpaces(const UnitsInput& in);
// Different end punctuation (Arabic and full-width marks read as their Latin forms); for a
// target language written with a space before ; : ! ? (French), that space missing, and for
// the others a space there that the source does not have.
std::vector<Finding> CheckEndPunctuation(const UnitsInput& in);

// The text the checks read: `tagged`'s text with each code as U+FFFC (the object replacement
// character) in its place, over its span when it has one.
std::string CodeView(const text::TaggedText& tagged);

// The key that pairs a code with the other side's: `<g id="1">`, `</g id="1">`, `<x id="2"/>`.
std::string CodeKey(const text::InlineCode& code);

}  // namespace termalign::qa

#endif  // TERMALIGN_QA_SEGMENT_CHECKS_H_
