// QA of one document pair: every check, one report.
#ifndef TERMALIGN_QA_CHECK_H_
#define TERMALIGN_QA_CHECK_H_

#include "align/aligner.h"
#include "glossary/termbase.h"
#include "qa/finding.h"
#include "text/status.h"
#include "text/types.h"

namespace termalign::qa {

struct CheckOptions {
  // Matched beads scoring below this are weak pairs.
  double weak_below = 0.3;
  bool numbers = true;
  bool untranslated = true;
  bool spelling = false;
  // Split unmatched headings and lines out of merged beads first (see SplitUnmatchedEdges).
  // Leave it off for an alignment a person made.
  bool split_edges = true;
  // The glossary to check terms against; null skips the term checks. Not owned.
  glossary::Termbase* termbase = nullptr;
};

// Runs the checks on `source` and `target` aligned by `alignment` and returns the report, which
// takes ownership of all three. Findings are sorted by bead, then kind. Fails (kParse) when the
// alignment does not cover both documents exactly once in order, and on termbase errors.
text::Result<Report> CheckPair(text::Document source, text::Document target,
                               align::Alignment alignment, const CheckOptions& options);

}  // namespace termalign::qa

#endif  // TERMALIGN_QA_CHECK_H_
