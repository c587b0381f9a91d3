// Runs every check on a document pair and gathers the findings.
#include "qa/check.h"

#include <algorithm>
#include <utility>

#include "align/beads.h"
#include "qa/coverage.h"
#include "qa/numbers.h"
#include "qa/refine.h"
#include "qa/terms.h"
#include "qa/untranslated.h"

namespace termalign::qa {

text::Result<Report> CheckPair(text::Document source, text::Document target,
                               align::Alignment alignment, const CheckOptions& options) {
  text::Status covered = align::CheckCoverage(alignment.beads, source.sentences.size(),
                                              target.sentences.size());
  if (!covered.ok()) return covered.WithContext("checking the alignment");
  if (options.split_edges) SplitUnmatchedEdges(source, target, &alignment);
  Report report;
  report.source = std::move(source);
  report.target = std::move(target);
  report.alignment = std::move(alignment);
  const text::Document& src = report.source;
  const text::Document& tgt = report.target;
  const align::Alignment& beads = report.alignment;
  report.coverage = MeasureCoverage(src, tgt, beads);

  std::vector<Finding>& findings = report.findings;
  auto append = [&findings](std::vector<Finding> more) {
    findings.insert(findings.end(), std::make_move_iterator(more.begin()),
                    std::make_move_iterator(more.end()));
  };
  append(CoverageFindings(src, tgt, beads, options.weak_below));
  if (options.termbase != nullptr) {
    text::Result<std::vector<Finding>> terms = CheckTerms(*options.termbase, src, tgt, beads);
    if (!terms.ok()) return terms.status().WithContext("checking terms");
    append(std::move(terms.value()));
    report.terms_checked = true;
  }
  if (options.numbers) append(CheckNumbers(src, tgt, beads));
  if (options.untranslated) append(CheckUntranslated(src, tgt, beads));
  if (options.spelling) {
    append(CheckSpelling(src, tgt, beads));
    report.spelling_checked = true;
  }
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.bead != b.bead) return a.bead < b.bead;
    return a.kind < b.kind;
  });
  return report;
}

}  // namespace termalign::qa
