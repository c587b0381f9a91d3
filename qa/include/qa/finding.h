// QA findings: what a check found, where, and the coverage figures of one document pair.
#ifndef TERMALIGN_QA_FINDING_H_
#define TERMALIGN_QA_FINDING_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "align/aligner.h"
#include "text/tagged_text.h"
#include "text/types.h"

namespace termalign::qa {

// The kinds of finding, in the order reports list them. Their names (KindName, given in the
// table of checks, qa/check.h) are the `type` field of the JSON Lines output and the words
// `--fail-on` accepts; they are a stable interface.
enum class FindingKind {
  kOmission,          // a source sentence with no translation
  kAddition,          // a target sentence with no source
  kWeakPair,          // a matched bead the aligner is unsure of
  kMissingTerm,       // a glossary term in the source, no approved rendering in the target
  kInconsistentTerm,  // one term rendered in several ways across the document
  kRejectedTerm,      // a target term the glossary marks as rejected (or forbidden)
  kDoNotTranslate,    // a do-not-translate string of the source changed or missing in the target
  kNumberMismatch,    // a number or date of one side is missing on the other
  kUntranslated,      // the target is the source text, or in the source language
  kSpelling,          // a target word the spelling dictionary does not know
  // Checks of bilingual files (XLIFF, PO, TMX), unit by unit:
  kEmptyTarget,          // a unit with source text and no translation
  kTagMismatch,          // an inline code or HTML tag missing, added or out of order
  kPlaceholderMismatch,  // a printf, Python, .NET or ICU placeholder missing, added or moved
  kEdgeSpace,            // one side starts or ends with white space, the other does not
  kDoubleSpace,          // the target has a double space the source does not
  kEndPunctuation,       // the two sides end with different punctuation, or French spacing
};

// "omission", "addition", "weak_pair", "missing_term", ...: the kind's name in the table of checks.
std::string_view KindName(FindingKind kind);
// The kind with that name, or nullopt.
std::optional<FindingKind> ParseKind(std::string_view name);
// Every kind, in report order.
const std::vector<FindingKind>& AllKinds();
// Every kind's name, in report order, joined by ", " (for help texts and messages).
std::string KindNames();

enum class Side { kSource, kTarget };

// A Mark is a span of one sentence a finding points at, to highlight it in place:
// [begin, end) are byte offsets into that Sentence::text (not the original file).
struct Mark {
  Side side = Side::kSource;
  std::size_t sentence = 0;  // index of the sentence in its document
  std::size_t begin = 0;
  std::size_t end = 0;
};

// A Finding is one problem in one bead. The sentences it concerns are the bead's
// [source_begin, source_begin + source_count) and [target_begin, target_begin + target_count).
struct Finding {
  FindingKind kind = FindingKind::kOmission;
  std::size_t bead = 0;  // index into the alignment's beads
  std::size_t source_begin = 0;
  std::size_t source_count = 0;
  std::size_t target_begin = 0;
  std::size_t target_count = 0;
  std::string subject;                // the term, number or word concerned ("" when none)
  std::vector<std::string> expected;  // approved renderings, or the forms a number may take
  std::vector<std::string> found;     // what the other side has instead
  std::string message;                // one line for people
  std::vector<Mark> marks;
};

// A finding of `kind` on bead `index` of an alignment, over all of the bead's sentences.
Finding BeadFinding(FindingKind kind, std::size_t index, const align::Bead& bead);

// Coverage of one document pair, from its alignment. Characters are Unicode code points of the
// sentence texts.
struct Coverage {
  std::size_t beads = 0;
  std::size_t matched_beads = 0;
  std::size_t source_sentences = 0;
  std::size_t target_sentences = 0;
  std::size_t source_matched = 0;  // source sentences in matched beads
  std::size_t target_matched = 0;
  std::size_t source_chars = 0;
  std::size_t target_chars = 0;
  std::size_t source_matched_chars = 0;
  std::size_t target_matched_chars = 0;

  // Percentages in [0, 100]; 100 for an empty side.
  double SourceSentencePercent() const;
  double TargetSentencePercent() const;
  double SourceCharPercent() const;
  double TargetCharPercent() const;
  void Add(const Coverage& other);
};

// A Segment is one unit of a bilingual file (an XLIFF unit or segment, a PO message, a TMX
// <tu>) as QA reads it: the id the file gives it and each side as the file has it.
struct Segment {
  std::string id;        // XLIFF unit id ("/" segment), PO context "|" message, TMX tuid; or ""
  std::size_t line = 0;  // of the unit in the file; 0 when unknown
  text::TaggedText source;
  text::TaggedText target;  // empty when the unit has no translation
};

// A Report is everything QA found for one document pair: the two documents, their alignment,
// the coverage and the findings sorted by bead then kind. Self-contained (owns its inputs).
struct Report {
  text::Document source;
  text::Document target;
  align::Alignment alignment;
  Coverage coverage;
  std::vector<Finding> findings;
  std::vector<Finding> accepted;  // findings a person accepted (qa/accepted.h): not counted
  std::vector<std::string> checks_run;  // names from the table of checks, in order
  // One per bead, in bead order, when the pair is a bilingual file; empty otherwise.
  std::vector<Segment> segments;

  // Whether the check of that name ran ("terms" runs only with a glossary).
  bool Ran(std::string_view check) const;

  std::size_t Count(FindingKind kind) const;
  // The texts of a finding's sentences, joined with a space.
  std::string SourceText(const Finding& finding) const;
  std::string TargetText(const Finding& finding) const;
  // The unit of a bilingual file a finding is in, or nullptr when the pair is not one.
  const Segment* SegmentOf(const Finding& finding) const;
  // That unit for people: its id quoted (cut to `max_id` code points, 0: whole) and its line,
  // as in `"clean" line 6`; "" when the pair is not a bilingual file.
  std::string UnitPlace(const Finding& finding, std::size_t max_id = 0) const;
  // Where a finding is when the documents were read from DOCX, ODT, HTML or PDF: the file and
  // the paragraphs of its target sentences, or of its source sentences when it has none, as in
  // `manual.fr.docx: paragraph 12` or `manual.en.pdf: page 3, paragraphs 2-3`; "" for text.
  std::string DocumentPlace(const Finding& finding) const;
  // How reports say where a finding is: its unit (UnitPlace), else its DocumentPlace.
  std::string PlaceOf(const Finding& finding, std::size_t max_id = 0) const;
};

// Where sentences [begin, begin + count) of `document` are in its original file, for people:
// "paragraph 12", "footnotes, paragraphs 2-3", "page 3, paragraph 9 to page 4, paragraph 1";
// "" when the document has no places (text::Document::places) or the range is empty.
std::string ParagraphPlace(const text::Document& document, std::size_t begin, std::size_t count);

}  // namespace termalign::qa

#endif  // TERMALIGN_QA_FINDING_H_
