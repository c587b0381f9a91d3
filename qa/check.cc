// The table of checks, and running them on a document pair.
#include "qa/check.h"

#include <algorithm>
#include <utility>

#include "align/beads.h"
#include "qa/coverage.h"
#include "qa/do_not_translate.h"
#include "qa/numbers.h"
#include "qa/segment_checks.h"
#include "qa/terms.h"
#include "qa/untranslated.h"

namespace termalign::qa {
namespace {

text::Result<std::vector<Finding>> RunCoverage(const CheckInput& in) {
  return CoverageFindings(in.source, in.target, in.alignment, in.options.weak_below,
                          !in.segments.empty());
}

text::Result<std::vector<Finding>> RunTerms(const CheckInput& in) {
  text::Result<std::vector<Finding>> terms =
      CheckTerms(*in.options.termbase, in.source, in.target, in.alignment);
  if (!terms.ok()) return terms.status().WithContext("checking terms");
  return terms;
}

text::Result<std::vector<Finding>> RunDoNotTranslate(const CheckInput& in) {
  text::Result<std::vector<Finding>> found =
      CheckDoNotTranslate(*in.options.termbase, in.source, in.target, in.alignment);
  if (!found.ok()) return found.status().WithContext("checking do-not-translate terms");
  return found;
}

text::Result<std::vector<Finding>> RunNumbers(const CheckInput& in) {
  return CheckNumbers(in.source, in.target, in.alignment);
}

text::Result<std::vector<Finding>> RunUntranslated(const CheckInput& in) {
  return CheckUntranslated(in.source, in.target, in.alignment, !in.segments.empty());
}

text::Result<std::vector<Finding>> RunSpelling(const CheckInput& in) {
  return CheckSpelling(in.source, in.target, in.alignment);
}

// A check of units (qa/segment_checks.h) as a row's function.
template <std::vector<Finding> (*check)(const UnitsInput&)>
text::Result<std::vector<Finding>> RunOnUnits(const CheckInput& in) {
  return check(UnitsInput{in.segments, in.alignment, in.source.lang, in.target.lang});
}

}  // namespace

const std::vector<CheckInfo>& Checks() {
  using K = FindingKind;
  static const std::vector<CheckInfo> checks = {
      {"coverage",
       {{K::kOmission, "omission"}, {K::kAddition, "addition"}, {K::kWeakPair, "weak_pair"}},
       true, false, RunCoverage},
      {"terms",
       {{K::kMissingTerm, "missing_term"},
        {K::kInconsistentTerm, "inconsistent_term"},
        {K::kRejectedTerm, "rejected_term"}},
       true, true, RunTerms},
      {"do_not_translate", {{K::kDoNotTranslate, "do_not_translate"}}, true, true,
       RunDoNotTranslate},
      {"numbers", {{K::kNumberMismatch, "number_mismatch"}}, true, false, RunNumbers},
      {"untranslated", {{K::kUntranslated, "untranslated"}}, true, false, RunUntranslated},
      {"spelling", {{K::kSpelling, "spelling"}}, false, false, RunSpelling},
      {"empty_target", {{K::kEmptyTarget, "empty_target"}}, true, false,
       RunOnUnits<CheckEmptyTargets>, true},
      {"tags", {{K::kTagMismatch, "tag_mismatch"}}, true, false, RunOnUnits<CheckTags>, true},
      {"placeholders", {{K::kPlaceholderMismatch, "placeholder_mismatch"}}, true, false,
       RunOnUnits<CheckPlaceholders>, true},
      {"edge_spaces", {{K::kEdgeSpace, "edge_space"}}, true, false, RunOnUnits<CheckEdgeSpaces>,
       true},
      {"double_spaces", {{K::kDoubleSpace, "double_space"}}, true, false,
       RunOnUnits<CheckDoubleSpaces>, true},
      {"end_punctuation", {{K::kEndPunctuation, "end_punctuation"}}, true, false,
       RunOnUnits<CheckEndPunctuation>, true},
  };
  return checks;
}

bool CheckOptions::Runs(const CheckInfo& check) const {
  if (check.needs_termbase && termbase == nullptr) return false;
  auto found = switches.find(check.name);
  return found != switches.end() ? found->second : check.on_by_default;
}

text::Result<Report> CheckPair(text::Document source, text::Document target,
                               align::Alignment alignment, const CheckOptions& options,
                               std::vector<Segment> segments) {
  text::Status covered = align::CheckCoverage(alignment.beads, source.sentences.size(),
                                              target.sentences.size());
  if (!covered.ok()) return covered.WithContext("checking the alignment");
  if (!segments.empty() && segments.size() != alignment.beads.size()) {
    return text::Status::Error(text::ErrorCode::kParse,
                               "checking the units: " + std::to_string(segments.size()) +
                                   " units for " + std::to_string(alignment.beads.size()) +
                                   " beads");
  }
  Report report;
  report.source = std::move(source);
  report.target = std::move(target);
  report.alignment = std::move(alignment);
  report.segments = std::move(segments);
  report.coverage = MeasureCoverage(report.source, report.target, report.alignment);

  const CheckInput input{report.source, report.target, report.alignment, options,
                         report.segments};
  std::vector<Finding>& findings = report.findings;
  for (const CheckInfo& check : Checks()) {
    if (!options.Runs(check) || (check.needs_units && report.segments.empty())) continue;
    text::Result<std::vector<Finding>> found = check.run(input);
    if (!found.ok()) return found.status();
    findings.insert(findings.end(), std::make_move_iterator(found->begin()),
                    std::make_move_iterator(found->end()));
    report.checks_run.emplace_back(check.name);
  }
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.bead != b.bead) return a.bead < b.bead;
    return a.kind < b.kind;
  });
  return report;
}

}  // namespace termalign::qa
