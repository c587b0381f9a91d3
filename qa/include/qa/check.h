// QA of one document pair: the table of checks, and one call that runs them into a report.
#ifndef TERMALIGN_QA_CHECK_H_
#define TERMALIGN_QA_CHECK_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "align/aligner.h"
#include "glossary/termbase.h"
#include "qa/finding.h"
#include "text/status.h"
#include "text/types.h"

namespace termalign::qa {

struct CheckInfo;

struct CheckOptions {
  // Matched beads scoring below this are weak pairs.
  double weak_below = 0.3;
  // Checks turned on (true) or off (false) against their default, by name ("spelling").
  std::map<std::string, bool, std::less<>> switches;
  // The glossary to check terms against; null skips the checks that need one. Not owned.
  glossary::Termbase* termbase = nullptr;

  // Whether `check` runs: its switch, else its default; never without a termbase it needs.
  bool Runs(const CheckInfo& check) const;
};

// What a check reads: the two documents, their alignment (covering both exactly once, in
// order) and the options.
struct CheckInput {
  const text::Document& source;
  const text::Document& target;
  const align::Alignment& alignment;
  const CheckOptions& options;
  // One per bead when the pair is a bilingual file (see Report::segments), else empty.
  const std::vector<Segment>& segments;
};

// One row of the table of checks. Adding a check is a FindingKind value for each kind it
// reports, one row, and its function.
struct CheckInfo {
  std::string_view name;  // the word CheckOptions::switches uses: "numbers"
  // The kinds it reports, with their stable names (the JSON `type`, the words of --fail-on).
  std::vector<std::pair<FindingKind, std::string_view>> kinds;
  bool on_by_default = true;
  bool needs_termbase = false;
  // Its findings, in any order. Fails only on termbase errors.
  text::Result<std::vector<Finding>> (*run)(const CheckInput& input) = nullptr;
  // Runs only on a bilingual file's units (CheckInput::segments); never on two documents.
  bool needs_units = false;
};

// Every check, in the order they run.
const std::vector<CheckInfo>& Checks();

// Runs the checks on `source` and `target` aligned by `alignment` and returns the report, which
// takes ownership of all of them. `segments`, given when the pair is a bilingual file, holds its
// unit of each bead: the checks of units run on them, and an unmatched source there is an empty
// target rather than an omission. Findings are sorted by bead, then kind. Fails (kParse) when
// the alignment does not cover both documents exactly once in order or `segments` is neither
// empty nor one per bead, and on termbase errors.
text::Result<Report> CheckPair(text::Document source, text::Document target,
                               align::Alignment alignment, const CheckOptions& options,
                               std::vector<Segment> segments = {});

}  // namespace termalign::qa

#endif  // TERMALIGN_QA_CHECK_H_
