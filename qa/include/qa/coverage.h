// Segment coverage from an alignment: omissions, additions, weak pairs and the figures.
#ifndef TERMALIGN_QA_COVERAGE_H_
#define TERMALIGN_QA_COVERAGE_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "align/aligner.h"
#include "qa/finding.h"
#include "text/types.h"

namespace termalign::qa {

// The number of Unicode code points in UTF-8 text.
std::size_t CountCodePoints(std::string_view utf8);

// Counts sentences and characters on each side, and how many lie in matched beads. The
// alignment must cover both documents (align::CheckCoverage); beads past a document's end are
// counted only up to it.
Coverage MeasureCoverage(const text::Document& source, const text::Document& target,
                         const align::Alignment& alignment);

// One finding per unmatched source sentence (omission), per unmatched target sentence
// (addition), and per matched bead scoring below `weak_below` (weak_pair). An unmatched bead
// of several sentences gives one finding per sentence, so counts are in sentences. With
// `units` (the beads are the units of a bilingual file), an unmatched source is no omission:
// the unit's empty target is reported by the checks of units.
std::vector<Finding> CoverageFindings(const text::Document& source, const text::Document& target,
                                      const align::Alignment& alignment, double weak_below,
                                      bool units = false);

}  // namespace termalign::qa

#endif  // TERMALIGN_QA_COVERAGE_H_
