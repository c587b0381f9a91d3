// Reports for people and for programs: the text summary and JSON Lines.
#ifndef TERMALIGN_QA_REPORT_TEXT_H_
#define TERMALIGN_QA_REPORT_TEXT_H_

#include <string>

#include "qa/finding.h"

namespace termalign::qa {

// A readable summary of `report`: the files, sentence counts, coverage and counts of findings,
// then one line per finding ("omission  en 10  fr -  not translated: \"...\""). Sentence numbers
// start at 0, as in bead files and `segment --json`. At most `max_findings` finding lines
// (0: all), then a line saying how many more there are.
std::string RenderText(const Report& report, std::size_t max_findings = 0);

// The figures part of RenderText only (no finding lines).
std::string RenderTextSummary(const Report& report);

// JSON Lines: one object per finding, then one summary object; every line ends in '\n'.
// Finding: {"type", "bead", "source_sentences": [i...], "target_sentences": [j...],
//           "source_text", "target_text", "subject", "expected": [...], "found": [...],
//           "message", "marks": [{"side": "source"|"target", "sentence", "begin", "end"}]}
//   (offsets in bytes of the sentence text); a bilingual file's finding adds "unit_id" and
//   "unit_line"; one of documents read from DOCX, ODT, HTML or PDF adds "source_place" and
//   "target_place" ({"part", "paragraph"} of the side's first sentence, as text::Place); either
//   adds "place", where the text report says it is (Report::PlaceOf).
// Summary: {"type": "summary", "source_file", "target_file", "source_lang", "target_lang",
//           "source_sentences", "target_sentences", "beads", "matched_beads",
//           "source_coverage": {"sentences": %, "chars": %}, "target_coverage": {...},
//           "counts": {"omission": n, ...every kind}, "terms_checked", "spelling_checked"}.
std::string RenderJsonLines(const Report& report);

// A one-line range of sentence numbers: "10", "11-12", "-" for none.
std::string SentenceRange(std::size_t begin, std::size_t count);

}  // namespace termalign::qa

#endif  // TERMALIGN_QA_REPORT_TEXT_H_
